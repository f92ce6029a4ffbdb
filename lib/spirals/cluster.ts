/**
 * Groups similar items by their MinHash signatures. Locality-sensitive hashing over bands of
 * ROWS_PER_BAND positions proposes candidate pairs (a pair at the default threshold 0.2 is
 * proposed with probability 93%, at 0.3 with 99.8%; single linkage makes up most misses), each
 * candidate is confirmed with the signature estimate, and confirmed pairs are joined (single
 * linkage, union-find). Items are taken in the given order, so the result is deterministic.
 */
import { estimateJaccard, NUM_HASHES, type Signature } from './minhash';

export const ROWS_PER_BAND = 2;
const BANDS = NUM_HASHES / ROWS_PER_BAND;
/** Estimated Jaccard similarity at which two complaints count as "the same problem". */
export const DEFAULT_SIMILARITY = 0.2;
/** Candidate checks per item: a flood of near-identical posts must not cost n² comparisons. */
const MAX_CHECKS_PER_ITEM = 200;
/** Items kept per LSH bucket: later ones still compare against these, and join their group. */
const MAX_BUCKET = 32;

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, index) => index);
  }
  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    // Path compression keeps later finds near constant.
    for (let at = index; this.parent[at] !== root;) {
      const next = this.parent[at] as number;
      this.parent[at] = root;
      at = next;
    }
    return root;
  }
  /** Join two groups; the smaller index stays the root, so groups are named by their first item. */
  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    if (rootA < rootB) this.parent[rootB] = rootA;
    else this.parent[rootA] = rootB;
  }
}

function bandKey(signature: Signature, band: number): string {
  const start = band * ROWS_PER_BAND;
  let key = `${band}`;
  for (let i = start; i < start + ROWS_PER_BAND; i++) key += `:${signature[i] as number}`;
  return key;
}

/** Indices of `signatures` grouped by similarity; groups and their members in input order. */
export function clusterSignatures(signatures: readonly Signature[], similarity = DEFAULT_SIMILARITY): number[][] {
  const groups = new UnionFind(signatures.length);
  const buckets = new Map<string, number[]>();
  signatures.forEach((signature, index) => {
    const checked = new Set<number>();
    for (let band = 0; band < BANDS; band++) {
      const key = bandKey(signature, band);
      const bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, [index]);
        continue;
      }
      for (const other of bucket) {
        if (checked.size >= MAX_CHECKS_PER_ITEM) break;
        if (checked.has(other)) continue;
        checked.add(other);
        // Already joined through someone else: no need to compare.
        if (groups.find(other) === groups.find(index)) continue;
        if (estimateJaccard(signature, signatures[other] as Signature) >= similarity) groups.union(other, index);
      }
      if (bucket.length < MAX_BUCKET) bucket.push(index);
    }
  });
  const byRoot = new Map<number, number[]>();
  for (let index = 0; index < signatures.length; index++) {
    const root = groups.find(index);
    const members = byRoot.get(root);
    if (members) members.push(index);
    else byRoot.set(root, [index]);
  }
  return [...byRoot.values()];
}
