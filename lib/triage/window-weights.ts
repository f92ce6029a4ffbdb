/**
 * Per-space parts of a hashed model's score, cached like token-weights.ts caches per-token parts. The char n-grams
 * of " tok tok tok " that straddle a space s (with s as their first inner space) start at most charMax - 2 chars
 * before s, not before the previous space, and end at most charMax - 2 chars after it: the 2 × (charMax - 2)
 * chars around s decide them all. For ASCII text and charMax ≤ 5 those chars (0 for "before the previous space" and
 * "past the end") are the key of a window; a window's gram hashes are worked out once, and per model the integer
 * sum of their weights. A post then looks up one window per space instead of hashing and looking up up to six
 * n-grams. Integer sums do not depend on order, so scores are exact. Memory is bounded as the token cache's is.
 */
import { fmix32, fnvStep } from './hash';
import type { LinearModel } from './linear-model';
import { addWeights } from './token-weights';

const SEED_CHAR = 0x3c6ef372;

/** Distinct windows kept before the caches start again. */
export const WINDOW_LIMIT = 1 << 14;
/** Chars on each side of the space a window can hold (charMax - 2 ≤ 3). */
const SIDE = 3;
/** Most grams of one window: starts s-1, s-2, s-3 give 3 + 2 + 1. */
const GRAMS_PER_WINDOW = 6;
const SLOTS = 2 * WINDOW_LIMIT;

/** Window key → small integer id, with the window's gram hashes (model-independent); one per n-gram range. */
export class WindowIds {
  generation = 0;
  size = 0;
  readonly grams = new Int32Array(WINDOW_LIMIT * GRAMS_PER_WINDOW);
  readonly counts = new Uint8Array(WINDOW_LIMIT);
  private readonly left = new Int32Array(SLOTS);
  private readonly right = new Int32Array(SLOTS);
  /** id + 1 per slot, 0 when empty. */
  private readonly slots = new Int32Array(SLOTS);

  constructor(
    readonly charMin: number,
    readonly charMax: number,
  ) {}

  /** Called before a post's windows get ids, so no id of one post is dropped halfway through it. */
  makeRoom(count: number): void {
    if (this.size + count <= WINDOW_LIMIT) return;
    this.slots.fill(0);
    this.size = 0;
    this.generation++;
  }

  /** The id of the window around the space at `s` (previous space at `previous`), or -1 when it is not ASCII. */
  idOf(text: string, s: number, previous: number): number {
    const side = this.charMax - 2;
    let left = 0;
    let right = 0;
    for (let k = 1; k <= SIDE; k++) {
      const before = s - k;
      const l = k <= side && before >= previous ? text.charCodeAt(before) : 0;
      const after = s + k;
      const r = k <= side && after < text.length ? text.charCodeAt(after) : 0;
      if (l >= 128 || r >= 128) return -1;
      left = (left << 7) | l;
      right = (right << 7) | r;
    }
    let slot = (Math.imul(left ^ Math.imul(right, 0x9e3779b1), 0x85ebca6b) >>> 0) & (SLOTS - 1);
    for (;;) {
      const stored = this.slots[slot] as number;
      if (stored === 0) break;
      if (this.left[slot] === left && this.right[slot] === right) return stored - 1;
      slot = (slot + 1) & (SLOTS - 1);
    }
    const id = this.size++;
    this.left[slot] = left;
    this.right[slot] = right;
    this.slots[slot] = id + 1;
    this.counts[id] =
      straddlingGrams(text, s, previous, this.charMin, this.charMax, this.grams, id * GRAMS_PER_WINDOW) - id * GRAMS_PER_WINDOW;
    return id;
  }
}

/**
 * Hashes of the n-grams whose first inner space is `s` into `out` from `start`; returns the new end. Shared by the
 * window cache and the uncached path (non-ASCII windows), so both hash exactly the same grams.
 */
export function straddlingGrams(
  text: string,
  s: number,
  previous: number,
  charMin: number,
  charMax: number,
  out: Int32Array,
  start: number,
): number {
  let n = start;
  for (let p = Math.max(s - (charMax - 2), previous); p < s; p++) {
    const shortest = Math.max(charMin, s - p + 2);
    const end = Math.min(text.length, p + charMax);
    let hash = SEED_CHAR;
    for (let j = p; j < end; j++) {
      hash = fnvStep(hash, text.charCodeAt(j));
      if (j - p + 1 >= shortest) out[n++] = fmix32(hash);
    }
  }
  return n;
}

const windowIds = new Map<string, WindowIds>();

/** The window ids for an n-gram range, or undefined when windows cannot hold it (1-grams, or charMax > 5). */
export function windowIdsFor(charMin: number, charMax: number): WindowIds | undefined {
  if (charMin < 2 || charMax > SIDE + 2) return undefined;
  const key = `${charMin},${charMax}`;
  let ids = windowIds.get(key);
  if (!ids) {
    ids = new WindowIds(charMin, charMax);
    windowIds.set(key, ids);
  }
  return ids;
}

/** One model's cached sums per window id (stride integers each). */
export class WindowWeights {
  generation: number;
  private readonly known = new Uint8Array(WINDOW_LIMIT);
  readonly sums: Int32Array;

  constructor(
    private readonly model: LinearModel,
    private readonly windows: WindowIds,
  ) {
    this.generation = windows.generation;
    this.sums = new Int32Array(WINDOW_LIMIT * model.table.stride);
  }

  /** Make sure window `id`'s sums are computed (at id × stride). */
  ensure(id: number): void {
    if (this.generation !== this.windows.generation) {
      this.known.fill(0);
      this.generation = this.windows.generation;
    }
    if (this.known[id] === 1) return;
    const stride = this.model.table.stride;
    this.sums.fill(0, id * stride, id * stride + stride);
    const from = id * GRAMS_PER_WINDOW;
    addWeights(this.model, this.windows.grams, from, from + (this.windows.counts[id] as number), this.sums, id * stride);
    this.known[id] = 1;
  }
}

const byModel = new WeakMap<LinearModel, WindowWeights>();

/** The cached per-window sums of `model` over `windows` (created on first use). */
export function windowWeightsOf(model: LinearModel, windows: WindowIds): WindowWeights {
  let weights = byModel.get(model);
  if (!weights) {
    weights = new WindowWeights(model, windows);
    byModel.set(model, weights);
  }
  return weights;
}
