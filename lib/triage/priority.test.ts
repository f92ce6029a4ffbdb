import { describe, expect, it } from 'vitest';
import { formatCount, reachPoints, scorePriority, type PriorityInput } from './priority';
import { findUrgencyCues } from './urgency';
import { normalizeText } from './text';

const complaint = { isComplaint: true, confidence: 0.9 };
const notComplaint = { isComplaint: false, confidence: 0.1 };
const urgencyOf = (text: string) => findUrgencyCues(normalizeText(text));
const base: PriorityInput = { complaint, urgency: [], reach: {}, kind: 'post' };

describe('urgency cues', () => {
  it.each([
    ['the charger caught fire in my kitchen', 'safety'],
    ['my lawyer will be in touch', 'legal'],
    ['no response for 3 weeks', 'long_wait'],
    ['2 weeks and still no reply', 'long_wait'],
    ['please cancel my account today', 'churn'],
    ['the app is down again', 'outage'],
  ])('%j → %s', (text, kind) => {
    expect(urgencyOf(text).map((cue) => cue.kind)).toContain(kind);
  });

  it('does not see urgency in ordinary complaints', () => {
    expect(urgencyOf('late again, food court was closed, waited 20 minutes')).toEqual([]);
  });
});

describe('scorePriority', () => {
  it('explains a viral, long-unanswered complaint in one line', () => {
    const result = scorePriority({ ...base, urgency: urgencyOf('No response for 3 weeks!'), reach: { views: 25_000 } });
    // 20 + 18 (complaint) + 20.4 (25k views) + 15 (long wait) + 5 (post) = 78.4
    expect(result.score).toBe(78.4);
    expect(result.priority).toBe('P1');
    expect(result.explanation).toBe('P1: complaint, 25k views, "no response for 3 weeks"');
  });

  it('scores each documented component', () => {
    expect(scorePriority({ ...base, complaint: notComplaint }).score).toBe(5); // visibility only
    expect(scorePriority({ ...base, kind: 'reply', complaint: notComplaint }).score).toBe(2);
    expect(scorePriority({ ...base, kind: 'review', complaint: notComplaint }).score).toBe(8);
    expect(scorePriority({ ...base, complaint: { isComplaint: true, confidence: 1 } }).score).toBe(45);
    expect(reachPoints({})).toBe(0);
    expect(reachPoints({ views: 9 })).toBe(0);
    expect(reachPoints({ views: 999 })).toBeCloseTo(12, 1);
    expect(reachPoints({ views: 10 ** 9 })).toBe(30); // capped
    expect(reachPoints({ likes: 50 })).toBe(reachPoints({ views: 1000 })); // a like ≈ 20 viewers
  });

  it('caps urgency and the total at their documented maxima', () => {
    const everything = urgencyOf('unsafe! lawyer! no reply for 2 weeks, cancel my account, site is down');
    expect(everything).toHaveLength(5);
    const result = scorePriority({
      ...base,
      complaint: { isComplaint: true, confidence: 1 },
      urgency: everything,
      reach: { views: 10 ** 8 },
      kind: 'review',
    });
    expect(result.score).toBe(100);
    expect(result.explanation).toBe('P1: complaint, 100M views, "unsafe" +4');
  });

  it('keeps safety issues at P2 or above even when quiet and not flagged as complaints', () => {
    const result = scorePriority({
      ...base,
      complaint: notComplaint,
      urgency: urgencyOf('there is smoke coming out of the charger'),
      kind: 'comment',
    });
    expect(result.score).toBe(37);
    expect(result.priority).toBe('P2');
  });

  it('holds viral non-complaints at P3 at most', () => {
    const result = scorePriority({ ...base, complaint: notComplaint, reach: { views: 5_000_000, followers: 2_000_000 } });
    expect(result.score).toBe(35);
    expect(result.priority).toBe('P3');
    expect(result.explanation).toBe('P3: not a complaint, 5M views');
    // 30 reach + 8 review + 10 one-star + 10 fresh = 58 would be P2: capped because nothing is wrong.
    const huge = scorePriority({
      ...base,
      complaint: notComplaint,
      reach: { views: 10 ** 9, rating: 1 },
      kind: 'review',
      postedAt: '2025-01-01T00:00:00Z',
      now: Date.parse('2025-01-01T00:30:00Z'),
    });
    expect(huge.score).toBe(58);
    expect(huge.priority).toBe('P3');
  });

  it('counts age only when now is given, and handles future or invalid times', () => {
    const postedAt = '2025-03-01T12:00:00Z';
    const at = (iso: string) => scorePriority({ ...base, postedAt, now: Date.parse(iso) });
    expect(scorePriority({ ...base, postedAt }).score).toBe(43);
    expect(at('2025-03-01T13:00:00Z').score).toBe(53); // < 2 h: +10
    expect(at('2025-03-01T13:00:00Z').explanation).toBe('P2: complaint, fresh');
    // An unanswered complaint keeps its +10 as it waits: age alone never demotes it.
    expect(at('2025-03-01T20:00:00Z').score).toBe(53);
    expect(at('2025-03-01T20:00:00Z').explanation).toBe('P2: complaint');
    expect(at('2025-03-05T12:00:00Z').score).toBe(53);
    expect(at('2025-03-20T12:00:00Z').score).toBe(53);
    expect(at('2025-03-20T12:00:00Z').explanation).toBe('P2: complaint, posted 19 d ago');
    expect(at('2025-02-01T00:00:00Z').score).toBe(53); // posted "in the future" (clock skew): treated as fresh
    expect(scorePriority({ ...base, postedAt: 'not a date', now: 0 }).score).toBe(43);
  });

  it('counts age for posts that are not complaints: fresh +10, < 24 h +5, > 7 days −10', () => {
    const postedAt = '2025-03-01T12:00:00Z';
    const at = (iso: string) => scorePriority({ ...base, complaint: notComplaint, postedAt, now: Date.parse(iso) });
    const none = scorePriority({ ...base, complaint: notComplaint, postedAt }).score;
    expect(at('2025-03-01T13:00:00Z').score - none).toBe(10);
    expect(at('2025-03-01T20:00:00Z').score - none).toBe(5);
    expect(at('2025-03-05T12:00:00Z').score - none).toBe(0);
    expect(at('2025-03-20T12:00:00Z').explanation).toMatch(/posted 19 d ago$/);
  });

  it('never demotes an unanswered complaint for its age: two weeks old, 250k views, refund', () => {
    const input: PriorityInput = {
      complaint: { isComplaint: true, confidence: 0.9 },
      urgency: [],
      reach: { views: 250_000 },
      kind: 'post',
      postedAt: '2025-03-01T12:00:00Z',
    };
    const fresh = scorePriority({ ...input, now: Date.parse('2025-03-01T12:30:00Z') });
    const twoWeeks = scorePriority({ ...input, now: Date.parse('2025-03-15T12:00:00Z') });
    expect(fresh.priority).toBe('P1');
    expect(twoWeeks.priority).toBe('P1');
    expect(twoWeeks.score).toBe(fresh.score);
    expect(twoWeeks.explanation).toBe('P1: complaint, 250k views, posted 14 d ago');
  });

  it('uses low star ratings and shows them', () => {
    const result = scorePriority({ ...base, kind: 'review', reach: { rating: 1 } });
    expect(result.score).toBe(56);
    expect(result.explanation).toBe('P2: complaint, 1★');
    expect(scorePriority({ ...base, kind: 'review', reach: { rating: 2 } }).score).toBe(51);
    expect(scorePriority({ ...base, kind: 'review', reach: { rating: 4 } }).score).toBe(46);
  });

  it('is deterministic and never leaves 0–100', () => {
    const input: PriorityInput = { ...base, reach: { replies: 3, reposts: 2, likes: 40 } };
    expect(scorePriority(input)).toEqual(scorePriority(input));
    const low = scorePriority({
      ...base,
      complaint: notComplaint,
      kind: 'reply',
      postedAt: '2020-01-01T00:00:00Z',
      now: Date.parse('2025-01-01T00:00:00Z'),
    });
    expect(low.score).toBe(0);
    expect(low.priority).toBe('P4');
    expect(low.explanation).toBe('P4: not a complaint, posted 1827 d ago');
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1_234, '1.2k'],
    [25_000, '25k'],
    [150_000, '150k'],
    [1_500_000, '1.5M'],
    [2_000_000_000, '2B'],
  ])('%d → %s', (value, text) => {
    expect(formatCount(value)).toBe(text);
  });
});
