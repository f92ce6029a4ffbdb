import { describe, expect, it } from 'vitest';
import { combineHashes, fmix32, fnv1a } from './hash';
import { DEFAULT_FEATURE_CONFIG, extractFeatures } from './features';
import { findComplaintCues } from './cues';
import { normalizeText, tokenize } from './text';

describe('hashing', () => {
  it('matches the published FNV-1a 32-bit test vectors (ASCII)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('is deterministic, unsigned and seed-dependent', () => {
    expect(fnv1a('late again')).toBe(fnv1a('late again'));
    expect(fnv1a('late again', 1)).not.toBe(fnv1a('late again', 2));
    expect(fmix32(0xffffffff)).toBeGreaterThanOrEqual(0);
    expect(fmix32(123)).toBe(fmix32(123));
  });

  it('combines bigram hashes order-sensitively', () => {
    const [a, b] = [fnv1a('not'), fnv1a('good')];
    expect(combineHashes(a, b)).not.toBe(combineHashes(b, a));
  });
});

describe('hashed features', () => {
  const featuresOf = (text: string, config = DEFAULT_FEATURE_CONFIG) => {
    const normalized = normalizeText(text);
    return extractFeatures(tokenize(normalized), findComplaintCues(normalized), config);
  };

  it('are identical for identical text and stay inside the bucket range', () => {
    const first = featuresOf('Still waiting 2 hours for my refund!');
    expect(featuresOf('Still waiting 2 hours for my refund!')).toEqual(first);
    expect(first.buckets.every((bucket) => bucket >= 0 && bucket < 2 ** DEFAULT_FEATURE_CONFIG.bits)).toBe(true);
  });

  it('distinguish negated words from plain ones', () => {
    const plain = new Set(featuresOf('good service').buckets);
    const negated = featuresOf('not good service').buckets;
    expect(negated.filter((bucket) => !plain.has(bucket)).length).toBeGreaterThan(0);
    const config = { ...DEFAULT_FEATURE_CONFIG, charWeight: 0, bigramWeight: 0, cueWeight: 0 };
    // With scoping, "good" after "not" hashes differently from "good" alone.
    expect(featuresOf('not good', config).buckets).not.toContain(featuresOf('good', config).buckets[0]);
  });

  it('scale per namespace so a long post does not get a larger feature norm', () => {
    const norm = (text: string) => Math.hypot(...featuresOf(text).values);
    const short = norm('late again');
    const long = norm('late again '.repeat(200));
    expect(long).toBeLessThan(short * 3);
  });
});
