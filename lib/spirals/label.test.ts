import { describe, expect, it } from 'vitest';
import { spiralSummary } from './format';
import { spiralLabel } from './label';
import { complaintShingles } from './shingles';
import { LOST_BAG } from './testing';

describe('spiralLabel', () => {
  it('names a group by the word pairs most members share', () => {
    expect(spiralLabel(LOST_BAG.map(complaintShingles))).toBe('baggage claim · lost bag');
  });

  it('prefers pairs, never repeats a word, and falls back to single words', () => {
    expect(spiralLabel([['refund', 'late'], ['refund', 'late'], ['refund']])).toBe('refund · late');
    expect(
      spiralLabel([
        ['lost bag', 'bag', 'lost'],
        ['lost bag', 'bag', 'lost'],
      ]),
    ).toBe('lost bag');
  });

  it('says "similar complaints" when nothing is shared by two members', () => {
    expect(spiralLabel([['a b'], ['c d']])).toBe('similar complaints');
  });
});

describe('spiralSummary', () => {
  it('says how many, over how long, about what', () => {
    const spiral = { size: 6, firstAt: 0, lastAt: 40 * 60_000, label: 'lost bag · baggage claim' };
    expect(spiralSummary(spiral)).toBe('6 similar complaints in 40 min — lost bag · baggage claim');
    expect(spiralSummary({ ...spiral, lastAt: 0 })).toBe('6 similar complaints in 1 min — lost bag · baggage claim');
    expect(spiralSummary({ ...spiral, lastAt: 5 * 3_600_000 })).toBe('6 similar complaints in 5 h — lost bag · baggage claim');
  });
});
