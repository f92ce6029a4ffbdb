import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Case } from '../../lib/domain/case';
import {
  caseWithAssignee,
  caseWithBrandReplySeen,
  caseWithFollowUp,
  caseWithPriority,
  caseWithTags,
  snoozedCase,
  transitionedCase,
} from '../../lib/cases/case-ops';
import { englishLeaks, installLocaleMessages } from '../../lib/i18n/testing';
import { formatDateTime } from '../../lib/i18n/format';
import { makeCase, T0 } from '../../lib/transfer/testing';
import { eventDetail } from './timeline-text';

// The details the store writes (in English, on purpose), as the timeline shows them.
function lastDetail(next: Case | null): string | undefined {
  const event = next?.events?.at(-1);
  if (!event) throw new Error('no timeline entry was written');
  return eventDetail(event);
}

function storedDetails(): (string | undefined)[] {
  const open = makeCase(1);
  const closed = transitionedCase(open, { to: 'closed', outcome: 'not_actionable' }, T0 + 1)!;
  return [
    lastDetail(transitionedCase(open, { to: 'responded' }, T0 + 1)),
    lastDetail(closed),
    lastDetail(transitionedCase(closed, { to: 'reopen' }, T0 + 2)),
    lastDetail(caseWithTags({ ...open, tags: ['refund'] }, [], T0 + 1)),
    lastDetail(caseWithAssignee({ ...open, assignee: 'Sam' }, null, T0 + 1)),
    lastDetail(caseWithFollowUp(open, Date.UTC(2026, 11, 7, 9, 30), T0 + 1)),
    lastDetail(caseWithFollowUp({ ...open, followUpAt: T0 + 5 }, null, T0 + 1)),
    lastDetail(snoozedCase(open, 'tomorrow', T0 + 1, 'UTC')),
    lastDetail(caseWithBrandReplySeen(open, '@AcmeAirHelp', T0 + 1)),
    lastDetail(caseWithPriority({ ...open, priority: undefined }, 'P1', T0 + 1)),
    eventDetail({ type: 'imported', detail: 'Merged from an import' }),
    eventDetail({ type: 'conflict_resolved', detail: 'Status: kept Resolved (priya) over Responded (before sync)' }),
  ];
}

describe('stored timeline details in the reader’s language', () => {
  it('shows them as stored in English, except a follow-up time, in the reader’s locale rather than ISO', () => {
    const details = storedDetails();
    expect(details).toEqual([
      'New → Responded',
      'New → Closed (Not actionable)',
      'Closed → New (reopened)',
      'No tags',
      'Unassigned',
      `Follow up at ${formatDateTime(Date.UTC(2026, 11, 7, 9, 30))}`,
      'Follow-up cleared',
      'Snoozed Tomorrow 9:00',
      'by @AcmeAirHelp',
      'none → P1',
      'Merged from an import',
      'Status: kept Resolved (priya) over Responded (before sync)',
    ]);
  });

  describe('in Spanish', () => {
    beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

    it('words every detail CareSide writes, leaving no English', () => {
      const details = storedDetails();
      expect(details).toEqual([
        'Nuevo → Respondido',
        'Nuevo → Cerrado (No requiere acción)',
        'Cerrado → Nuevo (reabierto)',
        'Sin etiquetas',
        'Sin asignar',
        `Seguimiento el ${formatDateTime(Date.UTC(2026, 11, 7, 9, 30), 'es')}`,
        'Seguimiento quitado',
        'Pospuesto hasta mañana a las 9:00',
        'por @AcmeAirHelp',
        'ninguna → P1',
        'Fusionado desde una importación',
        'Estado: se mantuvo Resuelto (priya) frente a Respondido (antes de sincronizar)',
      ]);
      expect(englishLeaks(details.join('\n'))).toEqual([]);
    });

    it('words the reply entries, and an insert failure from its stored code', () => {
      const details = [
        eventDetail({ type: 'reply_inserted', detail: "edited suggestion #2 (Apology, warm) into X's reply box" }),
        eventDetail({ type: 'reply_copied', detail: 'own text' }),
        eventDetail({ type: 'reply_copied', detail: 'suggestion #1 (Apology, warm); insert failed: [composer_timeout 4 s]' }),
        eventDetail({ type: 'reply_copied', detail: 'own text; insert failed: [box_refused]' }),
        eventDetail({ type: 'reply_suggested', detail: '#3 Move to private, warm' }),
        eventDetail({ type: 'reply_inserted', detail: "suggestion #1 (Ask for a detail, concise) into X's reply box" }),
      ];
      expect(details).toEqual([
        'sugerencia n.º 2 editada (Apology, warm) en el cuadro de respuesta de X',
        'texto propio',
        'sugerencia n.º 1 (Apology, warm); no se pudo insertar: el cuadro de respuesta no se abrió en 4 s.',
        'texto propio; no se pudo insertar: El cuadro de respuesta del sitio no aceptó el texto (su editor ignoró todas las formas de insertarlo).',
        '#3 Pasar a privado, cercano',
        'sugerencia n.º 1 (Pedir un dato, breve) en el cuadro de respuesta de X',
      ]);
      expect(englishLeaks(details.join('\n'))).toEqual([]);
    });

    it('keeps an older entry that stored its insert failure in English readable, as stored', () => {
      const older = "own text; insert failed: X's reply box did not open within 4 s.";
      expect(eventDetail({ type: 'reply_copied', detail: older })).toBe(older);
    });

    it('shows what people wrote (notes, tags, names) as written', () => {
      expect(eventDetail({ type: 'tagged', detail: 'refund, vip' })).toBe('refund, vip');
      expect(eventDetail({ type: 'assigned', detail: 'Sam Lee' })).toBe('Sam Lee');
      expect(eventDetail({ type: 'note_added', detail: 'Called back' })).toBe('Called back');
    });
  });
});
