/**
 * The hand-written ASCII scanner (lib/triage/ascii-tokens.ts) must give exactly the tokens of the Unicode
 * expression it replaces for plain-ASCII text: checked on every text in data/ and on seeded random strings
 * built from the characters the expression treats specially (emoticons, URLs, handles, numbers, apostrophes).
 */
import { describe, expect, it } from 'vitest';
import { isPlainAscii } from '../../lib/triage/ascii-tokens';
import { brandMatcherFor } from '../../lib/triage/prepare';
import { expressionTokens, normalizeText, tokenize } from '../../lib/triage/text';
import { AIRLINE_BRAND_TERMS } from './dataset';
import { corpusTexts } from './output-digest';

const brands = brandMatcherFor(AIRLINE_BRAND_TERMS);

/** Seeded xorshift32, so a failure names a reproducible string. */
function randomStrings(count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pieces = [...":;=-'()[]dpo/\\|*$<3@#_!?.,a5 \t\nhs", 'http://', 'https://', 'www.', "don't", '12:30', '@united', '#fail', '( :'];
  return Array.from({ length: count }, () => {
    let text = '';
    const length = 1 + Math.floor(next() * 14);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
    return text;
  });
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token, i) => token === b[i]);
}

describe('ASCII tokeniser', () => {
  it('matches the expression token for token on every plain-ASCII text in data/ (brands masked)', { timeout: 60_000 }, () => {
    const texts = corpusTexts().map(({ text }) => normalizeText(text));
    const ascii = texts.filter(isPlainAscii);
    expect(ascii.length).toBeGreaterThan(15_000);
    const differing = ascii.filter((text) => !sameTokens(tokenize(text, brands), expressionTokens(text, brands)));
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it('matches the expression on 20,000 seeded random strings of its special characters', () => {
    const differing = randomStrings(20_000, 0x9e3779b9).filter((text) => !sameTokens(tokenize(text), expressionTokens(text)));
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it('hands text with any other character to the expression', () => {
    expect(isPlainAscii('plain text, tabs\tand\nlines')).toBe(true);
    expect(isPlainAscii('café')).toBe(false);
    expect(isPlainAscii('bell\u0007')).toBe(false);
    expect(tokenize('lost bag 😡 :(')).toEqual(['lost', 'bag', '😡', ':(']);
  });
});
