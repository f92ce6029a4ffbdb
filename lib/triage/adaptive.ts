/**
 * The per-install adaptive layer: learns from the team's own calls ("complaint" / "not a complaint"
 * clicks, logged cases) on top of the shipped complaint model, without touching it.
 *
 * Input per post: the shipped verdict's margin (its log-odds minus the threshold's, so 0 is the
 * shipped decision boundary) and a small hashed bag of the post's words, bigrams and cue ids. The layer
 * adds `bias + scale * margin + Σ w·x` to that margin; all parameters start at 0, so with no
 * corrections it changes nothing. It is refitted from every stored correction (L2-regularised logistic
 * regression, a few deterministic SGD epochs), so the result does not depend on click order and a
 * correction removed or changed is simply refitted away. Parameters are clamped, so a single click
 * cannot flip everything: the post the team corrected is overridden by the background, not here.
 *
 * Pure and synchronous; the background stores the corrections (IndexedDB) and applies the layer.
 */
import { LEARNING_LIMITS, type CorrectionLabel } from '../domain/learning';
import type { ComplaintResult } from '../domain/triage';
import { combineHashes, fmix32, fnv1a } from './hash';
import type { PreparedText } from './prepare';
import { BOUNDARY_TOKEN } from './text';

/** log2 of the layer's hash buckets: small, only words the corrections contain get a weight. */
export const ADAPTIVE_BITS = LEARNING_LIMITS.bits;
const MASK = (1 << ADAPTIVE_BITS) - 1;
const SEED_WORD = 0x5bd1e995;
const SEED_CUE = 0x27d4eb2f;

/** Most features one correction keeps (a tweet has a few dozen; a long review is cut here). */
export const MAX_CORRECTION_FEATURES = LEARNING_LIMITS.features;

/** What one correction teaches: the post's features, the shipped margin and the team's label. */
export interface LearningExample {
  /** True: the team called it a complaint. */
  complaint: boolean;
  /** The shipped verdict's log-odds minus the threshold's (positive: the shipped model said complaint). */
  margin: number;
  /** Distinct hashed feature buckets, < 2^ADAPTIVE_BITS. */
  buckets: readonly number[];
}

export interface AdaptiveLayer {
  /** How many corrections it was fitted on. */
  examples: number;
  bias: number;
  /** Added to 1 as the margin's coefficient (a layer can trust the shipped model less or more). */
  scale: number;
  weights: ReadonlyMap<number, number>;
}

export const EMPTY_LAYER: AdaptiveLayer = { examples: 0, bias: 0, scale: 0, weights: new Map() };

/** Fit settings; the bench (scripts/triage/learning-bench.ts) compared them on complaints-2019. */
export const FIT = {
  epochs: 12,
  rate: 0.5,
  /** L2 weight decay per epoch, relative to the rate. */
  l2: 0.3,
  /** Step multipliers: bias and trust are shared by every post, so they move slower than one word. */
  biasRate: 0.2,
  scaleRate: 0.05,
  weightRate: 2,
  /** Clamps: how far the layer may move the margin by bias, trust or one word. */
  maxBias: 1.5,
  maxScale: 0.5,
  maxWeight: 3,
} as const;

/** Margins beyond this are certain enough; clamping keeps one extreme post from dominating the fit. */
export const MAX_MARGIN = 8;
const EPSILON = 1e-4;

const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));
const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The shipped verdict's margin: its log-odds minus the threshold's, clamped. */
export function marginOf(confidence: number, threshold: number): number {
  const p = Math.min(1 - EPSILON, Math.max(EPSILON, confidence));
  const t = Math.min(1 - EPSILON, Math.max(EPSILON, threshold));
  return clamp(logit(p) - logit(t), MAX_MARGIN);
}

