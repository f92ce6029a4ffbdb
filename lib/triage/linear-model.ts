/**
 * Compact hashed linear models (binary logistic or multinomial), shipped in the form they are scored in, so a
 * waking service worker does no per-weight decoding: one base64 blob holds a bitmap of the buckets that have a
 * weight (1 bit per bucket) followed by their int8 weights (class-interleaved: all classes of one bucket side by
 * side). A bucket's weights are found with a rank query: the set bits before it, counted with a per-word prefix
 * table (built at load, one entry per 32 buckets) and a popcount. Training and encoding live in scripts/triage/;
 * this file only views and scores.
 */
import type { FeatureConfig, SparseFeatures } from './features';

export const LINEAR_MODEL_FORMAT = 'careside-hashed-linear/2';

export interface EncodedLinearModel {
  format: typeof LINEAR_MODEL_FORMAT;
  features: FeatureConfig;
  /** One entry per class; a binary model has one class (the positive one). */
  classes: string[];
  bias: number[];
  /** Per class: weight = int8 value * scale. */
  scales: number[];
  /** Buckets with at least one non-zero weight (set bits of the bitmap). */
  buckets: number;
  /**
   * Base64 of: the bucket bitmap (2^bits / 32 little-endian uint32 words; bit b % 32 of word b / 32 is bucket b),
   * then `buckets * classes.length` int8 weights in bucket order, classes interleaved.
   */
  table: string;
  /** Probability at or above which a binary model says "yes". */
  threshold: number;
}

/** The model's weights as typed-array views of the shipped bytes. */
export interface WeightTable {
  /** Bit b % 32 of word b >>> 5: bucket b has weights. */
  bitmap: Uint32Array;
  /** Set bits in the words before word w: the index of word w's first bucket in `values`. */
  rank: Uint32Array;
  /** int8 weights, `stride` per present bucket (class-interleaved). */
  values: Int8Array;
  stride: number;
}

export interface LinearModel {
  features: FeatureConfig;
  classes: readonly string[];
  bias: readonly number[];
  scales: Float64Array;
  table: WeightTable;
  threshold: number;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

type Base64Decoder = (base64: string) => Uint8Array;

/** Native base64 decoding (Chrome 140+, Firefox 133+); a byte loop elsewhere (Node 20, tests). */
const base64ToBytes: Base64Decoder =
  (Uint8Array as unknown as { fromBase64?: Base64Decoder }).fromBase64?.bind(Uint8Array) ??
  ((base64) => {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  });

/** Number of set bits of a 32-bit integer. */
export function popcount32(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

function bitmapOf(bytes: Uint8Array, words: number): Uint32Array {
  if (LITTLE_ENDIAN) return new Uint32Array(bytes.buffer, bytes.byteOffset, words);
  const view = new DataView(bytes.buffer, bytes.byteOffset, words * 4);
  return Uint32Array.from({ length: words }, (_, w) => view.getUint32(w * 4, true));
}

/** View a shipped model: base64 to bytes (native), typed-array views on them, a rank entry per 32 buckets. */
export function decodeLinearModel(encoded: EncodedLinearModel): LinearModel {
  if (encoded.format !== LINEAR_MODEL_FORMAT) throw new Error(`model: unknown format ${String(encoded.format)}`);
  const stride = encoded.classes.length;
  if (encoded.bias.length !== stride || encoded.scales.length !== stride) throw new Error('model: classes, bias and scales disagree');
  if (encoded.features.bits < 5 || encoded.features.bits > 24) throw new Error(`model: unsupported bucket bits ${encoded.features.bits}`);
  const words = 2 ** encoded.features.bits / 32;
  const bytes = base64ToBytes(encoded.table);
  if (bytes.length !== words * 4 + encoded.buckets * stride) {
    throw new Error(`model: table is ${bytes.length} bytes, expected ${words * 4 + encoded.buckets * stride}`);
  }
  // Word-aligned for the Uint32Array view (a decoded buffer starts at offset 0, but be safe).
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const bitmap = bitmapOf(aligned, words);
  const rank = new Uint32Array(words);
  let count = 0;
  for (let w = 0; w < words; w++) {
    rank[w] = count;
    count += popcount32(bitmap[w] as number);
  }
  if (count !== encoded.buckets) throw new Error(`model: bitmap has ${count} buckets, header says ${encoded.buckets}`);
  const values = new Int8Array(aligned.buffer, aligned.byteOffset + words * 4, count * stride);
  return {
    features: encoded.features,
    classes: encoded.classes,
    bias: encoded.bias,
    scales: Float64Array.from(encoded.scales),
    table: { bitmap, rank, values, stride },
    threshold: encoded.threshold,
  };
}

/**
 * Where bucket `bucket`'s weights start in `table.values`, or -1 when it has none. Inlined by hand in the
 * hot loops of features.ts; this is the readable form.
 */
export function slotOf(table: WeightTable, bucket: number): number {
  const word = table.bitmap[bucket >>> 5] as number;
  const bit = 1 << (bucket & 31);
  if ((word & bit) === 0) return -1;
  return ((table.rank[bucket >>> 5] as number) + popcount32(word & (bit - 1))) * table.stride;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Weight of class `classIndex` for `bucket`, as a float32 (what the dense Float32 tables of format 1 held). */
export function weightAt(model: LinearModel, bucket: number, classIndex = 0): number {
  const slot = slotOf(model.table, bucket);
  if (slot < 0) return 0;
  return Math.fround((model.table.values[slot + classIndex] as number) * (model.scales[classIndex] as number));
}

/** Raw score (logit) of every class for a sparse feature vector (training and evaluation; float32 weights). */
export function linearScores(model: LinearModel, features: SparseFeatures): Float64Array {
  const stride = model.classes.length;
  const scores = Float64Array.from(model.bias);
  const { buckets, values } = features;
  for (let i = 0; i < buckets.length; i++) {
    const value = values[i] as number;
    for (let c = 0; c < stride; c++) scores[c] = (scores[c] as number) + weightAt(model, buckets[i] as number, c) * value;
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
