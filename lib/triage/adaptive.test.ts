import { describe, expect, it } from 'vitest';
import {
  adaptiveFeatures,
  adjustComplaint,
  ADAPTIVE_BITS,
  EMPTY_LAYER,
  FIT,
  fitAdaptiveLayer,
  layerDelta,
  LEARNED_CUE,
  marginOf,
  type LearningExample,
} from './adaptive';
import { complaintFromPrepared, complaintModel } from './complaint';
import { brandMatcherFor, prepareText } from './prepare';
import { STOCK_QUESTIONS } from './testing';

const brands = brandMatcherFor(['Acme', '@AcmeHelp']);
const threshold = complaintModel().threshold;

function judged(text: string) {
  const prepared = prepareText(text, brands);
  const shipped = complaintFromPrepared(prepared);
  const buckets = adaptiveFeatures(prepared);
  return { shipped, buckets, margin: marginOf(shipped.confidence, threshold) };
}

function example(text: string, complaint: boolean): LearningExample {
  const { margin, buckets } = judged(text);
  return { complaint, margin, buckets };
}

function verdict(text: string, layer = EMPTY_LAYER) {
  const { shipped, buckets } = judged(text);
  return adjustComplaint(shipped, { buckets, threshold }, layer);
}

describe('adaptive features', () => {
  it('are distinct sorted buckets within the layer’s hash space, the same for the same text', () => {
    const buckets = adaptiveFeatures(prepareText('my order is late, my order is late', brands));
    expect(buckets).toEqual([...new Set(buckets)].sort((a, b) => a - b));
    expect(buckets.every((bucket) => bucket >= 0 && bucket < 2 ** ADAPTIVE_BITS)).toBe(true);
    expect(adaptiveFeatures(prepareText('my order is late', brands))).toEqual(buckets);
  });

  it('mask the brand: the same post about another brand has the same features', () => {
    const acme = adaptiveFeatures(prepareText('Acme lost my parcel again', brands));
    const other = adaptiveFeatures(prepareText('Zeta lost my parcel again', brandMatcherFor(['Zeta'])));
    expect(other).toEqual(acme);
  });
});

describe('the adaptive layer', () => {
  it('changes nothing until the team corrected something', () => {
    const text = 'Acme lost my parcel and nobody answers';
    expect(verdict(text, fitAdaptiveLayer([]))).toEqual(judged(text).shipped);
    expect(layerDelta(EMPTY_LAYER, 2, [1, 2, 3])).toBe(0);
  });

  it('learns a team’s call from a few corrections and applies it to a similar post it never saw', () => {
    const unseen = '@AcmeHelp is the red scarf still not back in stock?';
    expect(verdict(unseen).isComplaint).toBe(true);
    const layer = fitAdaptiveLayer(STOCK_QUESTIONS.map((text) => example(text, false)));
    const after = verdict(unseen, layer);
    expect(after.isComplaint).toBe(false);
    expect(after.cues[0]).toBe(LEARNED_CUE);
    // A real complaint stays one.
    expect(verdict('Acme charged me twice and support hung up on me, worst service ever', layer).isComplaint).toBe(true);
  });

  it('cannot be flipped wholesale by one click: a clear complaint stays one after a single "not a complaint"', () => {
    const layer = fitAdaptiveLayer([example('Acme my refund still has not arrived after 3 weeks', false)]);
    for (const text of [
      'Acme lost my luggage and nobody at the desk would help',
      'Worst customer service ever, Acme hung up on me three times',
      '@AcmeHelp my blender arrived broken and the box was soaked',
    ]) {
      expect(verdict(text, layer).isComplaint).toBe(true);
    }
  });

  it('keeps every parameter within its clamp however many identical corrections arrive', () => {
    const layer = fitAdaptiveLayer(Array.from({ length: 500 }, () => example('Acme is fine I guess', true)));
    expect(Math.abs(layer.bias)).toBeLessThanOrEqual(FIT.maxBias);
    expect(Math.abs(layer.scale)).toBeLessThanOrEqual(FIT.maxScale);
    for (const weight of layer.weights.values()) expect(Math.abs(weight)).toBeLessThanOrEqual(FIT.maxWeight);
    expect(layer.examples).toBe(500);
  });

  it('is deterministic: the same corrections fit the same layer', () => {
    const examples = STOCK_QUESTIONS.map((text, i) => example(text, i % 2 === 0));
    expect(fitAdaptiveLayer(examples)).toEqual(fitAdaptiveLayer(examples));
  });

  it('a post’s own correction beats the model and the layer, and says so', () => {
    const { shipped, buckets } = judged('Acme lost my parcel and nobody answers');
    const own = adjustComplaint(shipped, { buckets, threshold }, EMPTY_LAYER, 'not_complaint');
    expect(own).toMatchObject({ isComplaint: false, confidence: 0 });
    expect(own.cues[0]).toBe('marked “not a complaint” by your team');
    expect(adjustComplaint({ ...shipped, isComplaint: false }, { buckets, threshold }, EMPTY_LAYER, 'complaint').isComplaint).toBe(true);
  });

  it('margins are 0 at the threshold, signed, and clamped', () => {
    expect(marginOf(threshold, threshold)).toBeCloseTo(0, 9);
    expect(marginOf(0.99, 0.5)).toBeGreaterThan(0);
    expect(marginOf(0, 0.5)).toBe(-8);
    expect(marginOf(1, 0.5)).toBe(8);
  });
});
