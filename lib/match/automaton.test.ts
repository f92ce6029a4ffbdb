import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../util/random';
import { createTermFinder, libraryFinder, type TermFinder, type TermPattern } from './automaton';

function occurrences(find: TermFinder, text: string): string[] {
  const found: string[] = [];
  find(text, (data, start, end) => found.push(`${data}@${start}-${end}`));
  return found.sort();
}

/** Every occurrence by brute force: the ground truth. */
function bruteForce(patterns: readonly TermPattern[], text: string): string[] {
  const found: string[] = [];
  for (const { pattern, data } of patterns) {
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) found.push(`${data}@${at}-${at + pattern.length}`);
  }
  return found.sort();
}

const PATTERNS: TermPattern[] = ['he', 'she', 'his', 'hers', 'acme', 'acme air', '@acme', '#acmecares', 'a', '顺丰', 'he'].map(
  (pattern, data) => ({ pattern, data }),
);

describe('createTermFinder', () => {
  it('finds every occurrence, overlaps and duplicate patterns included', () => {
    const find = createTermFinder(PATTERNS);
    const text = 'ushers: @acme air #acmecares 顺丰顺丰 hehe';
    expect(occurrences(find, text)).toEqual(bruteForce(PATTERNS, text));
    expect(occurrences(find, 'she')).toEqual(['0@1-3', '10@1-3', '1@0-3']);
  });

  it('agrees with brute force and with modern-ahocorasick’s own search on random text', () => {
    const next = random(7);
    const alphabet = [...'aceshir @#m 顺丰x'];
    const find = createTermFinder(PATTERNS);
    const library = libraryFinder(PATTERNS);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: Math.floor(next() * 60) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const expected = bruteForce(PATTERNS, text);
      expect(occurrences(find, text)).toEqual(expected);
      expect(occurrences(library, text)).toEqual(expected);
    }
  });

  it('handles text with characters no pattern has, emoji and lone surrogates', () => {
    const find = createTermFinder(PATTERNS);
    const text = '😡acme\uD83D air\u0000acme air🧳he';
    expect(occurrences(find, text)).toEqual(bruteForce(PATTERNS, text));
  });

  it('finds patterns with astral characters (surrogate pairs), code unit by code unit', () => {
    const astral = [
      { pattern: '𠀋tea', data: 0 },
      { pattern: 'tea', data: 1 },
    ];
    const text = 'green 𠀋tea and tea';
    expect(occurrences(createTermFinder(astral), text)).toEqual(bruteForce(astral, text));
    expect(occurrences(createTermFinder(astral), text)).toHaveLength(3);
  });

  it('finds nothing without patterns', () => {
    expect(occurrences(createTermFinder([]), 'anything')).toEqual([]);
  });

  it('scales to a thousand patterns', () => {
    const next = random(11);
    const patterns = Array.from({ length: 1_000 }, (_, data) => ({
      pattern: Array.from({ length: 3 + Math.floor(next() * 6) }, () => 'abcdefghij'[Math.floor(next() * 10)]).join(''),
      data,
    }));
    const text = Array.from({ length: 5_000 }, () => 'abcdefghij '[Math.floor(next() * 11)]).join('');
    expect(occurrences(createTermFinder(patterns), text)).toEqual(bruteForce(patterns, text));
  });
});
