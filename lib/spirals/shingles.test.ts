import { describe, expect, it } from 'vitest';
import { complaintShingles, contentWords, MAX_SHINGLES } from './shingles';

describe('complaintShingles', () => {
  it('keeps content words and adjacent pairs, folding case, accents and plurals', () => {
    expect(complaintShingles('You LOST my Bágs at the baggage claim!!')).toEqual([
      'lost',
      'lost bag',
      'bag',
      'bag baggage',
      'baggage',
      'baggage claim',
      'claim',
    ]);
  });

  it('drops handles, links, numbers, emoji and function words', () => {
    expect(contentWords('@AcmeAir 3 hours 😡 https://t.co/x and still NO bag #LostBag')).toEqual(['hour', 'bag', 'lostbag']);
  });

  it('is empty for text with nothing to compare', () => {
    expect(complaintShingles('')).toEqual([]);
    expect(complaintShingles('!!! ?? 😡')).toEqual([]);
  });

  it('keeps at most MAX_SHINGLES, in text order', () => {
    // Letters only ("wordba", "wordbb", ...): digits would be read as numbers.
    const words = Array.from(
      { length: 500 },
      (_, index) => `word${[...index.toString(26)].map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join('')}`,
    );
    const shingles = complaintShingles(words.join(' '));
    expect(shingles).toHaveLength(MAX_SHINGLES);
    expect(shingles[0]).toBe(words[0]);
  });
});
