import { describe, expect, it, vi } from 'vitest';
import { memoByString } from './memo';

describe('memoByString', () => {
  it('computes each key once, undefined results included', () => {
    const compute = vi.fn((key: string) => (key === 'none' ? undefined : key.length));
    const memo = memoByString(compute, 10);
    expect([memo('abc'), memo('abc'), memo('none'), memo('none')]).toEqual([3, 3, undefined, undefined]);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('starts over once full, so it never holds more than its limit', () => {
    const compute = vi.fn((key: string) => key.toUpperCase());
    const memo = memoByString(compute, 2);
    memo('a');
    memo('b');
    memo('c'); // full: forgets a and b
    memo('c');
    memo('a');
    expect(compute.mock.calls.map(([key]) => key)).toEqual(['a', 'b', 'c', 'a']);
  });
});
