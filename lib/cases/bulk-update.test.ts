import { describe, expect, it } from 'vitest';
import { openCaseDb } from '../db/open';
import { CaseStoreError } from './errors';
import { CaseRepository } from './repository';
import { makePost } from './testing';

const T0 = Date.UTC(2026, 3, 1, 9);
const LATER = T0 + 3_600_000;
let dbCount = 0;

async function storeWith(count: number) {
  dbCount += 1;
  const repository = new CaseRepository(await openCaseDb(`bulk-${dbCount}`, indexedDB));
  const cases = [];
  for (let i = 0; i < count; i += 1) cases.push((await repository.logPost(makePost(`b${i}`), [], T0 + i)).case);
  return { repository, cases };
}

describe('bulkUpdate', () => {
  it('assigns every selected case in one go, each with its own timeline entry, and leaves the rest alone', async () => {
    const { repository, cases } = await storeWith(3);
    const [a, b, c] = cases;
    const result = await repository.bulkUpdate({ caseIds: [a!.id, b!.id] }, { kind: 'assignee', assignee: 'Priya' }, LATER);
    expect(result).toMatchObject({ changed: 2, unchanged: 0, skipped: [], missing: 0 });
    expect(result.postKeys.sort()).toEqual([a!.postKey, b!.postKey].sort());
    for (const item of [a!, b!]) {
      const stored = await repository.byId(item.id);
      expect(stored?.assignee).toBe('Priya');
      expect(stored?.events?.at(-1)).toMatchObject({ type: 'assigned', detail: 'Priya', at: LATER });
    }
    expect((await repository.byId(c!.id))?.assignee).toBeUndefined();
    // Again: nothing to do, nothing written.
    const again = await repository.bulkUpdate({ caseIds: [a!.id, b!.id] }, { kind: 'assignee', assignee: 'Priya' }, LATER + 1);
    expect(again).toMatchObject({ changed: 0, unchanged: 2, postKeys: [] });
  });

  it('adds and removes a tag case-insensitively, keeping the other tags', async () => {
    const { repository, cases } = await storeWith(2);
    const ids = cases.map((item) => item.id);
    await repository.setTags(ids[0]!, ['refund'], T0 + 10);
    await repository.bulkUpdate({ caseIds: ids }, { kind: 'addTag', tag: 'VIP' }, LATER);
    expect((await repository.byId(ids[0]!))?.tags).toEqual(['refund', 'VIP']);
    expect((await repository.byId(ids[1]!))?.tags).toEqual(['VIP']);
    const removed = await repository.bulkUpdate({ caseIds: ids }, { kind: 'removeTag', tag: 'vip' }, LATER + 1);
    expect(removed.changed).toBe(2);
    expect((await repository.byId(ids[0]!))?.tags).toEqual(['refund']);
    expect((await repository.byId(ids[1]!))?.tags).toBeUndefined();
  });

  it('moves the status where the lifecycle allows it and names the cases it skipped, with the counts kept right', async () => {
    const { repository, cases } = await storeWith(3);
    const [a, b, c] = cases;
    await repository.transition(c!.id, 'closed', T0 + 10, 'spam');
    const result = await repository.bulkUpdate({ caseIds: cases.map((item) => item.id) }, { kind: 'status', to: 'responded' }, LATER);
    expect(result.changed).toBe(2);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]?.ref).toBe(c!.ref);
    expect(result.skipped[0]?.reason).toMatch(/\S/);
    expect((await repository.byId(a!.id))?.status).toBe('responded');
    expect((await repository.byId(b!.id))?.events?.at(-1)).toMatchObject({ type: 'status_changed', detail: 'New → Responded' });
    expect((await repository.summary()).byStatus).toMatchObject({ new: 0, responded: 2, closed: 1 });
  });

  it('applies to every case a filter matches, and counts ids that are gone as missing', async () => {
    const { repository, cases } = await storeWith(3);
    await repository.setAssignee(cases[0]!.id, 'Lee', T0 + 10);
    const result = await repository.bulkUpdate({ filter: { assignee: null } }, { kind: 'addTag', tag: 'triaged' }, LATER);
    expect(result.changed).toBe(2);
    expect((await repository.byId(cases[0]!.id))?.tags).toBeUndefined();
    await repository.deleteCases([cases[1]!.id]);
    const partly = await repository.bulkUpdate({ caseIds: [cases[1]!.id, cases[2]!.id] }, { kind: 'assignee', assignee: null }, LATER);
    expect(partly).toMatchObject({ changed: 0, unchanged: 1, missing: 1 });
  });

  it('refuses a selection larger than one transaction takes, with a clear error and nothing changed', async () => {
    const { repository } = await storeWith(1);
    const ids = Array.from({ length: 5_001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const attempt = repository.bulkUpdate({ caseIds: ids }, { kind: 'assignee', assignee: 'X' }, LATER);
    await expect(attempt).rejects.toBeInstanceOf(CaseStoreError);
    await expect(attempt).rejects.toThrow(/at most 5,000/);
  });
});
