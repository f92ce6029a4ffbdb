import { describe, expect, it } from 'vitest';
import type { CaseFacts } from '../db/schema';
import { durationStats, percentile, summarizeFacts } from './stats';

const MIN = 60_000;

function facts(n: number, overrides: Partial<CaseFacts>): CaseFacts {
  return {
    id: `id-${n}`,
    platform: 'x',
    brandIds: [],
    status: 'responded',
    priority: 'P3',
    createdAt: 0,
    clockStart: 0,
    assignee: '',
    ...overrides,
  };
}

describe('percentile (nearest rank)', () => {
  it('is the value at rank ceil(p * n), null when empty', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
    expect(durationStats([30, 10, 20])).toEqual({ count: 3, medianMs: 20, p90Ms: 30 });
  });
});

describe('summarizeFacts', () => {
  it('measures first response and resolution from the clock start and counts breaches, also of cases still waiting', () => {
    const now = Date.UTC(2026, 2, 20, 12);
    const day = Date.UTC(2026, 2, 20, 8);
    const list = [
      // P1 answered after 10 min: met. Resolved 2 h after the post.
      facts(1, {
        priority: 'P1',
        createdAt: day,
        clockStart: day - 5 * MIN,
        firstResponseAt: day + 5 * MIN,
        stoppedAt: day + 5 * MIN,
        resolvedAt: day + 115 * MIN,
        category: 'outage',
      }),
      // P1 answered after 40 min: breached.
      facts(2, {
        priority: 'P1',
        createdAt: day,
        clockStart: day,
        firstResponseAt: day + 40 * MIN,
        stoppedAt: day + 40 * MIN,
        category: 'outage',
      }),
      // P2 still waiting for 4 h: breached at `now`.
      facts(3, {
        priority: 'P2',
        status: 'new',
        createdAt: now - 4 * 60 * MIN,
        clockStart: now - 4 * 60 * MIN,
        awaitingSince: now - 4 * 60 * MIN,
      }),
      // P4 waiting 1 h: fine.
      facts(4, {
        priority: 'P4',
        status: 'new',
        createdAt: now - 60 * MIN,
        clockStart: now - 60 * MIN,
        awaitingSince: now - 60 * MIN,
        category: 'booking',
      }),
    ];
    const stats = summarizeFacts(list, {}, { now, timeZone: 'UTC' });
    expect(stats.total).toBe(4);
    expect(stats.firstResponse).toEqual({ count: 2, medianMs: 10 * MIN, p90Ms: 40 * MIN });
    expect(stats.resolution).toEqual({ count: 1, medianMs: 120 * MIN, p90Ms: 120 * MIN });
    expect(stats.resolvedWithoutResponse).toBe(0);
    expect(stats.breaches).toBe(2);
    expect(stats.days).toEqual([{ date: '2026-03-20', total: 4, byCategory: { outage: 2, uncategorized: 1, booking: 1 } }]);
    // Configured targets change what counts as a breach.
    expect(summarizeFacts(list, {}, { now, timeZone: 'UTC', targets: { P1: 60, P2: 300, P3: 600, P4: 1440 } }).breaches).toBe(0);
  });

  it('buckets by local calendar day, across a DST change, with empty days kept', () => {
    const zone = 'America/New_York';
    // 2026-03-08 is 23 hours long in New York (clocks jump at 2:00).
    const at = (iso: string) => Date.parse(iso);
    const list = [
      facts(1, { createdAt: at('2026-03-07T23:30:00-05:00') }),
      facts(2, { createdAt: at('2026-03-08T00:10:00-05:00') }),
      facts(3, { createdAt: at('2026-03-08T23:50:00-04:00') }),
      facts(4, { createdAt: at('2026-03-10T00:05:00-04:00') }),
    ];
    const stats = summarizeFacts(
      list,
      { from: at('2026-03-07T00:00:00-05:00'), to: at('2026-03-11T00:00:00-04:00') },
      { now: at('2026-03-12T00:00:00-04:00'), timeZone: zone },
    );
    expect(stats.days.map((bucket) => [bucket.date, bucket.total])).toEqual([
      ['2026-03-07', 1],
      ['2026-03-08', 2],
      ['2026-03-09', 0],
      ['2026-03-10', 1],
    ]);
  });
});
