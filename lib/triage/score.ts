/**
 * Inference-time scoring of the hashed linear models, the fast form of features.ts + linear-model.ts:
 *
 * - Every feature of a namespace has the same value (weight / norm(count), features.ts), so a model's score is
 *   Σ over namespaces of value × (integer sum of the int8 weights hit), times the class scale: no float multiply
 *   per feature. Integer sums do not depend on the order of their terms, so they can be cached in parts.
 * - Most features belong to one token: its unigram and the character n-grams inside " token " (the n-grams of
 *   " tok tok tok " with no space strictly inside). Their weight sums are computed once per distinct token and
 *   model (token-weights.ts) and reused by every later post; a post only hashes and looks up its bigrams and the
 *   n-grams that straddle a space (about a third of them).
 * - One pass per text is shared by the complaint and category models (the same char n-gram range and negation
 *   scope): token ids and word hashes, bigram hashes and straddling n-gram hashes. Cues differ between the models
 *   (the category model also sees category cues), so their hashes are looked up per call, outside the pass. A
 *   model's bucket is a hash masked to its bit count.
 *
 * Scores equal collectFeatures + the dense dot product up to float rounding (scripts/triage/pinned-scores.test.ts
 * pins them; scripts/triage/encode-model.test.ts compares with the reference on random models).
 */
import type { FeatureConfig, FeatureCue } from './features';
import { combineHashes, fmix32, fnv1a, fnvStep } from './hash';
import type { LinearModel } from './linear-model';
import { BOUNDARY_TOKEN } from './text';
import { LANE_LIMIT, laneCount, LaneSums } from './class-lanes';
import {
  addWeights,
  CHAR_GRAMS,
  KIND_BOUNDARY,
  KIND_NEGATOR,
  KIND_SCOPE_RESET,
  PARTS,
  TOKEN_IDS,
  tokenWeightsOf,
  UNIGRAM_NEGATED,
  UNIGRAM_PLAIN,
  type TokenWeights,
} from './token-weights';

// The same seeds as features.ts (the models were trained on them).
const SEED_BIGRAM = 0x1b873593;
const SEED_CHAR = 0x3c6ef372;
const SEED_CUE = 0x7f4a7c15;
const START_HASH = fnv1a('<s>', SEED_BIGRAM);
const END_HASH = fnv1a('</s>', SEED_BIGRAM);
const BOUNDARY_HASH = fnv1a(BOUNDARY_TOKEN, SEED_BIGRAM);
const SPACE = 0x20;

/** What a hashing pass depends on besides the text (weights, bits and length norm only change scoring). */
type HashShape = Pick<FeatureConfig, 'charMin' | 'charMax' | 'negationScope'>;

/** Per token of the pass: which of its cached sums count (UNIGRAM_PLAIN or UNIGRAM_NEGATED; -1 for a boundary). */
const BOUNDARY = -1;

/**
 * One text's token features, namespace by namespace: per token its id in TOKEN_IDS and unigram variant, then
 * [0, bigramsEnd) bigram hashes, [bigramsEnd, charsEnd) the char n-grams that straddle a space.
 */
export class FeatureHashes {
  hashes = new Int32Array(512);
  tokenIds = new Int32Array(128);
  variants = new Int8Array(128);
  bigramsEnd = 0;
  charsEnd = 0;
  /** Normalisers, as features.ts computes them. */
  unigrams = 0;
  words = 0;
  gramSlots = 0;
  /** The token-cache generation the ids belong to (TOKEN_IDS is cleared when it grows too large). */
  generation = -1;

  /** The pass this buffer holds: for which text and shape (reused when both match). */
  tokens: readonly string[] | undefined;
  charMin = 0;
  charMax = 0;
  negationScope = false;

  fill(tokens: readonly string[], config: HashShape): this {
    const { charMin, charMax, negationScope } = config;
    if (
      this.tokens === tokens &&
      this.charMin === charMin &&
      this.charMax === charMax &&
      this.negationScope === negationScope &&
      this.generation === TOKEN_IDS.generation
    ) {
      return this;
    }
    const words = tokens.length;
    TOKEN_IDS.makeRoom(words);
    this.reserve(words);
    const { tokenIds, variants } = this;
    let negated = false;
    let unigrams = 0;
    for (let i = 0; i < words; i++) {
      const id = TOKEN_IDS.idOf(tokens[i] as string);
      tokenIds[i] = id;
      // features.ts's tests (boundary, isScopeReset, isNegator), answered once per distinct token.
      const kind = TOKEN_IDS.kinds[id] as number;
      if ((kind & KIND_BOUNDARY) !== 0) {
        negated = false;
        variants[i] = BOUNDARY;
        continue;
      }
      if ((kind & KIND_SCOPE_RESET) !== 0) negated = false;
      unigrams++;
      variants[i] = negated && negationScope ? UNIGRAM_NEGATED : UNIGRAM_PLAIN;
      if ((kind & KIND_NEGATOR) !== 0) negated = true;
    }
    // " tok tok tok ": the text the char n-grams are taken from.
    const textLength = words === 0 ? 2 : words + 1 + totalLength(tokens);
    this.gramSlots = (charMax - charMin + 1) * Math.max(0, textLength - charMin + 1);
    // Each space is straddled from at most charMax - 2 starts, each giving at most one gram per length.
    const straddling = (words + 1) * Math.max(1, charMax - 2) * (charMax - charMin + 1) + (charMin === 1 ? textLength : 0);
    this.reserveHashes(words + 1 + straddling);
    const hashes = this.hashes;
    let n = 0;
    let previous = START_HASH;
    for (let i = 0; i <= words; i++) {
      const current = i < words ? wordHash(tokenIds[i] as number, variants[i] as number) : END_HASH;
      hashes[n++] = combineHashes(previous, current);
      previous = current;
    }
    this.bigramsEnd = n;
    n = words === 0 ? this.allGrams(hashes, n, charMin, charMax) : this.straddlingGrams(tokens, hashes, n, charMin, charMax);
    this.charsEnd = n;
    this.unigrams = unigrams;
    this.words = words;
    this.tokens = tokens;
    this.charMin = charMin;
    this.charMax = charMax;
    this.negationScope = negationScope;
    this.generation = TOKEN_IDS.generation;
    return this;
  }

