/**
 * Per-token parts of a hashed model's score, computed once per distinct token and reused by every post
 * (score.ts): a token's unigram hashes (plain and negation-scoped, features.ts seeds) and, per model, the
 * integer sums of the int8 weights of its unigram (both variants) and of the char n-grams inside " token ".
 * Posts share most of their words, so after the first few hundred posts a token costs one Map lookup.
 * Memory is bounded: past TOKEN_LIMIT distinct tokens everything is dropped and rebuilt as posts come.
 */
import { byteViewOf, ByteLaneSums, LANE_LIMIT, laneCount, packLanes } from './class-lanes';
import { isNegator, isScopeReset } from './features';
import { fmix32, fnv1a, fnvStep } from './hash';
import type { LinearModel } from './linear-model';
import { BOUNDARY_TOKEN } from './text';

const SEED_WORD = 0x2f0b3a49;
const SEED_NEGATED = 0x61c88647;
const SEED_CHAR = 0x3c6ef372;
const SPACE = 0x20;

/** Distinct tokens kept before the caches start again (~16k: a day of a busy brand's mentions). */
export const TOKEN_LIMIT = 1 << 14;

/** Where a token's sums sit in its per-model record of 3 × stride integers. */
export const UNIGRAM_PLAIN = 0;
export const UNIGRAM_NEGATED = 1;
export const CHAR_GRAMS = 2;
export const PARTS = 3;

/** Bits of TokenIds.kinds: what the hashing pass asks of a token, answered once per distinct token. */
export const KIND_BOUNDARY = 1;
export const KIND_SCOPE_RESET = 2;
export const KIND_NEGATOR = 4;

function kindOf(token: string): number {
  if (token === BOUNDARY_TOKEN) return KIND_BOUNDARY;
  return (isScopeReset(token) ? KIND_SCOPE_RESET : 0) | (isNegator(token) ? KIND_NEGATOR : 0);
}

/** Token → small integer id, with the token's two unigram hashes (model-independent) and its kind bits. */
class TokenIds {
  /** Bumped whenever the ids are dropped: per-model sums and filled passes of an older generation are stale. */
  generation = 0;
  tokens: string[] = [];
  plainHash = new Int32Array(1024);
  negatedHash = new Int32Array(1024);
  kinds = new Uint8Array(1024);
  private ids = new Map<string, number>();

  /** Called before a post's tokens get ids, so no id of one post is dropped halfway through it. */
  makeRoom(count: number): void {
    if (this.tokens.length + count <= TOKEN_LIMIT) return;
    this.ids.clear();
    this.tokens = [];
    this.generation++;
  }

  idOf(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      if (id >= this.plainHash.length) this.grow();
      this.tokens.push(token);
      this.plainHash[id] = fnv1a(token, SEED_WORD);
      this.negatedHash[id] = fnv1a(token, SEED_NEGATED);
      this.kinds[id] = kindOf(token);
      this.ids.set(token, id);
    }
    return id;
  }

  private grow(): void {
    const plain = new Int32Array(this.plainHash.length * 2);
    const negated = new Int32Array(this.negatedHash.length * 2);
    const kinds = new Uint8Array(this.kinds.length * 2);
    plain.set(this.plainHash);
    negated.set(this.negatedHash);
    kinds.set(this.kinds);
    this.plainHash = plain;
    this.negatedHash = negated;
    this.kinds = kinds;
  }
}

export const TOKEN_IDS = new TokenIds();

