import { describe, expect, it } from 'vitest';
import { encodeLinearModel } from './encode-model';
import { DEFAULT_FEATURE_CONFIG, extractFeatures, type FeatureConfig } from '../../lib/triage/features';
import {
  decodeLinearModel,
  linearScore,
  linearScores,
  popcount32,
  slotOf,
  softmaxScores,
  weightAt,
  type LINEAR_MODEL_FORMAT,
} from '../../lib/triage/linear-model';
import { FeatureHashes, scoreHashes } from '../../lib/triage/score';
import { brandMatcherFor, prepareText } from '../../lib/triage/prepare';

const features = { ...DEFAULT_FEATURE_CONFIG, bits: 10 };

function weightsWith(entries: Record<number, number>, size = 2 ** features.bits): Float64Array {
  const weights = new Float64Array(size);
  for (const [bucket, value] of Object.entries(entries)) weights[Number(bucket)] = value;
  return weights;
}

/** Seeded pseudo-random weights: most zero, the rest spread over ±1. */
function randomWeights(size: number, seed: number, density: number): Float64Array {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Float64Array.from({ length: size }, () => (next() < density ? next() * 2 - 1 : 0));
}

describe('compact linear model encoding (format 2: bucket bitmap + int8 table)', () => {
  it('round-trips sparse weights through int8 quantisation (max error scale/2)', () => {
    const weights = weightsWith({ 0: 1.27, 5: -0.5, 31: 0.3, 32: 0.2, 200: 0.01, 1023: -1.27 });
    const encoded = encodeLinearModel({
      features,
      classes: ['yes'],
      bias: [0.25],
      weights: [weights],
      threshold: 0.4,
      maxWeightsPerClass: 100,
    });
    const decoded = decodeLinearModel(encoded);
    const scale = encoded.scales[0] ?? 0;
    expect(scale).toBeCloseTo(0.01, 6);
    expect(encoded.buckets).toBe(6);
    for (const bucket of [0, 5, 31, 32, 200, 1023]) {
      expect(Math.abs(weightAt(decoded, bucket) - (weights[bucket] ?? 0))).toBeLessThanOrEqual(scale / 2 + 1e-9);
    }
    for (const bucket of [1, 30, 33, 1022]) expect(slotOf(decoded.table, bucket)).toBe(-1);
    expect(decoded.threshold).toBe(0.4);
    expect(linearScore(decoded, { buckets: [0, 5], values: [1, 2] })).toBeCloseTo(0.25 + 1.27 - 1, 5);
  });

  it('finds every bucket of a dense random model by rank (bitmap words, popcount)', () => {
    const weights = randomWeights(2 ** features.bits, 7, 0.4);
    const model = decodeLinearModel(
      encodeLinearModel({ features, classes: ['yes'], bias: [0], weights: [weights], threshold: 0.5, maxWeightsPerClass: 10_000 }),
    );
    const scale = model.scales[0] ?? 1;
    for (let bucket = 0; bucket < weights.length; bucket++) {
      const expected = Math.max(-127, Math.min(127, Math.round((weights[bucket] ?? 0) / scale))) || 0; // no -0
      expect(slotOf(model.table, bucket) < 0 ? 0 : model.table.values[slotOf(model.table, bucket)]).toBe(expected);
    }
  });

  it('counts bits', () => {
    expect([0, 1, 0xff, 0x80000000, 0xffffffff, 0x55555555].map(popcount32)).toEqual([0, 1, 8, 1, 32, 16]);
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
    expect(encoded.buckets).toBe(2);
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
    // Class-interleaved: bucket 7's weights for a, b, c sit side by side (c has none there: 0).
    const slot = slotOf(model.table, 7);
    expect([...model.table.values.slice(slot, slot + 3)].map((v, c) => Math.round(v * (model.scales[c] ?? 0)))).toEqual([2, -1, 0]);
    expect(weightAt(model, 9, 2)).toBeGreaterThan(0.99);
    const probabilities = softmaxScores(model, { buckets: [7], values: [1] });
    expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
    expect(probabilities.indexOf(Math.max(...probabilities))).toBe(0);
    expect(linearScore(model, { buckets: [7], values: [1] }, 1)).toBeCloseTo(-1, 1);
    expect(() => linearScore(model, { buckets: [], values: [] }, 3)).toThrow(/no class/);
  });

  it('writes the same bytes for the same weights (reproducible model files)', () => {
    const make = () =>
      JSON.stringify(
        encodeLinearModel({
          features,
          classes: ['yes'],
          bias: [0.1],
          weights: [randomWeights(1024, 3, 0.2)],
          threshold: 0.5,
          maxWeightsPerClass: 100,
        }),
      );
    expect(make()).toBe(make());
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
    expect(() => decodeLinearModel({ ...good, buckets: 2 })).toThrow(/table is \d+ bytes/);
    // The right length, but a bitmap with two buckets where the header says one.
    const bytes = Uint8Array.from(atob(good.table), (char) => char.charCodeAt(0));
    bytes[0] = 0b1001;
    const twoBits = btoa(String.fromCharCode(...bytes));
    expect(() => decodeLinearModel({ ...good, table: twoBits })).toThrow(/bitmap has 2 buckets/);
  });
});

describe('fast scoring (score.ts) against the reference dot product (features.ts + linearScores)', () => {
  const texts = [
    '@AcmeHelp my order never arrived and nobody answers. Not happy!',
    "I don't think this is bad at all, thanks Acme :)",
    'Worst. Flight. Ever. #acmefail lost my bag, 3 hours on hold',
    '',
    'a',
  ];
  const brands = brandMatcherFor(['Acme', '@AcmeHelp']);
  const cases: [string, FeatureConfig, number][] = [
    [
      'binary, mean norm, bits 12',
      { ...DEFAULT_FEATURE_CONFIG, bits: 12, charMin: 3, wordWeight: 9, bigramWeight: 7, charWeight: 60, lengthNorm: 'mean' },
      1,
    ],
    ['3 classes, sqrt norm, bits 10, no cues', { ...DEFAULT_FEATURE_CONFIG, bits: 10, cueWeight: 0 }, 3],
  ];
  for (const [name, config, classes] of cases) {
    it(`gives the same logits: ${name}`, () => {
      const size = 2 ** config.bits;
      const model = decodeLinearModel(
        encodeLinearModel({
          features: config,
          classes: Array.from({ length: classes }, (_, c) => `c${c}`),
          bias: Array.from({ length: classes }, (_, c) => c / 10),
          weights: Array.from({ length: classes }, (_, c) => randomWeights(size, 11 + c, 0.5)),
          threshold: 0.5,
          maxWeightsPerClass: size,
        }),
      );
      for (const text of texts) {
        const prepared = prepareText(text, brands);
        const reference = linearScores(model, extractFeatures(prepared.tokens, prepared.cues, config));
        const fast = scoreHashes(model, new FeatureHashes().fill(prepared.tokens, config), prepared.cues, new Float64Array(classes));
        for (let c = 0; c < classes; c++) expect(fast[c]).toBeCloseTo(reference[c] as number, 5);
      }
    });
  }
});
