/**
 * The per-token sums of lib/triage/token-weights.ts give the reference scores (features.ts + the dense dot
 * product) for any n-gram range, including 1-grams (a space belongs to two tokens) and n-grams longer than a
 * short token plus its spaces, and still do after the token cache is dropped and rebuilt.
 */
import { describe, expect, it } from 'vitest';
import { encodeLinearModel } from './encode-model';
import { DEFAULT_FEATURE_CONFIG, extractFeatures, type FeatureConfig } from '../../lib/triage/features';
import { decodeLinearModel, linearScores, type LinearModel } from '../../lib/triage/linear-model';
import { brandMatcherFor, prepareText } from '../../lib/triage/prepare';
import { FeatureHashes, scoreHashes } from '../../lib/triage/score';
import { TOKEN_IDS, TOKEN_LIMIT } from '../../lib/triage/token-weights';

function randomWeights(size: number, seed: number): Float64Array {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Float64Array.from({ length: size }, () => (next() < 0.6 ? next() * 2 - 1 : 0));
}

function modelWith(features: FeatureConfig, classes: number): LinearModel {
  const size = 2 ** features.bits;
  return decodeLinearModel(
    encodeLinearModel({
      features,
      classes: Array.from({ length: classes }, (_, c) => `c${c}`),
      bias: Array.from({ length: classes }, (_, c) => c / 7),
      weights: Array.from({ length: classes }, (_, c) => randomWeights(size, 101 + c)),
      threshold: 0.5,
      maxWeightsPerClass: size,
    }),
  );
}

const TEXTS = [
  'I a b . ! ? x y z',
  "@AcmeHelp still waiting 3 hours, don't you care? Not ok, not at all! #acmefail",
  'Thanks @acme :) the crew were lovely, no complaints whatsoever',
  '',
  'a',
  'Lost my bag. Again. Never flying Acme again!!! 😡',
];

const brands = brandMatcherFor(['Acme', '@AcmeHelp']);

function expectReferenceScores(model: LinearModel, classes: number): void {
  for (const text of TEXTS) {
    const prepared = prepareText(text, brands);
    const reference = linearScores(model, extractFeatures(prepared.tokens, prepared.cues, model.features));
    const fast = scoreHashes(model, new FeatureHashes().fill(prepared.tokens, model.features), prepared.cues, new Float64Array(classes));
    for (let c = 0; c < classes; c++) expect(fast[c], `${text} class ${c}`).toBeCloseTo(reference[c] as number, 6);
  }
}

describe('scoring from cached per-token sums', () => {
  const shapes: [string, FeatureConfig, number][] = [
    ['1- to 4-grams, binary', { ...DEFAULT_FEATURE_CONFIG, bits: 9, charMin: 1, charMax: 4 }, 1],
    [
      '2- to 7-grams, 4 classes, no negation scope',
      { ...DEFAULT_FEATURE_CONFIG, bits: 9, charMin: 2, charMax: 7, negationScope: false },
      4,
    ],
    ['3- to 5-grams, mean norm', { ...DEFAULT_FEATURE_CONFIG, bits: 11, charMin: 3, lengthNorm: 'mean', wordWeight: 9 }, 1],
  ];
  for (const [name, features, classes] of shapes) {
    it(`gives the reference scores: ${name}`, () => expectReferenceScores(modelWith(features, classes), classes));
  }

  it('gives the reference scores when a long token sums past a 16-bit lane (its integer sums are used)', () => {
    // Every weight ±1 (int8 ±127): the ~360 char n-grams of a 120-letter token sum to ~±45,000 per class.
    const features: FeatureConfig = { ...DEFAULT_FEATURE_CONFIG, bits: 9, charMin: 3, charMax: 5 };
    const size = 2 ** features.bits;
    const model = decodeLinearModel(
      encodeLinearModel({
        features,
        classes: ['up', 'down', 'mixed'],
        bias: [0, 0, 0],
        weights: [new Float64Array(size).fill(1), new Float64Array(size).fill(-1), randomWeights(size, 5)],
        threshold: 0.5,
        maxWeightsPerClass: size,
      }),
    );
    for (const text of [`${'a'.repeat(120)} ok ${'b'.repeat(100)}`, `x ${'y'.repeat(200)}`]) {
      const prepared = prepareText(text, brands);
      const reference = linearScores(model, extractFeatures(prepared.tokens, prepared.cues, features));
      const fast = scoreHashes(model, new FeatureHashes().fill(prepared.tokens, features), prepared.cues, new Float64Array(3));
      for (let c = 0; c < 3; c++) expect(fast[c], `${text.slice(0, 20)} class ${c}`).toBeCloseTo(reference[c] as number, 6);
    }
  });

  it('gives the same scores after the token cache is dropped, and for a pass filled before the drop', () => {
    const features: FeatureConfig = { ...DEFAULT_FEATURE_CONFIG, bits: 10, charMin: 3, charMax: 5 };
    const model = modelWith(features, 3);
    const prepared = prepareText(TEXTS[1] as string, brands);
    const before = Array.from(scoreHashes(model, new FeatureHashes().fill(prepared.tokens, features), prepared.cues, new Float64Array(3)));
    const early = new FeatureHashes().fill(prepared.tokens, features);
    const generation = TOKEN_IDS.generation;
    const filler = Array.from({ length: TOKEN_LIMIT + 10 }, (_, i) => `word${i}`);
    new FeatureHashes().fill(filler.slice(0, TOKEN_LIMIT / 2), features);
    new FeatureHashes().fill(filler.slice(TOKEN_LIMIT / 2), features);
    expect(TOKEN_IDS.generation).toBeGreaterThan(generation);
    expect(Array.from(scoreHashes(model, early, prepared.cues, new Float64Array(3)))).toEqual(before);
    expect(Array.from(scoreHashes(model, new FeatureHashes().fill(prepared.tokens, features), prepared.cues, new Float64Array(3)))).toEqual(
      before,
    );
    expectReferenceScores(model, 3);
  });
});
