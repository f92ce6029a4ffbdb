/**
 * Regression tests on fixed held-out data: the shipped models must keep the quality they were accepted with.
 * They can fail: retraining, feature or tokeniser changes that lose quality show up here. Numbers at
 * acceptance are in the comments. (Leave-one-industry-out retrains seven models: it is in the bench only.)
 */
import { describe, expect, it } from 'vitest';
import { evaluateCategories, evaluateComplaints, heldOutTweets } from './evaluation';
import { evaluateLengthDrift, evaluateOrdinaryTweets, evaluateYelp } from './multi-evaluation';
import { evaluateThreeStar } from './three-star';

describe('held-out airline tweets', () => {
  const tweets = heldOutTweets();

  it('uses the fixed 20% split', () => {
    expect(tweets).toHaveLength(2928);
    expect(tweets.every((tweet) => tweet.row % 5 === 0)).toBe(true);
  });

  it('detects complaints with negative-class F1 ≥ 0.88 (0.9009 at acceptance) and beats the naive lexicon', () => {
    const { shipped, lexicon, everything } = evaluateComplaints(tweets);
    expect(shipped.f1).toBeGreaterThanOrEqual(0.88);
    expect(shipped.precision).toBeGreaterThanOrEqual(0.85);
    expect(shipped.recall).toBeGreaterThanOrEqual(0.91);
    expect(shipped.f1 - lexicon.f1).toBeGreaterThan(0.1);
    expect(shipped.f1 - everything.f1).toBeGreaterThan(0.1);
  });

  // 0.618 airline-only; 0.608 with the keyword votes; 0.600 with all 11 classes (its answers of the 4 classes the
  // airline data has no label for count as misses here).
  it('categorises complaints with macro-F1 ≥ 0.59 (0.600 at acceptance; 0.592 with the category cue features; 0.593 with batch 5, only the unambiguous rules first, votes 0.2; 0.592 with the lost/damaged rule deciding too; 0.592 with 6,000 weights per class)', () => {
    const { shipped } = evaluateCategories(tweets);
    expect(shipped.macroF1).toBeGreaterThanOrEqual(0.59);
  });
});

describe('held-out ordinary tweets (complaints-2019, all labelled not a complaint)', () => {
  it('flags at most 20% of them (17.9% at acceptance; 17.1% with 3 epochs; the airline-only model flagged 46.7%)', () => {
    const ordinary = evaluateOrdinaryTweets();
    expect(ordinary.count).toBe(240);
    expect(ordinary.shipped).toBeLessThanOrEqual(0.2);
    // The 8 that CareSide's audit calls complaints to a business are real complaints: most must stay flagged (6 at acceptance).
    expect(ordinary.audited.complaints).toBe(8);
    expect(ordinary.audited.complaintsFlagged).toBeGreaterThanOrEqual(5);
    expect(ordinary.audited.restFlagged).toBeLessThan(ordinary.shipped);
  });
});

describe('Yelp reviews with their star rating', () => {
  it('reaches F1 ≥ 0.85 with 3★ left out and flags ≤ 5% of 5★ reviews', () => {
    const yelp = evaluateYelp();
    expect(yelp.withRating.f1).toBeGreaterThanOrEqual(0.85);
    expect(yelp.flaggedByStars[5]).toBeLessThanOrEqual(0.05);
    expect(yelp.withRating.f1).toBeGreaterThan(yelp.textOnly.f1);
    // 3★: the text decides, so neither all nor none (19.0% at acceptance; 31.3% before the problem phrases).
    expect(yelp.flaggedByStars[3]).toBeGreaterThan(0.05);
    expect(yelp.flaggedByStars[3]).toBeLessThan(0.3);
  }, 60_000); // 1,499 reviews of ~700 characters, scored twice: ~1 s alone, more on a busy machine

  it('flags a 3★ review when its text reports a problem (hand labels; test rows P 0.667 R 0.444 at acceptance)', () => {
    const { test, all } = evaluateThreeStar();
    expect(all.reviews).toBe(211);
    expect(test.metrics.precision).toBeGreaterThanOrEqual(0.6);
    expect(test.metrics.recall).toBeGreaterThanOrEqual(0.4);
    // Before the problem phrases the text model alone gave test-row precision 0.364, recall 0.444.
    expect(all.metrics.f1).toBeGreaterThan(0.6);
  }, 60_000);
});

describe('length drift', () => {
  it('keeps a repeated neutral sentence under the threshold and a padded complaint over it', () => {
    const drift = evaluateLengthDrift();
    for (const value of drift.neutral) expect(value).toBeLessThan(drift.threshold);
    for (const value of drift.padded) expect(value).toBeGreaterThanOrEqual(drift.threshold);
  });
});
