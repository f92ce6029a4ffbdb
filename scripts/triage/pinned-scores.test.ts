import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PINNED_SCORES_PATH, scorePinned, shippedFingerprint, type PinnedScores } from './pinned-scores';

const pinned = JSON.parse(readFileSync(PINNED_SCORES_PATH, 'utf8')) as PinnedScores;
/** Float rounding only: the int8 weights and the features are the same, the order of additions may differ. */
const TOLERANCE = 1e-9;

describe('pinned triage scores (scripts/triage/pinned-scores.json)', () => {
  it('were pinned with the shipped models', () => {
    // A retrained model changes every score: pin again (npx tsx scripts/triage/pinned-scores.ts).
    expect(shippedFingerprint(), 'models retrained since pinning: run npx tsx scripts/triage/pinned-scores.ts').toBe(pinned.fingerprint);
  });

  it('have not moved: every post scores as pinned, whatever the model encoding and scoring path', () => {
    const scores = scorePinned(pinned.posts);
    expect(scores).toHaveLength(pinned.scores.length);
    const moved = scores.flatMap((score, i) => {
      const before = pinned.scores[i];
      if (!before) return [{ i, text: 'no pinned score', now: score }];
      const same =
        Math.abs(score.model - before.model) <= TOLERANCE &&
        Math.abs(score.complaint - before.complaint) <= TOLERANCE &&
        score.category === before.category &&
        Math.abs(score.categoryConfidence - before.categoryConfidence) <= TOLERANCE;
      return same ? [] : [{ i, text: pinned.posts[i]?.text.slice(0, 60) ?? '', before, now: score }];
    });
    expect(moved).toEqual([]);
  });
});
