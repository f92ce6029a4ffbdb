import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../i18n/testing';
import { openCaseDb } from '../db/open';
import { CASE_LIMITS } from '../domain/limits';
import { CaseStoreError } from './errors';
import { CaseRepository } from './repository';
import { makePost } from './testing';

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const MIN = 60_000;

async function fresh() {
  const db = await openCaseDb('careside-resolve', indexedDB);
  return { db, repository: new CaseRepository(db) };
}

describe('resolve with an outcome, and undo', () => {
  it('responded / handed off end Resolved with a first response; not actionable / spam end Closed without one', async () => {
    const { repository } = await fresh();
    const log = async (id: string) => (await repository.logPost(makePost(id), [], T0)).case;
    const at = T0 + 150 * MIN;

    const responded = (await repository.resolve((await log('r')).id, 'responded', at)).case;
    expect(responded).toMatchObject({ status: 'resolved', firstResponseAt: at, resolvedAt: at });
    expect(responded.outcome).toBeUndefined();
    expect(responded.events?.map((event) => event.detail).slice(-2)).toEqual(['New → Responded', 'Responded → Resolved']);

    const handedOff = (await repository.resolve((await log('h')).id, 'handed_off', at)).case;
    expect(handedOff).toMatchObject({ status: 'resolved', firstResponseAt: at, resolvedAt: at });

    const notActionable = (await repository.resolve((await log('n')).id, 'not_actionable', at)).case;
    expect(notActionable).toMatchObject({ status: 'closed', outcome: 'not_actionable', closedAt: at });
    expect(notActionable.firstResponseAt).toBeUndefined();
    const spam = (await repository.resolve((await log('s')).id, 'spam', at)).case;
    expect(spam).toMatchObject({ status: 'closed', outcome: 'spam' });
    expect(spam.firstResponseAt).toBeUndefined();

    // An already answered case keeps its first response time.
    const answered = await log('a');
    await repository.transition(answered.id, 'responded', T0 + 5 * MIN);
    expect((await repository.resolve(answered.id, 'responded', at)).case).toMatchObject({
      status: 'resolved',
      firstResponseAt: T0 + 5 * MIN,
    });

    // Stats: the two closed without a response are counted as such, not as resolution times.
    const stats = await repository.stats({}, { now: at, timeZone: 'UTC' });
    expect(stats.resolvedWithoutResponse).toBe(2);
    expect(stats.resolution).toEqual({ count: 3, medianMs: 150 * MIN, p90Ms: 150 * MIN });
    expect(stats.firstResponse.count).toBe(3);
  });

  it('undo puts the case back in its previous status, without the first response the resolve recorded', async () => {
    const { repository } = await fresh();
    const logged = (await repository.logPost(makePost('u'), [], T0)).case;
    const { undo } = await repository.resolve(logged.id, 'responded', T0 + MIN);
    expect(undo).toEqual({ caseId: logged.id, resolvedVersion: T0 + MIN, previousStatus: 'new', hadFirstResponse: false });
    const back = (await repository.undoResolve(undo, T0 + 2 * MIN)).case;
    expect(back.status).toBe('new');
    for (const key of ['firstResponseAt', 'resolvedAt', 'closedAt', 'outcome'] as const) expect(back).not.toHaveProperty(key);
    expect(back.events?.at(-1)?.detail).toBe('Resolved → New (resolve undone)');
    // Waiting again: it is past target by the clock that started at logging.
    expect((await repository.attention(T0 + 5 * 60 * MIN)).breaching.map((item) => item.case.ref)).toEqual([logged.ref]);

    // A waiting-on-customer case closed as spam goes back to waiting, keeping its first response.
    await repository.transition(logged.id, 'responded', T0 + 3 * MIN);
    await repository.transition(logged.id, 'waiting_on_customer', T0 + 4 * MIN);
    const spam = await repository.resolve(logged.id, 'spam', T0 + 5 * MIN);
    const again = (await repository.undoResolve(spam.undo, T0 + 6 * MIN)).case;
    expect(again).toMatchObject({ status: 'waiting_on_customer', firstResponseAt: T0 + 3 * MIN });
    expect(again).not.toHaveProperty('outcome');
  });

  it('refuses undo once the case changed since, and resolving a case that is not open, with a message; nothing changes', async () => {
    const { repository } = await fresh();
    const logged = (await repository.logPost(makePost('c'), [], T0)).case;
    const { undo, case: resolved } = await repository.resolve(logged.id, 'spam', T0 + MIN);
    await repository.addNote(logged.id, { text: 'checked with the team' }, T0 + 2 * MIN);
    const refused = await repository.undoResolve(undo, T0 + 3 * MIN).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CaseStoreError);
    expect((refused as CaseStoreError).code).toBe('conflict');
    expect((refused as Error).message).toMatch(/changed after it was resolved.*reopen/);
    expect(await repository.byId(logged.id)).toMatchObject({ status: 'closed', outcome: 'spam' });

    // Undo details that would drop a first response given before the resolve are refused.
    const answered = (await repository.logPost(makePost('d'), [], T0)).case;
    await repository.transition(answered.id, 'responded', T0 + MIN);
    const done = await repository.resolve(answered.id, 'responded', T0 + 2 * MIN);
    const forged = await repository.undoResolve({ ...done.undo, hadFirstResponse: false }, T0 + 3 * MIN).catch((error: unknown) => error);
    expect((forged as CaseStoreError).code).toBe('bad_request');
    expect(await repository.byId(answered.id)).toMatchObject({ status: 'resolved', firstResponseAt: T0 + MIN });

    const again = await repository.resolve(logged.id, 'responded', T0 + 4 * MIN).catch((error: unknown) => error);
    expect((again as CaseStoreError).code).toBe('conflict');
    expect((again as Error).message).toBe(`${resolved.ref} is already closed; reopen it first to resolve it again.`);
  });
});

