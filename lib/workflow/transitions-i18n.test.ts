import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../i18n/testing';
import { CASE_STATUSES } from '../domain/case';
import { makeCase, T0 } from './testing';
import { applyTransition, type TransitionRequest } from './transitions';
import { RESOLUTIONS, resolutionSteps } from './resolve';

// Why a status change was refused reaches the dashboard as it is (a case's status field, a bulk
// change's skipped cases): a Spanish browser reads it in Spanish.
function refusal(status: (typeof CASE_STATUSES)[number], request: TransitionRequest): string {
  const result = applyTransition(makeCase(1, { status }), request);
  if (result.ok) throw new Error(`expected ${status} -> ${request.to} to be refused`);
  return result.error.message;
}

describe('refused status changes in Spanish', () => {
  beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

  it('names the case, both statuses and the way out in Spanish', () => {
    const ref = makeCase(1).ref;
    expect(refusal('closed', { to: 'resolved', at: T0 })).toBe(
      `No se puede pasar ${ref} de Cerrado a Resuelto: cerrado es definitivo; reábrelo primero (vuelve a Nuevo).`,
    );
    expect(refusal('new', { to: 'waiting_on_customer', at: T0 })).toBe(
      `No se puede pasar ${ref} de Nuevo a Esperando al cliente: nadie ha respondido todavía al cliente; márcalo primero como Respondido (o Derivado).`,
    );
    expect(refusal('new', { to: 'closed', at: T0 })).toMatch(/^Para cerrar CS-\w+ hace falta un resultado: Resuelto, /);
  });

  it('leaves no English in any refusal', () => {
    const messages = CASE_STATUSES.flatMap((status) =>
      (['new', 'resolved', 'waiting_on_customer', 'reopen', 'closed'] as const).flatMap((to) => {
        const result = applyTransition(makeCase(1, { status }), { to, at: T0, ...(to === 'resolved' ? { outcome: 'spam' } : {}) });
        return result.ok ? [] : [result.error.message];
      }),
    );
    expect(messages.length).toBeGreaterThan(5);
    expect(englishLeaks(messages.join('\n'))).toEqual([]);
  });

  it('refuses to resolve a case that already ended, in Spanish', () => {
    const ref = makeCase(1).ref;
    const refusals = (['resolved', 'closed'] as const).flatMap((status) =>
      RESOLUTIONS.map((resolution) => {
        const plan = resolutionSteps({ ref, status }, resolution);
        if (plan.ok) throw new Error(`expected resolving a ${status} case to be refused`);
        return plan.message;
      }),
    );
    expect(refusals[0]).toBe(`${ref} ya está resuelto; reábrelo primero para volver a resolverlo.`);
    expect(refusals.at(-1)).toBe(`${ref} ya está cerrado; reábrelo primero para volver a resolverlo.`);
    expect(englishLeaks(refusals.join('\n'))).toEqual([]);
  });
});
