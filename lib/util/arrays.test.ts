import { describe, expect, it } from 'vitest';
import { sameAsRange, sameItems } from './arrays';

describe('sameItems', () => {
  it('compares items by identity, in order', () => {
    const item = {};
    expect(sameItems([], [])).toBe(true);
    expect(sameItems(['a', 1, item], ['a', 1, item])).toBe(true);
    expect(sameItems(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameItems(['a'], ['a', 'b'])).toBe(false);
    expect(sameItems([{}], [{}])).toBe(false);
  });
});

describe('sameAsRange', () => {
  it('compares items with a range of a longer list, in place', () => {
    const source = ['a', 'b', 'c', 'd'];
    expect(sameAsRange(['b', 'c'], source, 1, 3)).toBe(true);
    expect(sameAsRange(['b', 'c'], source, 1, 4)).toBe(false);
    expect(sameAsRange(['c', 'b'], source, 1, 3)).toBe(false);
    expect(sameAsRange([], source, 2, 2)).toBe(true);
  });
});
