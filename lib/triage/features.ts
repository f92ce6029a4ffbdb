/**
 * Hashed sparse features shared by training and inference: word unigrams, word bigrams,
 * character n-grams of the token stream, and explicit cue ids. Each namespace has its own hash seed.
 *
 * Length: with `lengthNorm: 'mean'` each namespace is scaled by weight / count, so the score is an average
 * over the post and repeating a sentence leaves it unchanged. (The older 'sqrt' scaling, weight / sqrt(count),
 * does NOT prevent drift: n copies of a sentence score sqrt(n) times its margin. The category model still uses
 * it.) Long posts are scored in tweet-sized pieces by complaint.ts, so one complaint sentence padded with
 * neutral ones is not averaged away.
 */
import { BOUNDARY_TOKEN } from './text';
import { combineHashes, fmix32, fnv1a, fnvStep } from './hash';

/** A cue as a feature: only its id is hashed (complaint cues, category cues). */
export interface FeatureCue {
  readonly id: string;
}

export interface FeatureConfig {
  /** log2 of the number of hash buckets. */
  bits: number;
  charMin: number;
  charMax: number;
  wordWeight: number;
  bigramWeight: number;
  charWeight: number;
  cueWeight: number;
  /** Mark words after a negation ("not", "never", "dont"...) until the next clause boundary. */
  negationScope: boolean;
  /** How each namespace is scaled by its feature count: 'mean' (1/n) or 'sqrt' (1/√n, the default for older models). */
  lengthNorm?: 'mean' | 'sqrt';
  /**
   * Complaint model only: "is a product or service in view" cues added to the text's cues (service-terms.ts).
   * Absent or 'none' for models trained without them.
   */
  contextCues?: 'none' | 'flag' | 'conjunctions';
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  bits: 18,
  charMin: 2,
  charMax: 5,
  wordWeight: 1,
  bigramWeight: 1,
  charWeight: 1,
  cueWeight: 1,
  negationScope: true,
};

const SEED_WORD = 0x2f0b3a49;
const SEED_NEGATED = 0x61c88647;
const SEED_BIGRAM = 0x1b873593;
const SEED_CHAR = 0x3c6ef372;
const SEED_CUE = 0x7f4a7c15;
const START = '<s>';
const END = '</s>';

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'cannot',
  'cant',
  'dont',
  'didnt',
  'wont',
  'isnt',
  'wasnt',
  'arent',
  'werent',
  'doesnt',
  'havent',
  'hasnt',
  'hadnt',
  'couldnt',
  'wouldnt',
  'shouldnt',
  'aint',
]);

/** A word after which words are negation-scoped (until a clause boundary or `!`/`?`). */
export function isNegator(token: string): boolean {
  return NEGATORS.has(token);
}

/** `!` and `?` end a negation scope, as a clause boundary does. */
export function isScopeReset(token: string): boolean {
  return token === '!' || token === '?' || token === '!!' || token === '??';
}

/**
 * Reusable feature storage: buckets may repeat (values add up). Inference reuses one buffer, so
 * scoring a post allocates almost nothing and calls no per-feature callback.
 */
export class FeatureBuffer {
  buckets = new Int32Array(1024);
  values = new Float32Array(1024);
  count = 0;

  /** Make room for `capacity` features (contents are not kept). */
  reserve(capacity: number): void {
    if (capacity <= this.buckets.length) return;
    let size = this.buckets.length;
    while (size < capacity) size *= 2;
    this.buckets = new Int32Array(size);
    this.values = new Float32Array(size);
  }
}

const START_HASH = fnv1a(START, SEED_BIGRAM);
const END_HASH = fnv1a(END, SEED_BIGRAM);
const BOUNDARY_HASH = fnv1a(BOUNDARY_TOKEN, SEED_BIGRAM);

/** Fill `out` (cleared first) with every feature of a tokenised post. */
export function collectFeatures(
  tokens: readonly string[],
  cues: readonly FeatureCue[],
  config: FeatureConfig,
  out: FeatureBuffer,
): FeatureBuffer {
  const mask = (1 << config.bits) - 1;
  const norm = config.lengthNorm === 'mean' ? (n: number) => n : Math.sqrt;
  const words = tokens.length;
  const text = config.charWeight > 0 ? ` ${tokens.join(' ')} ` : '';
  const { charMin, charMax } = config;
  const gramSlots = (charMax - charMin + 1) * Math.max(0, text.length - charMin + 1);
  out.reserve(2 * words + 1 + gramSlots + cues.length);
  // Local typed-array writes: this loop runs ~500 times per tweet.
  const buckets = out.buckets;
  const values = out.values;
  let n = 0;

  // Word unigrams (negation-scoped words get their own namespace) and bigrams.
  const wordHashes: number[] = new Array<number>(words);
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
    wordHashes[i] = fnv1a(token, negated && config.negationScope ? SEED_NEGATED : SEED_WORD);
    if (isNegator(token)) negated = true;
  }
  if (unigrams > 0 && config.wordWeight > 0) {
    const value = config.wordWeight / norm(unigrams);
    for (let i = 0; i < words; i++) {
      if (tokens[i] === BOUNDARY_TOKEN) continue;
      buckets[n] = fmix32(wordHashes[i] as number) & mask;
      values[n++] = value;
    }
  }
  if (config.bigramWeight > 0) {
    const value = config.bigramWeight / norm(words + 1);
    let previous = START_HASH;
    for (let i = 0; i <= words; i++) {
      const current = i < words ? (wordHashes[i] as number) : END_HASH;
      buckets[n] = combineHashes(previous, current) & mask;
      values[n++] = value;
      previous = current;
    }
  }

  // Character n-grams over " tok tok tok " (placeholders included, so "<brand>" stays one unit).
  if (config.charWeight > 0) {
    const value = config.charWeight / norm(Math.max(1, gramSlots));
    for (let i = 0; i + charMin <= text.length; i++) {
      let hash = SEED_CHAR;
      const end = Math.min(text.length, i + charMax);
      for (let j = i; j < end; j++) {
        hash = fnvStep(hash, text.charCodeAt(j));
        if (j - i + 1 >= charMin) {
          buckets[n] = fmix32(hash) & mask;
          values[n++] = value;
        }
      }
    }
  }

  if (config.cueWeight > 0) {
    for (const cue of cues) {
      buckets[n] = fmix32(fnv1a(cue.id, SEED_CUE)) & mask;
      values[n++] = config.cueWeight;
    }
  }
  out.count = n;
  return out;
}

/** Sparse feature vector: parallel bucket/value arrays (training and multi-class scoring). */
export interface SparseFeatures {
  buckets: number[];
  values: number[];
}

/** Features as plain arrays (training, tests). */
export function extractFeatures(tokens: readonly string[], cues: readonly FeatureCue[], config: FeatureConfig): SparseFeatures {
  const buffer = collectFeatures(tokens, cues, config, new FeatureBuffer());
  return {
    buckets: Array.from(buffer.buckets.subarray(0, buffer.count)),
    values: Array.from(buffer.values.subarray(0, buffer.count)),
  };
}
