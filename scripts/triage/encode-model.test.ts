import { describe, expect, it } from 'vitest';
import { encodeLinearModel } from './encode-model';
import { DEFAULT_FEATURE_CONFIG } from '../../lib/triage/features';
import { decodeLinearModel, linearScore, softmaxScores, weightAt, type LINEAR_MODEL_FORMAT } from '../../lib/triage/linear-model';

const features = { ...DEFAULT_FEATURE_CONFIG, bits: 10 };

function weightsWith(entries: Record<number, number>): Float64Array {
  const weights = new Float64Array(2 ** features.bits);
  for (const [bucket, value] of Object.entries(entries)) weights[Number(bucket)] = value;
  return weights;
}

describe('compact linear model encoding', () => {
  it('round-trips sparse weights through int8 quantisation (max error scale/2)', () => {
    const weights = weightsWith({ 0: 1.27, 5: -0.5, 200: 0.01, 1023: -1.27 });
    const encoded = encodeLinearModel({
      features,
      classes: ['yes'],
      bias: [0.25],
      weights: [weights],
      threshold: 0.4,
      maxWeightsPerClass: 100,
    });
    const decoded = decodeLinearModel(encoded);
    const scale = encoded.weights[0]?.scale ?? 0;
    expect(scale).toBeCloseTo(0.01, 6);
    for (const bucket of [0, 5, 200, 1023]) {
      expect(Math.abs(weightAt(decoded, bucket) - (weights[bucket] ?? 0))).toBeLessThanOrEqual(scale / 2 + 1e-9);
    }
    expect(decoded.threshold).toBe(0.4);
    expect(linearScore(decoded, { buckets: [0, 5], values: [1, 2] })).toBeCloseTo(0.25 + 1.27 - 1, 5);
  });

  it('keeps only the largest weights when capped', () => {
    const encoded = encodeLinearModel({
      features,
      classes: ['yes'],
      bias: [0],
      weights: [weightsWith({ 1: 0.2, 2: -0.9, 3: 0.5 })],
      threshold: 0.5,
      maxWeightsPerClass: 2,
    });
    const model = decodeLinearModel(encoded);
    expect(encoded.weights[0]?.count).toBe(2);
    expect(weightAt(model, 1)).toBe(0);
    expect(weightAt(model, 2)).toBeLessThan(0);
    expect(weightAt(model, 3)).toBeGreaterThan(0);
  });

  it('scores multi-class models with a softmax that sums to 1', () => {
    const encoded = encodeLinearModel({
      features,
      classes: ['a', 'b', 'c'],
      bias: [0, 0, 0],
      weights: [weightsWith({ 7: 2 }), weightsWith({ 7: -1 }), weightsWith({ 9: 1 })],
      threshold: 0,
      maxWeightsPerClass: 10,
    });
    const model = decodeLinearModel(encoded);
    // Class-interleaved layout: bucket 7's weights for a, b, c sit side by side.
    expect([...model.weights.slice(7 * 3, 7 * 3 + 3)].map((w) => Math.round(w))).toEqual([2, -1, 0]);
    // The int8 copy scoring uses gives the same weights once scaled.
    const { values, scales } = model.quantized ?? { values: new Int8Array(), scales: new Float64Array() };
    for (let i = 0; i < model.weights.length; i++) {
      expect((values[i] as number) * (scales[i % 3] as number)).toBeCloseTo(model.weights[i] as number, 5);
    }
    expect(weightAt(model, 9, 2)).toBeGreaterThan(0.99);
    const probabilities = softmaxScores(model, { buckets: [7], values: [1] });
    expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
    expect(probabilities.indexOf(Math.max(...probabilities))).toBe(0);
    expect(linearScore(model, { buckets: [7], values: [1] }, 1)).toBeCloseTo(-1, 1);
    expect(() => linearScore(model, { buckets: [], values: [] }, 3)).toThrow(/no class/);
  });

  it('rejects malformed models with clear errors', () => {
    const good = encodeLinearModel({
      features,
      classes: ['yes'],
      bias: [0],
      weights: [weightsWith({ 3: 1 })],
      threshold: 0.5,
      maxWeightsPerClass: 10,
    });
    expect(() => decodeLinearModel({ ...good, format: 'other' as typeof LINEAR_MODEL_FORMAT })).toThrow(/unknown format/);
    expect(() => decodeLinearModel({ ...good, bias: [0, 1] })).toThrow(/disagree/);
    const [weights] = good.weights;
    if (!weights) throw new Error('no weights');
    expect(() => decodeLinearModel({ ...good, weights: [{ ...weights, count: 2 }] })).toThrow(/count mismatch/);
    // One gap byte pointing past the 1024 buckets.
    const outOfRange = { ...weights, buckets: btoa(String.fromCharCode(0x80 | 0x7f, 0x7f)) };
    expect(() => decodeLinearModel({ ...good, weights: [outOfRange] })).toThrow(/out of range/);
  });
});
