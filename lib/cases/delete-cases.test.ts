import { describe, expect, it } from 'vitest';
import { openCaseDb } from '../db/open';
import { CaseRepository } from './repository';
import { makePost } from './testing';

const T0 = Date.UTC(2026, 0, 10, 12);
const MIN = 60_000;

async function repositoryWith(name: string, count: number) {
  const db = await openCaseDb(name, indexedDB);
  const repository = new CaseRepository(db);
  const cases = [];
  for (let i = 0; i < count; i += 1) cases.push((await repository.logPost(makePost(`p${i}`), ['acme'], T0 + i * MIN)).case);
  return { db, repository, cases };
}

describe('deleting cases', () => {
  it('removes the case, its facts and its counts, and answers what it deleted', async () => {
    const { db, repository, cases } = await repositoryWith('delete-one', 3);
    const [first, second] = cases;
    const deleted = await repository.deleteCases([first!.id]);
    expect(deleted).toEqual([{ id: first!.id, ref: first!.ref, postKey: first!.postKey }]);
    expect(await repository.byId(first!.id)).toBeUndefined();
    expect(await db.get('case_facts', first!.id)).toBeUndefined();
    expect((await repository.summary()).byStatus.new).toBe(2);
    expect(await repository.byPostKeys([first!.postKey, second!.postKey])).toEqual([second]);
  });

  it('is idempotent: a case already gone (or never stored) is skipped and changes no count', async () => {
    const { repository, cases } = await repositoryWith('delete-twice', 2);
    await repository.deleteCases([cases[0]!.id]);
    expect(await repository.deleteCases([cases[0]!.id, '00000000-0000-4000-8000-000000000000'])).toEqual([]);
    expect(await repository.openCount()).toBe(1);
  });

  it('deletes a batch with repeated ids once each', async () => {
    const { repository, cases } = await repositoryWith('delete-batch', 4);
    const ids = cases.map((item) => item.id);
    expect(await repository.deleteCases([...ids, ids[0]!])).toHaveLength(4);
    expect((await repository.summary()).openTotal).toBe(0);
  });

  it('frees the post: logging it again makes a new case', async () => {
    const { repository, cases } = await repositoryWith('delete-relog', 1);
    await repository.deleteCases([cases[0]!.id]);
    const again = await repository.logPost(makePost('p0'), ['acme'], T0 + 10 * MIN);
    expect(again.created).toBe(true);
    expect(again.case.id).not.toBe(cases[0]!.id);
  });
});

describe('retention batches', () => {
  it('delete closed cases closed by the cutoff, never later ones, resolved or open ones', async () => {
    const { repository, cases } = await repositoryWith('retention', 5);
    const [early, late, resolved] = cases;
    await repository.transition(early!.id, 'closed', T0 + 10 * MIN, 'resolved');
    await repository.transition(late!.id, 'closed', T0 + 30 * MIN, 'spam');
    await repository.transition(resolved!.id, 'resolved', T0 + 10 * MIN);
    const deleted = await repository.deleteClosedBefore(T0 + 20 * MIN);
    expect(deleted.map((item) => item.ref)).toEqual([early!.ref]);
    expect(await repository.byId(late!.id)).toBeDefined();
    expect(await repository.byId(resolved!.id)).toBeDefined();
    expect((await repository.summary()).openTotal).toBe(2);
  });
});
