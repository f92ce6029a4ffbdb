/**
 * Compact hashed linear models (binary logistic or multinomial), shipped as JSON-like objects:
 * only non-zero weights, bucket indices delta+varint encoded, values quantised to int8, both base64.
 * Training and encoding live in scripts/triage/; this file only decodes and scores.
 */
import type { FeatureConfig, SparseFeatures } from './features';

export const LINEAR_MODEL_FORMAT = 'careside-hashed-linear/1';

export interface EncodedWeights {
  /** Non-zero weights kept. */
  count: number;
  /** Base64 of varint-encoded gaps between successive bucket indices (first gap from -1). */
  buckets: string;
  /** Base64 of int8 quantised weights; weight = value * scale. */
  values: string;
  scale: number;
}

export interface EncodedLinearModel {
  format: typeof LINEAR_MODEL_FORMAT;
  features: FeatureConfig;
  /** One entry per class; a binary model has one class (the positive one). */
  classes: string[];
  bias: number[];
  weights: EncodedWeights[];
  /** Probability at or above which a binary model says "yes". */
  threshold: number;
}

export interface LinearModel {
  features: FeatureConfig;
  classes: readonly string[];
  bias: readonly number[];
  /**
   * Dense weights, class-interleaved: weight of class c for bucket b is at b * classes.length + c,
   * so scoring all classes of one feature touches one cache line.
   */
  weights: Float32Array;
  /**
   * The same weights as stored (int8, class-interleaved like `weights`; weight = value * scales[class]):
   * a quarter of the memory, so scoring a post misses the CPU cache far less. Scoring uses it when present.
   */
  quantized?: { values: Int8Array; scales: Float64Array };
  threshold: number;
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function decodeWeightsInto(
  dense: Float32Array,
  quantized: Int8Array,
  encoded: EncodedWeights,
  size: number,
  classIndex: number,
  stride: number,
): void {
  const gaps = base64ToBytes(encoded.buckets);
  const values = new Int8Array(base64ToBytes(encoded.values).buffer);
  if (values.length !== encoded.count) throw new Error('model: value count mismatch');
  let bucket = -1;
  let offset = 0;
  for (let k = 0; k < encoded.count; k++) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const byte = gaps[offset++];
      if (byte === undefined) throw new Error('model: truncated bucket list');
      gap += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    bucket += gap;
    if (bucket >= size) throw new Error('model: bucket out of range');
    dense[bucket * stride + classIndex] = (values[k] as number) * encoded.scale;
    quantized[bucket * stride + classIndex] = values[k] as number;
  }
}

export function decodeLinearModel(encoded: EncodedLinearModel): LinearModel {
  if (encoded.format !== LINEAR_MODEL_FORMAT) throw new Error(`model: unknown format ${String(encoded.format)}`);
  if (encoded.weights.length !== encoded.classes.length || encoded.bias.length !== encoded.classes.length) {
    throw new Error('model: classes, bias and weights disagree');
  }
  const size = 2 ** encoded.features.bits;
  const stride = encoded.classes.length;
  const weights = new Float32Array(size * stride);
  const values = new Int8Array(size * stride);
  encoded.weights.forEach((classWeights, classIndex) => decodeWeightsInto(weights, values, classWeights, size, classIndex, stride));
  const scales = Float64Array.from(encoded.weights, (classWeights) => classWeights.scale);
  return {
    features: encoded.features,
    classes: encoded.classes,
    bias: encoded.bias,
    weights,
    quantized: { values, scales },
    threshold: encoded.threshold,
  };
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Weight of class `classIndex` for `bucket`. */
export function weightAt(model: LinearModel, bucket: number, classIndex = 0): number {
  return model.weights[bucket * model.classes.length + classIndex] ?? 0;
}

/** Raw score (logit) of every class for a sparse feature vector. */
export function linearScores(model: LinearModel, features: SparseFeatures): Float64Array {
  const stride = model.classes.length;
  const scores = Float64Array.from(model.bias);
  const { buckets, values } = features;
  const weights = model.weights;
  for (let i = 0; i < buckets.length; i++) {
    const base = (buckets[i] as number) * stride;
    const value = values[i] as number;
    for (let c = 0; c < stride; c++) scores[c] = (scores[c] as number) + (weights[base + c] as number) * value;
  }
  return scores;
}

/** Raw score (logit) of class `index` for a sparse feature vector. */
export function linearScore(model: LinearModel, features: SparseFeatures, index = 0): number {
  if (index < 0 || index >= model.classes.length) throw new Error(`model: no class ${index}`);
  return linearScores(model, features)[index] as number;
}

/** Softmax of raw class scores, in place. */
export function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const score of scores) max = Math.max(max, score);
  let total = 0;
  for (let c = 0; c < scores.length; c++) {
    scores[c] = Math.exp((scores[c] as number) - max);
    total += scores[c] as number;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) / total;
  return scores;
}

/** Class probabilities of a multinomial model (softmax over class scores). */
export function softmaxScores(model: LinearModel, features: SparseFeatures): number[] {
  return [...softmaxInPlace(linearScores(model, features))];
}