  /** An empty token list's text is "  ": its n-grams are not inside any token, so hash them all. */
  private allGrams(hashes: Int32Array, start: number, charMin: number, charMax: number): number {
    let n = start;
    for (let i = 0; i + charMin <= 2; i++) {
      let hash = SEED_CHAR;
      for (let j = i; j < Math.min(2, i + charMax); j++) {
        hash = fnvStep(hash, SPACE);
        if (j - i + 1 >= charMin) hashes[n++] = fmix32(hash);
      }
    }
    return n;
  }

  /**
   * The n-grams of " tok tok tok " with a space strictly inside (the others are inside one " token " and counted
   * from its cached sums). From start i with the next space at f > i, grams of length ≥ f - i + 2 straddle it.
   */
  private straddlingGrams(tokens: readonly string[], hashes: Int32Array, start: number, charMin: number, charMax: number): number {
    const text = ` ${tokens.join(' ')} `;
    const length = text.length;
    let n = start;
    let nextSpace = 0;
    for (let i = 0; i + charMin <= length; i++) {
      if (nextSpace <= i) {
        nextSpace = text.indexOf(' ', i + 1);
        if (nextSpace < 0) break;
      }
      const straddling = nextSpace - i + 2;
      // Single characters are never inside one " token " alone (a space is in two): always hashed here.
      const shortest = charMin === 1 ? 1 : Math.max(charMin, straddling);
      if (shortest > charMax) continue;
      let hash = SEED_CHAR;
      const end = Math.min(length, i + charMax);
      for (let j = i; j < end; j++) {
        hash = fnvStep(hash, text.charCodeAt(j));
        const gram = j - i + 1;
        if (gram >= shortest && (gram >= straddling || gram === 1)) hashes[n++] = fmix32(hash);
      }
    }
    return n;
  }

  private reserve(words: number): void {
    if (words <= this.tokenIds.length) return;
    const size = 2 ** Math.ceil(Math.log2(words));
    this.tokenIds = new Int32Array(size);
    this.variants = new Int8Array(size);
  }

  private reserveHashes(capacity: number): void {
    if (capacity > this.hashes.length) this.hashes = new Int32Array(2 ** Math.ceil(Math.log2(capacity)));
  }
}

function totalLength(tokens: readonly string[]): number {
  let sum = 0;
  for (const token of tokens) sum += token.length;
  return sum;
}

/** The hash a token contributes to bigrams (features.ts: its unigram hash, or the boundary's). */
function wordHash(id: number, variant: number): number {
  if (variant === BOUNDARY) return BOUNDARY_HASH;
  return (variant === UNIGRAM_NEGATED ? TOKEN_IDS.negatedHash[id] : TOKEN_IDS.plainHash[id]) as number;
}

const cueHashes = new Map<string, number>();
function cueHash(id: string): number {
  let hash = cueHashes.get(id);
  if (hash === undefined) {
    hash = fmix32(fnv1a(id, SEED_CUE));
    cueHashes.set(id, hash);
  }
  return hash;
}

/** The cue hashes of one scoring call (reused). */
let cueHashBuffer = new Int32Array(32);
/** Per-class integer sums of one namespace (reused: scoring allocates nothing). */
let namespaceSums = new Int32Array(8);
/** Per-class weighted sums over the namespaces so far. */
let rawSums = new Float64Array(8);

/** Add one namespace's integer sums (in namespaceSums), times its (float32-rounded) feature value, into rawSums. */
function addNamespace(stride: number, value: number): void {
  const rounded = Math.fround(value);
  for (let c = 0; c < stride; c++) rawSums[c] = (rawSums[c] as number) + (namespaceSums[c] as number) * rounded;
}

