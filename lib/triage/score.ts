/**
 * Inference-time scoring of the hashed linear models, the fast form of features.ts + linear-model.ts:
 *
 * - One hashing pass per text, shared by both models: every feature's full 32-bit hash (words, bigrams, char
 *   n-grams, cues, in namespaces). A model's bucket is its hash masked to its bit count (the 16-bit category
 *   buckets are the 18-bit complaint ones, masked further), so the complaint and category models reuse the pass
 *   when their feature shapes (char n-gram range, negation scope) agree.
 * - Every feature of a namespace has the same value (weight / norm(count), features.ts), so a model's score is
 *   Σ over namespaces of value × (integer sum of the int8 weights hit), times the class scale: no float multiply
 *   per feature. Scores equal collectFeatures + the dense dot product up to float rounding
 *   (scripts/triage/pinned-scores.test.ts pins them).
 */
import { isNegator, isScopeReset, type FeatureConfig, type FeatureCue } from './features';
import { combineHashes, fmix32, fnv1a, fnvStep } from './hash';
import type { LinearModel } from './linear-model';
import { BOUNDARY_TOKEN } from './text';

// The same seeds as features.ts (the models were trained on them).
const SEED_WORD = 0x2f0b3a49;
const SEED_NEGATED = 0x61c88647;
const SEED_BIGRAM = 0x1b873593;
const SEED_CHAR = 0x3c6ef372;
const SEED_CUE = 0x7f4a7c15;
const START_HASH = fnv1a('<s>', SEED_BIGRAM);
const END_HASH = fnv1a('</s>', SEED_BIGRAM);
const BOUNDARY_HASH = fnv1a(BOUNDARY_TOKEN, SEED_BIGRAM);

/** What a hashing pass depends on besides the text (weights, bits and length norm only change scoring). */
type HashShape = Pick<FeatureConfig, 'charMin' | 'charMax' | 'negationScope'>;

/** Every feature hash of one text, namespace by namespace: [0, wordsEnd) words, then bigrams, chars, cues. */
export class FeatureHashes {
  hashes = new Int32Array(1024);
  wordsEnd = 0;
  bigramsEnd = 0;
  charsEnd = 0;
  cuesEnd = 0;
  /** Normalisers, as features.ts computes them. */
  unigrams = 0;
  words = 0;
  gramSlots = 0;
  private wordHashes = new Int32Array(256);

  /** The pass this buffer holds: for which text and shape (reused when both match). */
  tokens: readonly string[] | undefined;
  cues: readonly FeatureCue[] | undefined;
  shape = '';

  fill(tokens: readonly string[], cues: readonly FeatureCue[], config: HashShape): this {
    const shape = `${config.charMin},${config.charMax},${config.negationScope}`;
    if (this.tokens === tokens && this.cues === cues && this.shape === shape) return this;
    const { charMin, charMax } = config;
    const words = tokens.length;
    const text = ` ${tokens.join(' ')} `;
    this.gramSlots = (charMax - charMin + 1) * Math.max(0, text.length - charMin + 1);
    this.reserve(2 * words + 1 + this.gramSlots + cues.length, words);
    const hashes = this.hashes;
    const wordHashes = this.wordHashes;
    let n = 0;

    let negated = false;
    let unigrams = 0;
    for (let i = 0; i < words; i++) {
      const token = tokens[i] as string;
      if (token === BOUNDARY_TOKEN) {
        negated = false;
        wordHashes[i] = BOUNDARY_HASH;
        continue;
      }
      if (isScopeReset(token)) negated = false;
      unigrams++;
      const hash = fnv1a(token, negated && config.negationScope ? SEED_NEGATED : SEED_WORD);
      wordHashes[i] = hash;
      hashes[n++] = fmix32(hash);
      if (isNegator(token)) negated = true;
    }
    this.wordsEnd = n;
    let previous = START_HASH;
    for (let i = 0; i <= words; i++) {
      const current = i < words ? (wordHashes[i] as number) >>> 0 : END_HASH;
      hashes[n++] = combineHashes(previous, current);
      previous = current;
    }
    this.bigramsEnd = n;
    for (let i = 0; i + charMin <= text.length; i++) {
      let hash = SEED_CHAR;
      const end = Math.min(text.length, i + charMax);
      for (let j = i; j < end; j++) {
        hash = fnvStep(hash, text.charCodeAt(j));
        if (j - i + 1 >= charMin) hashes[n++] = fmix32(hash);
      }
    }
    this.charsEnd = n;
    for (const cue of cues) hashes[n++] = fmix32(fnv1a(cue.id, SEED_CUE));
    this.cuesEnd = n;
    this.unigrams = unigrams;
    this.words = words;
    this.tokens = tokens;
    this.cues = cues;
    this.shape = shape;
    return this;
  }