/** The place of `bucket`'s weights in table.values (before × stride), or -1 when it has none. */
export function slotIndex(bitmap: Uint32Array, rank: Uint32Array, bucket: number): number {
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

/** Add, per class, the int8 weights of hashes[from, to) into `sums` at `offset` (integers: exact). */
export function addWeights(model: LinearModel, hashes: Int32Array, from: number, to: number, sums: Int32Array, offset = 0): void {
  const { bitmap, rank, values, stride } = model.table;
  const mask = (1 << model.features.bits) - 1;
  if (stride === 1) {
    let sum = 0;
    for (let i = from; i < to; i++) {
      const slot = slotIndex(bitmap, rank, (hashes[i] as number) & mask);
      if (slot >= 0) sum += values[slot] as number;
    }
    sums[offset] = (sums[offset] as number) + sum;
    return;
  }
  // Several classes: their weights two to an int32 (class-lanes.ts), half the loads and adds per hit.
  const view = byteViewOf(model);
  hitLanes.begin(stride, sums, offset);
  for (let i = from; i < to; i++) {
    const slot = slotIndex(bitmap, rank, (hashes[i] as number) & mask);
    if (slot >= 0) hitLanes.add(view, slot * stride);
  }
  hitLanes.drain();
}

const hitLanes = new ByteLaneSums();

/**
 * One model's cached sums: 3 × stride integers per token id (UNIGRAM_PLAIN, UNIGRAM_NEGATED, CHAR_GRAMS). A
 * multi-class model also keeps them as lanes (class-lanes.ts): `lanes` holds 3 × laneCount(stride) int32s per
 * token, `magnitudes` each part's largest |class sum| (a part over LANE_LIMIT is added from `sums` instead).
 */
export class TokenWeights {
  generation = TOKEN_IDS.generation;
  known = new Uint8Array(1024);
  sums: Int32Array;
  lanes: Int32Array;
  magnitudes: Int32Array;
  private readonly perToken: number;
  private readonly lanesPerToken: number;
  private grams = new Int32Array(64);

  constructor(private readonly model: LinearModel) {
    this.perToken = PARTS * model.table.stride;
    this.lanesPerToken = model.table.stride > 1 ? PARTS * laneCount(model.table.stride) : 0;
    this.sums = new Int32Array(1024 * this.perToken);
    this.lanes = new Int32Array(1024 * this.lanesPerToken);
    this.magnitudes = new Int32Array(this.lanesPerToken > 0 ? 1024 * PARTS : 0);
  }

  /** Make sure token `id`'s sums are computed (its record starts at id × 3 × stride). */
  ensure(id: number): void {
    if (this.generation !== TOKEN_IDS.generation) {
      this.known.fill(0);
      this.generation = TOKEN_IDS.generation;
    }
    if (id < this.known.length && this.known[id] === 1) return;
    if (id >= this.known.length) this.grow(id);
    this.compute(id);
    this.known[id] = 1;
  }

  private compute(id: number): void {
    const model = this.model;
    const { charMin, charMax } = model.features;
    const stride = model.table.stride;
    const base = id * this.perToken;
    this.sums.fill(0, base, base + this.perToken);
    const own = this.grams;
    own[0] = fmix32(TOKEN_IDS.plainHash[id] as number);
    own[1] = fmix32(TOKEN_IDS.negatedHash[id] as number);
    addWeights(model, own, 0, 1, this.sums, base + UNIGRAM_PLAIN * stride);
    addWeights(model, own, 1, 2, this.sums, base + UNIGRAM_NEGATED * stride);
    const count = this.charGrams(TOKEN_IDS.tokens[id] as string, Math.max(2, charMin), charMax);
    addWeights(model, this.grams, 0, count, this.sums, base + CHAR_GRAMS * stride);
    if (this.lanesPerToken > 0) this.pack(id);
  }

  /** Token `id`'s three parts as lanes, with their magnitudes. */
  private pack(id: number): void {
    const stride = this.model.table.stride;
    const width = laneCount(stride);
    for (let part = 0; part < PARTS; part++) {
      const from = id * this.perToken + part * stride;
      let magnitude = 0;
      for (let c = 0; c < stride; c++) magnitude = Math.max(magnitude, Math.abs(this.sums[from + c] as number));
      this.magnitudes[id * PARTS + part] = magnitude;
      if (magnitude <= LANE_LIMIT) packLanes(this.sums, from, stride, this.lanes, id * this.lanesPerToken + part * width);
    }
  }

  /** Hashes of the n-grams of " token " from `shortest` to `longest` characters, into this.grams. */
  private charGrams(token: string, shortest: number, longest: number): number {
    const length = token.length + 2;
    const capacity = (longest - shortest + 1) * Math.max(0, length - shortest + 1);
    if (capacity > this.grams.length) this.grams = new Int32Array(2 ** Math.ceil(Math.log2(capacity)));
    const grams = this.grams;
    const charAt = (k: number) => (k === 0 || k === length - 1 ? SPACE : token.charCodeAt(k - 1));
    let n = 0;
    for (let i = 0; i + shortest <= length; i++) {
      let hash = SEED_CHAR;
      const end = Math.min(length, i + longest);
      for (let j = i; j < end; j++) {
        hash = fnvStep(hash, charAt(j));
        if (j - i + 1 >= shortest) grams[n++] = fmix32(hash);
      }
    }
    return n;
  }

  private grow(id: number): void {
    const size = 2 ** Math.ceil(Math.log2(id + 1));
    const known = new Uint8Array(size);
    known.set(this.known);
    const sums = new Int32Array(size * this.perToken);
    sums.set(this.sums);
    this.known = known;
    this.sums = sums;
    if (this.lanesPerToken === 0) return;
    const lanes = new Int32Array(size * this.lanesPerToken);
    lanes.set(this.lanes);
    const magnitudes = new Int32Array(size * PARTS);
    magnitudes.set(this.magnitudes);
    this.lanes = lanes;
    this.magnitudes = magnitudes;
  }
}

const byModel = new WeakMap<LinearModel, TokenWeights>();

/** The cached per-token sums of `model` (created on first use). */
export function tokenWeightsOf(model: LinearModel): TokenWeights {
  let weights = byModel.get(model);
  if (!weights) {
    weights = new TokenWeights(model);
    byModel.set(model, weights);
  }
  return weights;
}
