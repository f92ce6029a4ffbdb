// Tests for the offline training tools in scripts/triage (the vitest config only collects lib/ and tests/).
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { isTestRow } from './dataset';
import { seededRandom } from '../../lib/util/random';
import { trainFtrl } from './ftrl';
import { bestF1Threshold, binaryMetrics, multiClassMetrics } from './metrics';
import { withSourceCopies } from './train-complaint-model';
import { CHOSEN_CATEGORY_SETTINGS, priorCorrection, TRAINED_CATEGORIES } from './train-category-model';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded newlines and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, ""y""","line1\nline2"\r\n1,\r\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line1\nline2'],
      ['1', ''],
    ]);
  });
});

describe('metrics', () => {
  it('computes precision, recall, F1 and the confusion counts', () => {
    const m = binaryMetrics([true, true, false, false, true], [true, false, true, false, true]);
    expect([m.truePositive, m.falsePositive, m.falseNegative, m.trueNegative]).toEqual([2, 1, 1, 1]);
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
  });

  it('picks the F1-maximising threshold between scores', () => {
    const best = bestF1Threshold([0.9, 0.8, 0.3, 0.1], [true, true, false, false]);
    expect(best.f1).toBe(1);
    expect(best.threshold).toBeCloseTo(0.55);
  });

  it('averages F1 over the classes present in the labels', () => {
    const m = multiClassMetrics(['a', 'b', 'b', 'x'], ['a', 'b', 'a', 'b']);
    expect(m.perClass.map((c) => c.label)).toEqual(['a', 'b']);
    expect(m.perClass[0]?.f1).toBeCloseTo(2 / 3);
    expect(m.perClass[1]?.f1).toBeCloseTo(0.5);
    expect(m.macroF1).toBeCloseTo((2 / 3 + 0.5) / 2);
    expect(m.labels).toContain('x');
  });
});

describe('training', () => {
  it('holds out exactly the rows divisible by 5', () => {
    expect([1, 4, 5, 10, 14641].map(isTestRow)).toEqual([false, false, true, true, false]);
  });

  it('seeded shuffling is reproducible', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('FTRL learns a separable toy problem deterministically', () => {
    const examples = Array.from({ length: 40 }, (_, i) => ({
      features: { buckets: [i % 2 === 0 ? 1 : 2, 3], values: [1, 1] },
      label: i % 2 === 0 ? 1 : 0,
    }));
    const params = { alpha: 0.5, beta: 1, l1: 0, l2: 0, epochs: 5, seed: 1 };
    const trained = trainFtrl(examples, 1, 4, params);
    const weights = trained.weights[0];
    expect(weights?.[1]).toBeGreaterThan(0.5);
    expect(weights?.[2]).toBeLessThan(-0.5);
    expect(trainFtrl(examples, 1, 4, params).weights[0]).toEqual(weights);
  });
});

describe('source feature copies (sourceCopies)', () => {
  const airline = { row: 1, label: 1, group: 'airline', features: { buckets: [3, 9], values: [0.5, 2] } };
  const industry = { row: 2, label: 0, group: 'food', features: { buckets: [3], values: [1] } };
  const isAirline = (e: { group?: string }) => e.group === 'airline';

  it('copies a chosen row into the upper half, scaled, with an intercept in the last bucket', () => {
    const [copied] = withSourceCopies([airline], isAirline, 0.5, 4);
    expect(copied?.features).toEqual({ buckets: [3, 9, 19, 25, 31], values: [0.5, 2, 0.25, 1, 0.5] });
  });

  it('leaves the other rows untouched', () => {
    expect(withSourceCopies([industry], isAirline, 1, 4)).toEqual([industry]);
  });
});

describe('category prior correction', () => {
  const settings = { ...CHOSEN_CATEGORY_SETTINGS, balancePower: 0 };
  const example = (label: number, group: string) => ({ row: 0, features: { buckets: [1], values: [1] }, label, group });

  it('is log(hand-label share) − log(training-weight share), both smoothed by half a count per class', () => {
    // Training weight: 9 airline rows of class 0 and one hand row each of classes 0 and 1 (11 in all); hand: 1 and 1.
    const examples = [...Array.from({ length: 9 }, () => example(0, 'airline')), example(0, 'hand'), example(1, 'hand')];
    const correction = priorCorrection(examples, settings);
    const classes = TRAINED_CATEGORIES.length;
    const share = (n: number, total: number) => (n + 0.5) / (total + 0.5 * classes);
    expect(correction).toHaveLength(classes);
    expect(correction[0]).toBeCloseTo(Math.log(share(1, 2)) - Math.log(share(10, 11)), 12);
    expect(correction[1]).toBeCloseTo(Math.log(share(1, 2)) - Math.log(share(1, 11)), 12);
    // The airline-heavy class goes down, the class only the hand labels have goes up.
    expect(correction[0]).toBeLessThan(0);
    expect(correction[1]).toBeGreaterThan(0);
  });
});
