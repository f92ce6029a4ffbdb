import { describe, expect, it } from 'vitest';
import { openCaseDb } from '../db/open';
import { CaseRepository } from './repository';
import { keptDimsOf } from './stats';
import { makePost } from './testing';

const T0 = Date.UTC(2026, 4, 4, 9, 30);
const MIN = 60_000;

describe('which filters the kept stats answer', () => {
  it('dates and at most one of platform, status, priority, category or brand; not a search, an assignee or two kinds', () => {
    expect(keptDimsOf({})).toEqual(['all']);
    expect(keptDimsOf({ platform: 'yelp', from: 1, to: 2 })).toEqual(['platform:yelp']);
    expect(keptDimsOf({ status: 'open' })).toEqual(['status:new', 'status:responded', 'status:handed_off', 'status:waiting_on_customer']);
    expect(keptDimsOf({ brandId: 'acme' })).toEqual(['brand:acme']);
    expect(keptDimsOf({ platform: 'x', priority: 'P1' })).toBeNull();
    expect(keptDimsOf({ search: 'refund' })).toBeNull();
    expect(keptDimsOf({ assignee: null })).toBeNull();
  });
});

describe('stats over a filter the kept stats answer', () => {
  it('come from case_stats, not from the facts records; other filters still read the facts', async () => {
    const repository = new CaseRepository(await openCaseDb('kept-stats', indexedDB));
    for (let i = 0; i < 5; i += 1) await repository.logPost(makePost(`k${i}`), ['acme'], T0 + i * 20 * MIN);
    // Two days on, every case (P3, never answered) is past its target.
    const options = { now: T0 + 48 * 60 * MIN, timeZone: 'UTC' };
    expect((await repository.stats({ platform: 'x' }, options)).total).toBe(5);

    // Take the facts away behind the store's back: only the kept rows can still know the cases.
    const db = await openCaseDb('kept-stats', indexedDB);
    await db.clear('case_facts');
    const kept = await repository.stats({ platform: 'x', from: T0 - 30 * MIN, to: T0 + 150 * MIN }, options);
    expect(kept.total).toBe(5);
    expect(kept.days).toEqual([{ date: '2026-05-04', total: 5, byCategory: { uncategorized: 5 } }]);
    expect(kept.breaches).toBe(5);
    // A range starting mid-hour takes that hour from its facts (gone here): only the whole hours count.
    expect((await repository.stats({ platform: 'x', from: T0 }, options)).total).toBe(3);
    expect((await repository.stats({ platform: 'x', priority: 'P3' }, options)).total).toBe(0);
    db.close();
  });
});
