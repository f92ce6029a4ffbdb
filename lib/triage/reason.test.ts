import { describe, expect, it } from 'vitest';
import type { PriorityReason } from '../domain/triage';
import { englishReason, parseEnglishReason } from './reason';

const REASONS: PriorityReason[] = [
  { verdict: 'complaint' },
  { verdict: 'not_complaint', reach: { count: 2, signal: 'likes' } },
  { verdict: 'sponsored' },
  { verdict: 'not_judged', language: 'ko', reach: { count: 2_000, signal: 'views' } },
  {
    verdict: 'complaint',
    reach: { count: 5_400, signal: 'views' },
    rating: 1,
    urgency: { snippet: 'unsafe, really', more: 4 },
    ageDays: 381,
  },
  { verdict: 'complaint', reach: { count: 1_500_000, signal: 'followers' }, urgency: { snippet: 'lawyer', more: 0 }, fresh: true },
  { verdict: 'complaint', reach: { count: 12, signal: 'replies' }, answeredBy: '@AcmeHelp, the team' },
];

describe('parseEnglishReason', () => {
  it('reads back every part of a line englishReason wrote', () => {
    for (const reason of REASONS) expect(parseEnglishReason(englishReason('P2', reason))).toEqual({ priority: 'P2', reason });
  });

  it('reads a rounded count as shown', () => {
    expect(
      parseEnglishReason(englishReason('P1', { verdict: 'complaint', reach: { count: 25_431, signal: 'views' } }))?.reason.reach,
    ).toEqual({
      count: 25_400,
      signal: 'views',
    });
  });

  it('refuses a line it did not write, or one clipped for storage', () => {
    expect(parseEnglishReason('x')).toBeUndefined();
    expect(parseEnglishReason('P1: complaint, 25k views, "no response for 3…')).toBeUndefined();
  });
});
