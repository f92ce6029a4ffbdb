import { describe, expect, it } from 'vitest';
import { clusterSignatures } from './cluster';
import { estimateJaccard, minHashSignature } from './minhash';

function jaccard(a: readonly string[], b: readonly string[]): number {
  const right = new Set(b);
  const shared = a.filter((item) => right.has(item)).length;
  return shared / (a.length + b.length - shared);
}

const words = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => `w${from + index}`);

describe('MinHash', () => {
  it('estimates Jaccard similarity within a few points', () => {
    for (const [a, b] of [
      [words(0, 100), words(0, 100)],
      [words(0, 100), words(50, 150)],
      [words(0, 100), words(80, 180)],
      [words(0, 100), words(100, 200)],
    ] as const) {
      expect(Math.abs(estimateJaccard(minHashSignature(a), minHashSignature(b)) - jaccard(a, b))).toBeLessThan(0.12);
    }
  });

  it('is deterministic and order-independent', () => {
    expect(minHashSignature(['b', 'a', 'c'])).toEqual(minHashSignature(['a', 'b', 'c']));
  });
});

describe('clusterSignatures', () => {
  it('joins similar sets and leaves others alone, in input order', () => {
    const sets = [words(0, 20), words(100, 120), words(2, 22), words(200, 220), words(4, 24)];
    expect(clusterSignatures(sets.map(minHashSignature))).toEqual([[0, 2, 4], [1], [3]]);
  });

  it('stays near-linear for many identical sets', () => {
    const same = Array.from({ length: 2_000 }, () => minHashSignature(words(0, 10)));
    expect(clusterSignatures(same)).toEqual([Array.from({ length: 2_000 }, (_, index) => index)]);
  });
});
