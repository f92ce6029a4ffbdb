import { describe, expect, it } from 'vitest';
import type { PageCase } from '../../lib/domain/page-case';
import { DEFAULT_RESPONSE_TARGETS } from '../../lib/workflow/targets';
import { dueClockNow, dueLabelOf, msUntilNextDueTick } from '../../lib/content/due-label';
import { dueLabels } from './useDueLabels';

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);

function logged(postKey: string, priority: 'P1' | 'P2', minutesAgo: number, patch: Partial<PageCase> = {}): [string, PageCase] {
  const at = NOW - minutesAgo * MIN;
  return [
    postKey,
    {
      id: '00000000-0000-4000-8000-000000000001',
      ref: 'CS-7F3K',
      postKey,
      platform: 'x',
      post: {
        platform: 'x',
        postId: postKey.slice(2),
        kind: 'post',
        url: `https://x.com/a/status/${postKey.slice(2)}`,
        authorName: 'A',
        text: 'Acme lost my bag',
        reach: {},
        // Posted long before it was logged: the clock starts at logging.
        postedAt: new Date(at - 3 * 24 * 60 * MIN).toISOString(),
      },
      brandIds: ['acme'],
      status: 'new',
      createdAt: at,
      updatedAt: at,
      priority,
      ...patch,
    },
  ];
}

describe('first-response countdowns on logged rows', () => {
  it('counts down from logging, turns amber near the target and red once overdue, and says nothing once answered', () => {
    const labels = dueLabels(
      new Map([
        logged('x:1', 'P2', 10),
        logged('x:2', 'P1', 10),
        logged('x:3', 'P1', 20),
        logged('x:4', 'P1', 20, { status: 'responded', firstResponseAt: NOW - 19 * MIN }),
      ]),
      DEFAULT_RESPONSE_TARGETS,
      NOW,
    );
    expect(Object.fromEntries(labels)).toEqual({
      'x:1': { text: 'due in 50 min', state: 'ok' },
      'x:2': { text: 'due in 5 min', state: 'nearing' },
      'x:3': { text: 'overdue by 5 min', state: 'breached' },
    });
  });
});

describe('the countdowns’ clock', () => {
  it('floors to 30 s boundaries, so a sidebar row and a badge worked out seconds apart read the same', () => {
    // Logged 10 s past a boundary: the minute count changes inside a 30 s step of the clock.
    const [, found] = logged('x:1', 'P2', 0, { createdAt: NOW + 10_000, updatedAt: NOW + 10_000 });
    const rowAt = found.createdAt + 44 * MIN + 55_000;
    const badgeAt = found.createdAt + 45 * MIN + 5_000;
    // On raw wall time they disagree ("due in 15 min" beside "due in 14 min", as in the README screenshot).
    expect(dueLabelOf(found, DEFAULT_RESPONSE_TARGETS, rowAt)?.text).toBe('due in 15 min');
    expect(dueLabelOf(found, DEFAULT_RESPONSE_TARGETS, badgeAt)?.text).toBe('due in 14 min');
    expect(dueLabelOf(found, DEFAULT_RESPONSE_TARGETS, dueClockNow(rowAt))?.text).toBe('due in 15 min');
    expect(dueLabelOf(found, DEFAULT_RESPONSE_TARGETS, dueClockNow(badgeAt))?.text).toBe('due in 15 min');
    expect(dueClockNow(NOW + 29_999)).toBe(NOW);
    expect(msUntilNextDueTick(NOW + 29_999)).toBe(1);
    expect(msUntilNextDueTick(NOW)).toBe(30_000);
  });
});
