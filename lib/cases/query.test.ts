import { describe, expect, it } from 'vitest';
import { openCaseDb } from '../db/open';
import { CaseRepository } from './repository';
import { makePost } from './testing';

const T0 = Date.UTC(2026, 3, 1, 9);
let dbCount = 0;

/** Four cases from three authors; one assigned with tags and a note. */
async function store() {
  dbCount += 1;
  const repository = new CaseRepository(await openCaseDb(`query-${dbCount}`, indexedDB));
  const log = (id: string, overrides: Parameters<typeof makePost>[1], minutes: number) =>
    repository.logPost(makePost(id, overrides), [], T0 + minutes * 60_000).then((result) => result.case);
  const dana = await log('1', { authorName: 'Dana Reyes', authorHandle: 'danar', text: '@acme where is my bag' }, 0);
  const lee = await log('2', { authorName: 'Lee', authorHandle: 'leeflies', text: '@acme delayed again' }, 1);
  const danaAgain = await log('3', { authorName: 'Dana Reyes', authorHandle: 'DanaR', text: '@acme still no bag' }, 2);
  const noHandle = await log('4', { platform: 'yelp', authorName: 'Sam K.', authorHandle: undefined, text: 'Rude staff at Acme' }, 3);
  await repository.setAssignee(lee.id, 'Priya Shah', T0 + 10 * 60_000);
  await repository.setTags(lee.id, ['VIP', 'baggage'], T0 + 10 * 60_000);
  await repository.addNote(danaAgain.id, { text: 'Called the airport desk' }, T0 + 10 * 60_000);
  return { repository, dana, lee, danaAgain, noHandle };
}

const refsOf = async (repository: CaseRepository, filter: Parameters<CaseRepository['query']>[0]) =>
  (await repository.query(filter, 0, 100)).cases.map((item) => item.ref);

describe('case query search', () => {
  it('finds text in notes, tags and the assignee, not only in the post', async () => {
    const { repository, lee, danaAgain } = await store();
    expect(await refsOf(repository, { search: 'airport DESK' })).toEqual([danaAgain.ref]);
    expect(await refsOf(repository, { search: 'vip' })).toEqual([lee.ref]);
    expect(await refsOf(repository, { search: 'priya' })).toEqual([lee.ref]);
    expect(await refsOf(repository, { search: 'nothing like this' })).toEqual([]);
  });

  it('finds an @handle typed with its @', async () => {
    const { repository, dana, danaAgain } = await store();
    expect(await refsOf(repository, { search: '@danar' })).toEqual([danaAgain.ref, dana.ref]);
    // A lone "@" is not a handle: it matches only text that has one.
    expect((await repository.query({ search: '@' }, 0, 100)).total).toBe(3);
  });
});

describe('case query assignee and author filters', () => {
  it('keeps the cases assigned to a person (any case), or the unassigned ones for null', async () => {
    const { repository, dana, lee, danaAgain, noHandle } = await store();
    expect(await refsOf(repository, { assignee: 'priya SHAH' })).toEqual([lee.ref]);
    expect(await refsOf(repository, { assignee: 'Priya' })).toEqual([]);
    expect(await refsOf(repository, { assignee: null })).toEqual([noHandle.ref, danaAgain.ref, dana.ref]);
  });

  it('keeps one author’s cases by handle (with or without @, any case), or by name when the post has none', async () => {
    const { repository, dana, danaAgain, noHandle } = await store();
    expect(await refsOf(repository, { author: '@danar', platform: 'x' })).toEqual([danaAgain.ref, dana.ref]);
    expect(await refsOf(repository, { author: 'Sam K.' })).toEqual([noHandle.ref]);
    expect(await refsOf(repository, { author: 'danar', platform: 'yelp' })).toEqual([]);
  });

  it('combines with the indexed filters and the search, and the stats count the same cases', async () => {
    const { repository, lee } = await store();
    await repository.transition(lee.id, 'responded', T0 + 20 * 60_000);
    const filter = { status: 'responded' as const, assignee: 'Priya Shah', search: 'delayed' };
    expect(await refsOf(repository, filter)).toEqual([lee.ref]);
    const stats = await repository.stats(filter, { now: T0 + 30 * 60_000, timeZone: 'UTC' });
    expect(stats.total).toBe(1);
    // Two posts say "bag", and Lee's case is tagged "baggage".
    expect((await repository.stats({ search: 'bag' }, { now: T0, timeZone: 'UTC' })).total).toBe(3);
    expect((await repository.stats({ assignee: null }, { now: T0, timeZone: 'UTC' })).total).toBe(3);
  });
});
