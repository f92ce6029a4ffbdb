/**
 * Deterministic 32-bit hashing for the hashed feature space: FNV-1a over UTF-16 code units,
 * finished with murmur3's fmix32 so low bits (used as bucket index) are well mixed.
 */

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One FNV-1a step: fold a 16-bit code unit into the running hash. */
export function fnvStep(hash: number, codeUnit: number): number {
  return Math.imul(hash ^ codeUnit, FNV_PRIME);
}

/** FNV-1a of `text`, starting from `seed` (use different seeds for different feature namespaces). */
export function fnv1a(text: string, seed: number = FNV_OFFSET): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** murmur3 finaliser: avalanche all bits. */
export function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Order-sensitive combination of two hashes (word bigrams). */
export function combineHashes(first: number, second: number): number {
  return fmix32(Math.imul(first, 0x9e3779b1) ^ second);
}
