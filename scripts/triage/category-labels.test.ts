/**
 * The hand-labelled category samples: each labels file holds exactly its seeded sampler batch's 200 rows, with
 * their text unchanged and a CareSide category each; the held-out batch is scored by the shipped categoriser.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../lib/domain/triage';
import { loadComplaintTweets } from './corpora';
import { evaluateHandLabels } from './category-labels';
import { allocate, categorySample, isAirTravel, LABEL_BATCHES, loadCategoryLabels } from './category-sample';

const CATEGORIES = new Set<string>(CATEGORY_IDS);

describe('category sample', () => {
  it('allocates proportionally with the largest remainders', () => {
    expect(allocate([10, 10, 10], 200)).toEqual([67, 67, 66]);
    expect(allocate([1, 3], 4)).toEqual([1, 3]);
    expect(allocate([5, 5, 0], 3).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('is reproducible: two disjoint batches of 200 non-airline complaints', () => {
    const first = categorySample();
    const second = categorySample(loadComplaintTweets(), 1);
    expect(first).toHaveLength(200);
    expect(second).toHaveLength(200);
    expect(categorySample().map((t) => t.row)).toEqual(first.map((t) => t.row));
    const firstRows = new Set(first.map((t) => t.row));
    expect(second.filter((t) => firstRows.has(t.row))).toEqual([]);
    for (const tweet of [...first, ...second]) {
      expect(tweet.complaint).toBe(true);
      expect(isAirTravel(tweet.text)).toBe(false);
    }
    expect(isAirTravel('@JetBlue my flight is late')).toBe(true);
  });

  it('matches the committed labels batch for batch, row for row, text for text', () => {
    const tweets = loadComplaintTweets();
    for (let batch = 0; batch < LABEL_BATCHES; batch++) {
      const labels = loadCategoryLabels(batch);
      expect(labels.map((l) => l.row)).toEqual(categorySample(tweets, batch).map((t) => t.row));
      for (const label of labels) {
        expect(CATEGORIES.has(label.category), `row ${label.row}: ${label.category}`).toBe(true);
        expect(label.text).toBe(tweets[label.row - 1]?.text);
        expect(label.domain).toBe(tweets[label.row - 1]?.domain);
      }
    }
  });
});

describe('hand-label evaluation', () => {
  it('beats always answering the most frequent category on the batch it never trained on (0.421 macro-F1 at acceptance)', () => {
    const evaluation = evaluateHandLabels();
    expect(evaluation.counts).toEqual({ heldOut: 200, trainedOn: 200 });
    expect(evaluation.heldOut.macroF1).toBeGreaterThanOrEqual(0.4);
    expect(evaluation.heldOut.macroF1).toBeGreaterThan(evaluation.majority.macroF1 + 0.3);
    expect(evaluation.heldOut.perClass.find((c) => c.label === 'app_bug')?.f1).toBeGreaterThan(0.3);
  });
});
