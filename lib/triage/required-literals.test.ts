import { describe, expect, it } from 'vitest';
import { gatePatterns } from './pattern-gate';
import { requiredLiterals } from './required-literals';

const sorted = (pattern: RegExp) => requiredLiterals(pattern)?.sort();

/** Seeded xorshift32, so a failure names a reproducible string. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

// Expressions of the shapes triage uses: optional parts, classes, lazy gaps, lookarounds, nested groups.
const SHAPES: readonly RegExp[] = [
  /\b(?:not|never|can'?t)\b/,
  /\bstill (?:waiting|no\b|on hold)/,
  /(?<!\b(?:in|only) )\b(?:\d+|an?|two)\s?(?:hours?|days?)\b/,
  /\bnever\b[^.!?]{0,12}?\bagain\b|\blast time (?:i|we)(?:'ll| will)? fly/,
  /#\w*(?:fail|sucks?)\w*/,
  /\bcharged (?:me )?(?:[$€£]?\d[\d.,]* )?(?:twice|again)\b/,
  /\b(?:bag|order)s? (?:is |was )?(?:lost|damaged)\b/,
  /(?:a|b)(?:c|)d?/,
  /\bdouble[- ]charged|x{2,3}y/,
  /(?:thanks\w*)? ?no\b/,
];
/** Text pieces for a shape: its words and marks (so its matches are common), spaces, digits and punctuation. */
function piecesOf(pattern: RegExp): string[] {
  const words = pattern.source.replace(/\\[bdswBDSW]/g, ' ').match(/[a-z'$€#-]+/g) ?? [];
  return [...new Set([...words, ' ', ' ', '.', '2', '12.50 ', 'x', 'in '])];
}

describe('requiredLiterals', () => {
  it('gives the words of a word list and the fixed part around optional ones', () => {
    expect(sorted(/\b(?:refunds?|billed)\b/)).toEqual(['billed', 'refund']);
    expect(sorted(/\bstill (?:waiting|no\b)/)).toEqual(['still no', 'still waiting']);
    expect(sorted(/(?<!\bin )\b\d+\s?(?:hours?|days?)\b/)).toEqual(['day', 'hour']);
    expect(sorted(/[ao]k/)).toEqual(['ak', 'ok']);
  });

  it('keeps only literals no other literal is part of', () => {
    expect(sorted(/no|nothing|nobody|never/)).toEqual(['never', 'no']);
  });

  it('gives none when a match can avoid every literal, or the syntax is not understood', () => {
    expect(requiredLiterals(/x?/)).toBeUndefined();
    expect(requiredLiterals(/a|\w+/)).toBeUndefined();
    expect(requiredLiterals(/(a)\1/)).toBeUndefined();
    expect(requiredLiterals(/refund/i)).toBeUndefined();
  });

  it('never misses a match: every match of each shape contains one of its literals (seeded random texts)', () => {
    const next = random(0x2545f491);
    for (const pattern of SHAPES) {
      const literals = requiredLiterals(pattern);
      expect(literals, String(pattern)).toBeDefined();
      const pieces = piecesOf(pattern);
      let matched = 0;
      for (let n = 0; n < 20_000; n++) {
        let text = '';
        const length = 1 + Math.floor(next() * 6);
        for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
        if (!pattern.test(text)) continue;
        matched++;
        expect(
          literals!.some((literal) => text.includes(literal)),
          `${String(pattern)} on ${JSON.stringify(text)}`,
        ).toBe(true);
      }
      expect(matched, String(pattern)).toBeGreaterThan(0);
    }
  });
});

describe('gatePatterns', () => {
  it('says which expressions can match a text, and always runs one without literals', () => {
    const gate = gatePatterns([/\brefunds?\b/, /\b(?:late|delayed)\b/, /\w+/]);
    expect([0, 1, 2].map((i) => gate.mayMatch('my refund is late', i))).toEqual([true, true, true]);
    expect([0, 1, 2].map((i) => gate.mayMatch('all good', i))).toEqual([false, false, true]);
    // A literal inside a longer word still marks (the expression then decides).
    expect(gate.mayMatch('refunding', 0)).toBe(true);
  });
});
