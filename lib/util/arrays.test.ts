import { describe, expect, it } from 'vitest';
import { sameItems } from './arrays';

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
