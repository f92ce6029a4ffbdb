import { describe, expect, it } from 'vitest';
import { openCaseDb } from '../db/open';
import { CaseRepository } from './repository';
import { makePost } from './testing';

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

async function freshRepository() {
  return new CaseRepository(await openCaseDb('careside-attention', indexedDB));
}

describe('attention: past target', () => {
  it('lists by priority first (every P1 before a far more overdue P3), then the most overdue; answered and closed cases never', async () => {
    const repository = await freshRepository();
    const log = async (id: string, priority: 'P1' | 'P2' | 'P3' | 'P4', at: number, postedAt?: number) => {
      const post = makePost(id, postedAt === undefined ? {} : { postedAt: new Date(postedAt).toISOString() });
      const logged = (await repository.logPost(post, [], at)).case;
      return (await repository.setPriority(logged.id, priority, at)).case;
    };
    const now = T0 + 400 * DAY;
    const yearOldP3 = await log('p3', 'P3', T0);
    const p1Recent = await log('p1a', 'P1', now - 20 * MIN);
    // An ancient post logged 30 min ago: overdue by 15 min (its post time does not count).
    const p1Older = await log('p1b', 'P1', now - 30 * MIN, T0 - 400 * DAY);
    const p2 = await log('p2', 'P2', now - 3 * 60 * MIN);
    const closed = await log('closed', 'P1', now - 2 * DAY);
    await repository.transition(closed.id, 'closed', now - DAY, 'spam');
    const resolved = await log('resolved', 'P1', now - 2 * DAY);
    await repository.transition(resolved.id, 'resolved', now - DAY);
    const answeredLate = await log('late', 'P1', now - 2 * DAY);
    await repository.transition(answeredLate.id, 'responded', now - DAY);

    const attention = await repository.attention(now);
    expect(attention.breaching.map((item) => item.case.ref)).toEqual([p1Older.ref, p1Recent.ref, p2.ref, yearOldP3.ref]);
    expect(attention.breaching.map((item) => item.overdueMs)).toEqual([15 * MIN, 5 * MIN, 2 * 60 * MIN, 400 * DAY - 4 * 60 * MIN]);
    expect(attention.breachingCount).toBe(4);
  });

  it('a case logged from an old post starts within its target', async () => {
    const repository = await freshRepository();
    const post = makePost('yelp-old', { postedAt: new Date(T0 - 399 * DAY).toISOString() });
    await repository.logPost(post, [], T0);
    const attention = await repository.attention(T0 + MIN);
    expect(attention.breachingCount).toBe(0);
    expect(attention.breaching).toEqual([]);
  });
});
