import { describe, expect, it } from 'vitest';
import { openCaseDb } from '../db/open';
import { PRIORITIES, type Priority } from '../domain/triage';
import { computeAlarms, remindersDue } from '../workflow/reminders';
import { CaseRepository } from './repository';
import { seededRandom } from '../util/random';
import { makePost } from './testing';

const T0 = Date.UTC(2026, 3, 1, 9);
const MIN = 60_000;

/** A store of 200 cases in every state, logged over the last 6 hours, some with follow-ups. */
async function mixedStore() {
  const repository = new CaseRepository(await openCaseDb('reminder-queries', indexedDB));
  const random = seededRandom(5);
  for (let i = 0; i < 200; i += 1) {
    const at = T0 - Math.floor(random() * 6 * 60 * MIN);
    const priority = PRIORITIES[Math.floor(random() * 4)] as Priority;
    const post = makePost(`r${i}`, random() < 0.5 ? { postedAt: new Date(at - Math.floor(random() * 30 * MIN)).toISOString() } : {});
    const triage = { priority, category: 'other' as const, snapshot: { complaint: true, confidence: 0.5, explanation: 'x', cues: [] } };
    const { case: logged } = await repository.logPost(post, [], at, triage);
    const roll = random();
    if (roll < 0.3) await repository.transition(logged.id, 'responded', at + 5 * MIN);
    else if (roll < 0.4) await repository.transition(logged.id, 'resolved', at + 5 * MIN);
    if (random() < 0.3) await repository.setFollowUp(logged.id, T0 + Math.floor((random() - 0.3) * 4 * 60 * MIN), at + 6 * MIN);
  }
  return repository;
}

describe('reminder reads from case_facts', () => {
  // mixedStore makes about 360 single writes, each now with its stats rows (v7): over the default
  // 5 s on a loaded 2-core machine (4-5 s each here, 2-4 s before v7).
  it('schedule the same alarms as computing them over every stored case', { timeout: 20_000 }, async () => {
    const repository = await mixedStore();
    const everything = (await repository.query({}, 0, 1000)).cases;
    for (const max of [400, 25]) {
      const fromFacts = computeAlarms(T0, await repository.upcomingReminderCases(T0), undefined, max);
      expect(fromFacts).toEqual(computeAlarms(T0, everything, undefined, max));
      expect(fromFacts.length).toBeGreaterThan(0);
    }
  });

  it('find exactly the cases whose reminders fell due in (since, now]', { timeout: 20_000 }, async () => {
    const repository = await mixedStore();
    const everything = (await repository.query({}, 0, 1000)).cases;
    const since = T0 - 45 * MIN;
    const dueNow = remindersDue(T0, everything).patches.map((patch) => patch.caseId);
    const dueBefore = new Set(remindersDue(since, everything).patches.map((patch) => patch.caseId));
    // A case is new in the window if it has a reminder due now that was not due at `since`…
    const window = await repository.casesWithRemindersDue(since, T0);
    const windowIds = new Set(window.map((item) => item.id));
    for (const id of dueNow.filter((caseId) => !dueBefore.has(caseId))) expect(windowIds.has(id), id).toBe(true);
    // …and every case found has something due in the window.
    for (const item of window) expect(remindersDue(T0, [item]).patches, item.ref).toHaveLength(1);
    expect(window.length).toBeGreaterThan(0);
    expect(window.length).toBeLessThan(dueNow.length);
  });
});
