/**
 * MinHash signatures: for each of NUM_HASHES seeded hash functions, the smallest hash over a
 * set's shingles. Two sets agree at a position with probability equal to their Jaccard
 * similarity, so the share of equal positions estimates it (standard error about 0.04 here).
 */
import { fmix32, fnv1a } from '../triage/hash';

export const NUM_HASHES = 128;

// Fixed, well-spread seeds: signatures must be identical across runs and service-worker restarts.
const SEEDS = Uint32Array.from({ length: NUM_HASHES }, (_, index) => fmix32(Math.imul(index + 1, 0x9e3779b1)));

export type Signature = Uint32Array;

export function minHashSignature(shingles: readonly string[]): Signature {
  const signature = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const shingle of shingles) {
    const base = fnv1a(shingle);
    for (let i = 0; i < NUM_HASHES; i++) {
      const value = fmix32(base ^ (SEEDS[i] as number));
      if (value < (signature[i] as number)) signature[i] = value;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the two sets the signatures came from. */
export function estimateJaccard(a: Signature, b: Signature): number {
  let equal = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) equal++;
  return equal / NUM_HASHES;
}
