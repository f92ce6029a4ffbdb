/**
 * The hand-labelled category sample: the labels file holds exactly the seeded sampler's 200 rows, with their
 * text unchanged and a known category each; the evaluation maps app/website bugs to product defect.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../lib/domain/triage';
import { loadComplaintTweets } from './corpora';
import { asCareSideCategory, evaluateHandLabels } from './category-labels';
import { allocate, categorySample, isAirTravel, loadCategoryLabels } from './category-sample';

const HAND_CATEGORIES = new Set<string>([...CATEGORY_IDS, 'app_bug']);

describe('category sample', () => {
  it('allocates proportionally with the largest remainders', () => {
    expect(allocate([10, 10, 10], 200)).toEqual([67, 67, 66]);
    expect(allocate([1, 3], 4)).toEqual([1, 3]);
    expect(allocate([5, 5, 0], 3).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('is reproducible and holds 200 non-airline complaints', () => {
    const sample = categorySample();
    expect(sample).toHaveLength(200);
    expect(categorySample().map((t) => t.row)).toEqual(sample.map((t) => t.row));
    for (const tweet of sample) {
      expect(tweet.complaint).toBe(true);
      expect(isAirTravel(tweet.text)).toBe(false);
    }
    expect(isAirTravel('@JetBlue my flight is late')).toBe(true);
  });

  it('matches the committed labels row for row, text for text', () => {
    const labels = loadCategoryLabels();
    const sample = categorySample();
    expect(labels.map((l) => l.row)).toEqual(sample.map((t) => t.row));
    const tweets = loadComplaintTweets();
    for (const label of labels) {
      expect(HAND_CATEGORIES.has(label.category), `row ${label.row}: ${label.category}`).toBe(true);
      expect(label.text).toBe(tweets[label.row - 1]?.text);
      expect(label.domain).toBe(tweets[label.row - 1]?.domain);
    }
  });
});

describe('hand-label evaluation', () => {
  it('scores app/website bugs as CareSide product defects', () => {
    expect(asCareSideCategory('app_bug')).toBe('product_defect');
    expect(asCareSideCategory('outage')).toBe('outage');
  });

  it('beats always answering the most frequent category (0.576 macro-F1 at acceptance)', () => {
    const evaluation = evaluateHandLabels();
    expect(evaluation.counts).toEqual({ all: 200, development: 99, untouched: 101 });
    expect(evaluation.all.macroF1).toBeGreaterThanOrEqual(0.55);
    expect(evaluation.untouched.macroF1).toBeGreaterThanOrEqual(0.5);
    expect(evaluation.all.macroF1).toBeGreaterThan(evaluation.majority.macroF1 + 0.3);
  });
});