/** Add the cached per-token sums at `part` (unigram variant or char n-grams) of every token into namespaceSums. */
function addTokenSums(model: LinearModel, pass: FeatureHashes, part: number | 'variant'): void {
  const stride = model.table.stride;
  const weights = tokenWeightsOf(model);
  const { tokenIds, variants, words } = pass;
  for (let i = 0; i < words; i++) weights.ensure(tokenIds[i] as number);
  if (stride > 1) return addTokenLanes(weights, pass, part, stride);
  const sums = weights.sums;
  for (let i = 0; i < words; i++) {
    const which = part === 'variant' ? (variants[i] as number) : part;
    if (which === BOUNDARY) continue;
    const at = (tokenIds[i] as number) * PARTS + which;
    namespaceSums[0] = (namespaceSums[0] as number) + (sums[at] as number);
  }
}

const tokenLanes = new LaneSums();

/** addTokenSums for several classes: the cached sums as lanes (class-lanes.ts), a part too large for them as integers. */
function addTokenLanes(weights: TokenWeights, pass: FeatureHashes, part: number | 'variant', stride: number): void {
  const { tokenIds, variants, words } = pass;
  const { sums, lanes: cached, magnitudes } = weights;
  const width = laneCount(stride);
  const lanes = tokenLanes.begin(stride, namespaceSums, 0);
  for (let i = 0; i < words; i++) {
    const which = part === 'variant' ? (variants[i] as number) : part;
    if (which === BOUNDARY) continue;
    const at = (tokenIds[i] as number) * PARTS + which;
    const magnitude = magnitudes[at] as number;
    if (magnitude > LANE_LIMIT) {
      for (let c = 0; c < stride; c++) namespaceSums[c] = (namespaceSums[c] as number) + (sums[at * stride + c] as number);
      continue;
    }
    tokenLanes.room(magnitude);
    const base = at * width;
    for (let k = 0; k < width; k++) lanes[k] = ((lanes[k] as number) + (cached[base + k] as number)) | 0;
  }
  tokenLanes.drain();
}

/**
 * Raw scores (logits) of every class of `model` for a text's features, into `out` (length = classes).
 * Each namespace's value is rounded to float32 as features.ts stores it, so scores match its dot product.
 */
export function scoreHashes(model: LinearModel, pass: FeatureHashes, cues: readonly FeatureCue[], out: Float64Array): Float64Array {
  const config = model.features;
  const stride = model.table.stride;
  // Another pass has since dropped the token ids this one holds: hash its text again.
  if (pass.generation !== TOKEN_IDS.generation && pass.tokens) pass.fill(pass.tokens, pass);
  if (stride > namespaceSums.length) {
    namespaceSums = new Int32Array(stride);
    rawSums = new Float64Array(stride);
  }
  rawSums.fill(0, 0, stride);
  const mean = config.lengthNorm === 'mean';
  const norm = (n: number) => (mean ? n : Math.sqrt(n));
  if (pass.unigrams > 0 && config.wordWeight > 0) {
    namespaceSums.fill(0, 0, stride);
    addTokenSums(model, pass, 'variant');
    addNamespace(stride, config.wordWeight / norm(pass.unigrams));
  }
  if (config.bigramWeight > 0) {
    namespaceSums.fill(0, 0, stride);
    addWeights(model, pass.hashes, 0, pass.bigramsEnd, namespaceSums);
    addNamespace(stride, config.bigramWeight / norm(pass.words + 1));
  }
  if (config.charWeight > 0 && pass.gramSlots > 0) {
    namespaceSums.fill(0, 0, stride);
    addTokenSums(model, pass, CHAR_GRAMS);
    addWeights(model, pass.hashes, pass.bigramsEnd, pass.charsEnd, namespaceSums);
    addNamespace(stride, config.charWeight / norm(Math.max(1, pass.gramSlots)));
  }
  if (config.cueWeight > 0 && cues.length > 0) {
    if (cues.length > cueHashBuffer.length) cueHashBuffer = new Int32Array(2 ** Math.ceil(Math.log2(cues.length)));
    for (let i = 0; i < cues.length; i++) cueHashBuffer[i] = cueHash((cues[i] as FeatureCue).id);
    namespaceSums.fill(0, 0, stride);
    addWeights(model, cueHashBuffer, 0, cues.length, namespaceSums);
    addNamespace(stride, config.cueWeight);
  }
  for (let c = 0; c < stride; c++) out[c] = (model.bias[c] ?? 0) + (rawSums[c] as number) * (model.scales[c] as number);
  return out;
}

// One pass buffer for the whole worker: the category and complaint models of one post share it.
const sharedPass = new FeatureHashes();
const oneClass = new Float64Array(1);

/** Logit of a binary model for a tokenised text (hashing shared with the previous call on the same text). */
export function binaryLogit(model: LinearModel, tokens: readonly string[], cues: readonly FeatureCue[]): number {
  return scoreHashes(model, sharedPass.fill(tokens, model.features), cues, oneClass)[0] as number;
}

/** Raw class scores of a multinomial model into `out`. */
export function classLogits(model: LinearModel, tokens: readonly string[], cues: readonly FeatureCue[], out: Float64Array): Float64Array {
  return scoreHashes(model, sharedPass.fill(tokens, model.features), cues, out);
}