describe('undo and note refusals in Spanish', () => {
  it('words the refusals in Spanish while the timeline keeps its stored English detail', async () => {
    installLocaleMessages(fakeBrowser.i18n, 'es', 'es');
    const { repository } = await fresh();
    const message = (error: unknown) => (error instanceof CaseStoreError ? error.message : String(error));

    const logged = (await repository.logPost(makePost('e'), [], T0)).case;
    await repository.transition(logged.id, 'responded', T0 + MIN);
    const first = await repository.resolve(logged.id, 'responded', T0 + 2 * MIN);
    const forged = await repository.undoResolve({ ...first.undo, hadFirstResponse: false }, T0 + 3 * MIN).then(() => 'accepted', message);
    const back = (await repository.undoResolve(first.undo, T0 + 3 * MIN)).case;
    expect(back.events?.at(-1)?.detail).toBe('Resolved → Responded (resolve undone)');

    const second = await repository.resolve(logged.id, 'spam', T0 + 4 * MIN);
    const empty = await repository.addNote(logged.id, { text: '  ' }, T0 + 4 * MIN).then(() => 'accepted', message);
    const long = await repository
      .addNote(logged.id, { text: 'x'.repeat(CASE_LIMITS.noteText + 1) }, T0 + 4 * MIN)
      .then(() => 'accepted', message);
    await repository.addNote(logged.id, { text: 'revisado' }, T0 + 5 * MIN);
    const changed = await repository.undoResolve(second.undo, T0 + 6 * MIN).then(() => 'accepted', message);
    const gone = await repository.transition(crypto.randomUUID(), 'responded', T0 + 7 * MIN).then(() => 'accepted', message);

    const refusals = [forged, empty, long, changed, gone];
    const max = CASE_LIMITS.noteText.toLocaleString('es');
    const length = (CASE_LIMITS.noteText + 1).toLocaleString('es');
    expect(refusals).toEqual([
      `No se puede deshacer en ${logged.ref}: los datos para deshacer no coinciden con el caso.`,
      'Una nota necesita algo de texto.',
      `Una nota puede tener como máximo ${max} caracteres (esta tiene ${length}).`,
      `${logged.ref} cambió después de resolverse, así que ya no se puede deshacer; reábrelo desde el panel si hace falta.`,
      'Este caso ya no existe aquí (se eliminó, o este navegador nunca lo tuvo), así que no se cambió nada.',
    ]);
    expect(englishLeaks(refusals.join('\n'))).toEqual([]);
  });
});