  private reserve(capacity: number, words: number): void {
    if (capacity > this.hashes.length) this.hashes = new Int32Array(2 ** Math.ceil(Math.log2(capacity)));
    if (words > this.wordHashes.length) this.wordHashes = new Int32Array(2 ** Math.ceil(Math.log2(words)));
  }
}

/** The place of `bucket`'s weights in table.values (before × stride), or -1 when it has none. */
function slotIndex(bitmap: Uint32Array, rank: Uint32Array, bucket: number): number {
  const word = bitmap[bucket >>> 5] as number;
  const bit = 1 << (bucket & 31);
  if ((word & bit) === 0) return -1;
  // popcount of the bits below `bit`: the bucket's place among the word's present buckets.
  let x = word & (bit - 1);
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return (rank[bucket >>> 5] as number) + (Math.imul(x, 0x01010101) >>> 24);
}

/** Add, per class, the int8 weights of hashes[from, to) into `sums` (integers: exact). */
function addWeights(model: LinearModel, hashes: Int32Array, from: number, to: number, sums: Int32Array): void {
  const { bitmap, rank, values, stride } = model.table;
  const mask = (1 << model.features.bits) - 1;
  if (stride === 1) {
    let sum = 0;
    for (let i = from; i < to; i++) {
      const slot = slotIndex(bitmap, rank, (hashes[i] as number) & mask);
      if (slot >= 0) sum += values[slot] as number;
    }
    sums[0] = (sums[0] as number) + sum;
    return;
  }
  for (let i = from; i < to; i++) {
    const slot = slotIndex(bitmap, rank, (hashes[i] as number) & mask);
    if (slot < 0) continue;
    const base = slot * stride;
    for (let c = 0; c < stride; c++) sums[c] = (sums[c] as number) + (values[base + c] as number);
  }
}

/** Per-class integer sums of one namespace (reused: scoring allocates nothing). */
let namespaceSums = new Int32Array(8);
/** Per-class weighted sums over the namespaces so far. */
let rawSums = new Float64Array(8);

/** Add one namespace's weights, times its (float32-rounded) feature value, into rawSums. */
function addNamespace(model: LinearModel, pass: FeatureHashes, from: number, to: number, value: number): void {
  const stride = model.table.stride;
  if (from === to || value === 0) return;
  namespaceSums.fill(0, 0, stride);
  addWeights(model, pass.hashes, from, to, namespaceSums);
  const rounded = Math.fround(value);
  for (let c = 0; c < stride; c++) rawSums[c] = (rawSums[c] as number) + (namespaceSums[c] as number) * rounded;
}

/**
 * Raw scores (logits) of every class of `model` for a text's features, into `out` (length = classes).
 * Each namespace's value is rounded to float32 as features.ts stores it, so scores match its dot product.
 */
export function scoreHashes(model: LinearModel, pass: FeatureHashes, out: Float64Array): Float64Array {
  const config = model.features;
  const stride = model.table.stride;
  if (stride > namespaceSums.length) {
    namespaceSums = new Int32Array(stride);
    rawSums = new Float64Array(stride);
  }
  rawSums.fill(0, 0, stride);
  const mean = config.lengthNorm === 'mean';
  const norm = (n: number) => (mean ? n : Math.sqrt(n));
  if (pass.unigrams > 0 && config.wordWeight > 0) addNamespace(model, pass, 0, pass.wordsEnd, config.wordWeight / norm(pass.unigrams));
  if (config.bigramWeight > 0) addNamespace(model, pass, pass.wordsEnd, pass.bigramsEnd, config.bigramWeight / norm(pass.words + 1));
  if (config.charWeight > 0) {
    addNamespace(model, pass, pass.bigramsEnd, pass.charsEnd, config.charWeight / norm(Math.max(1, pass.gramSlots)));
  }
  if (config.cueWeight > 0) addNamespace(model, pass, pass.charsEnd, pass.cuesEnd, config.cueWeight);
  for (let c = 0; c < stride; c++) out[c] = (model.bias[c] ?? 0) + (rawSums[c] as number) * (model.scales[c] as number);
  return out;
}

// One pass buffer for the whole worker: the category and complaint models of one post share it.
const sharedPass = new FeatureHashes();
const oneClass = new Float64Array(1);

/** Logit of a binary model for a tokenised text (hashing shared with the previous call on the same text). */
export function binaryLogit(model: LinearModel, tokens: readonly string[], cues: readonly FeatureCue[]): number {
  return scoreHashes(model, sharedPass.fill(tokens, cues, model.features), oneClass)[0] as number;
}

/** Raw class scores of a multinomial model into `out`. */
export function classLogits(model: LinearModel, tokens: readonly string[], cues: readonly FeatureCue[], out: Float64Array): Float64Array {
  return scoreHashes(model, sharedPass.fill(tokens, cues, model.features), out);
}