/** The layer's features of a prepared post: distinct hashed words, bigrams and cue ids. */
export function adaptiveFeatures(prepared: Pick<PreparedText, 'tokens' | 'cues'>): number[] {
  const buckets = new Set<number>();
  let previous: number | undefined;
  for (const token of prepared.tokens) {
    if (buckets.size >= MAX_CORRECTION_FEATURES) break;
    if (token === BOUNDARY_TOKEN) {
      previous = undefined;
      continue;
    }
    const hash = fnv1a(token, SEED_WORD);
    buckets.add(fmix32(hash) & MASK);
    if (previous !== undefined) buckets.add(combineHashes(previous, hash) & MASK);
    previous = hash;
  }
  for (const cue of prepared.cues) buckets.add(fmix32(fnv1a(cue.id, SEED_CUE)) & MASK);
  return [...buckets].slice(0, MAX_CORRECTION_FEATURES).sort((a, b) => a - b);
}

/** Each feature's value: 1/√n, so a long post's words do not outweigh a short one's. */
const featureValue = (buckets: readonly number[]) => 1 / Math.sqrt(Math.max(1, buckets.length));

/** The layer's change to a post's margin. */
export function layerDelta(layer: AdaptiveLayer, margin: number, buckets: readonly number[]): number {
  if (layer.examples === 0) return 0;
  const x = featureValue(buckets);
  let delta = layer.bias + layer.scale * margin;
  for (const bucket of buckets) delta += (layer.weights.get(bucket) ?? 0) * x;
  return delta;
}

/**
 * Fit the layer on the corrections, oldest first (deterministic). Each epoch is one SGD pass of the
 * logistic loss on `margin + delta`, then L2 decay; every parameter stays within the FIT clamps.
 */
export function fitAdaptiveLayer(examples: readonly LearningExample[], fit: typeof FIT = FIT): AdaptiveLayer {
  if (examples.length === 0) return EMPTY_LAYER;
  const weights = new Map<number, number>();
  let bias = 0;
  let scale = 0;
  const decay = 1 / (1 + fit.rate * fit.l2);
  for (let epoch = 0; epoch < fit.epochs; epoch++) {
    const rate = fit.rate / (1 + epoch * 0.25);
    for (const example of examples) {
      const margin = clamp(example.margin, MAX_MARGIN);
      const x = featureValue(example.buckets);
      let z = margin + bias + scale * margin;
      for (const bucket of example.buckets) z += (weights.get(bucket) ?? 0) * x;
      const gradient = sigmoid(z) - (example.complaint ? 1 : 0);
      bias = clamp(bias - rate * fit.biasRate * gradient, fit.maxBias);
      scale = clamp(scale - rate * fit.scaleRate * gradient * margin, fit.maxScale);
      for (const bucket of example.buckets) {
        weights.set(bucket, clamp((weights.get(bucket) ?? 0) - rate * fit.weightRate * gradient * x, fit.maxWeight));
      }
    }
    bias *= decay;
    scale *= decay;
    for (const [bucket, weight] of weights) weights.set(bucket, weight * decay);
  }
  return { examples: examples.length, bias, scale, weights };
}

/** Cue lines saying why a verdict is not the shipped model's. */
export const LEARNED_CUE = 'learned from your team’s corrections';
export const corrected = (label: CorrectionLabel) => `marked “${label === 'complaint' ? 'complaint' : 'not a complaint'}” by your team`;

/**
 * The complaint verdict after the team's calls: the post's own correction if there is one,
 * else the shipped verdict moved by the layer (its confidence keeps the shipped threshold's scale).
 */
export function adjustComplaint(
  result: ComplaintResult,
  features: { buckets: readonly number[]; threshold: number },
  layer: AdaptiveLayer,
  own?: CorrectionLabel,
): ComplaintResult {
  if (own) {
    const isComplaint = own === 'complaint';
    return { isComplaint, confidence: isComplaint ? 1 : 0, cues: [corrected(own), ...result.cues] };
  }
  if (layer.examples === 0) return result;
  const margin = marginOf(result.confidence, features.threshold);
  const adjusted = margin + layerDelta(layer, margin, features.buckets);
  const isComplaint = adjusted >= 0;
  const t = Math.min(1 - EPSILON, Math.max(EPSILON, features.threshold));
  const confidence = sigmoid(adjusted + logit(t));
  const cues = isComplaint === result.isComplaint ? result.cues : [LEARNED_CUE, ...result.cues];
  return { isComplaint, confidence, cues };
}
