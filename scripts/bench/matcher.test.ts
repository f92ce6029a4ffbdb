import { describe, expect, it } from 'vitest';
import { createTermFinder, type TermFinder, type TermPattern } from '../../lib/match/automaton';
import { createBrandMatcher } from '../../lib/match/brand-matcher';
import { foldText } from '../../lib/match/normalize';
import { benchBrands, benchPosts, indexOfFinder, regexFinder, TERM_COUNT, termCount } from './matcher';

function occurrences(finder: TermFinder, text: string): string[] {
  const found: string[] = [];
  finder(text, (data, start, end) => found.push(`${data}:${start}:${end}`));
  return found.sort();
}

describe('matcher benchmark inputs and alternatives', () => {
  const brands = benchBrands();
  const posts = benchPosts(brands, 60_000);
  let patterns: readonly TermPattern[] = [];
  const ours = createBrandMatcher(brands, {
    finder: (compiled) => {
      patterns = compiled;
      return createTermFinder(compiled);
    },
  });

  it('uses 1,000 brand terms and deterministic posts that mention them', () => {
    expect(termCount(brands)).toBe(TERM_COUNT);
    expect(benchPosts(brands, 60_000)).toEqual(posts);
    const mentioning = posts.filter((post) => ours.match(post).hits.length > 0).length;
    expect(mentioning / posts.length).toBeGreaterThan(0.5);
  });

  it('has the RegExp and indexOf alternatives find exactly what the automaton finds', () => {
    const regex = regexFinder(patterns);
    const naive = indexOfFinder(patterns);
    const automaton = createTermFinder(patterns);
    let total = 0;
    for (const post of posts) {
      const text = foldText(post).text;
      const expected = occurrences(automaton, text);
      total += expected.length;
      expect(occurrences(regex, text)).toEqual(expected);
      expect(occurrences(naive, text)).toEqual(expected);
    }
    expect(total).toBeGreaterThan(posts.length);
  });

  it('gives identical hits through the shared boundary rules', () => {
    const viaRegex = createBrandMatcher(brands, { finder: regexFinder });
    for (const post of posts) expect(viaRegex.match(post)).toEqual(ours.match(post));
  });

  it('includes boundary cases that must not match', () => {
    const boundary = posts.filter((post) => /support@|mega[a-z]|ology|x#/.test(post));
    expect(boundary.length).toBeGreaterThan(10);
  });
});
