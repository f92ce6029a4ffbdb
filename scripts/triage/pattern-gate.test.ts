/**
 * The pattern gate (lib/triage/pattern-gate.ts) may skip an expression only when it cannot match: checked for every
 * gated expression (complaint cues, urgency, category phrase rules and keyword lexicons) on every text in data/.
 * It must also skip most of them, or it saves nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../lib/triage/category-rules';
import { CATEGORY_KEYWORDS } from '../../lib/triage/category-keywords';
import { CUE_PATTERNS } from '../../lib/triage/cues';
import { gatePatterns, gateStats } from '../../lib/triage/pattern-gate';
import { normalizeText } from '../../lib/triage/text';
import { URGENCY_PATTERNS } from '../../lib/triage/urgency';
import { corpusTexts } from './output-digest';
import { PATTERN_LITERALS_PATH, patternLiteralsSource } from './pattern-literals';

const PATTERNS: readonly RegExp[] = [...CUE_PATTERNS, ...URGENCY_PATTERNS, ...ALL_RULES, ...CATEGORY_KEYWORDS].map(
  ([, pattern]) => pattern,
);

describe('pattern gate on data/', () => {
  it('never skips an expression that matches, and skips most of them', { timeout: 60_000 }, () => {
    const gate = gatePatterns(PATTERNS);
    const texts = corpusTexts().map(({ text }) => normalizeText(text));
    expect(texts.length).toBeGreaterThan(18_000);
    const missed: string[] = [];
    let skipped = 0;
    for (const text of texts) {
      PATTERNS.forEach((pattern, i) => {
        pattern.lastIndex = 0;
        if (gate.mayMatch(text, i)) return;
        skipped++;
        if (pattern.test(text)) missed.push(`${String(pattern).slice(0, 40)} on ${text.slice(0, 80)}`);
      });
    }
    expect(missed.slice(0, 5)).toEqual([]);
    // Tweets and reviews touch few of the lexicons: most (text, expression) pairs are skipped.
    expect(skipped / (texts.length * PATTERNS.length)).toBeGreaterThan(0.5);
  });

  it('gates every triage expression (none is run unconditionally)', () => {
    gatePatterns(PATTERNS);
    expect(gateStats().ungated).toBe(0);
  });
});

describe('shipped gate literals', () => {
  it('are what the derivation gives for every registered expression (else run scripts/triage/pattern-literals.ts)', () => {
    expect(readFileSync(PATTERN_LITERALS_PATH, 'utf8')).toBe(patternLiteralsSource());
  });
});
