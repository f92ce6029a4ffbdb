import { describe, expect, it } from 'vitest';
import { listedTotal } from './virtual';
describe('listedTotal', () => {
  it('is the first page’s total when it counted every match', () => {
    expect(listedTotal({ total: 40 }, [{ total: 40 }, { total: 999 }])).toBe(40);
    expect(listedTotal(undefined, [])).toBe(0);
  });

  it('grows with the pages loaded further down when the first page only counted the newest', () => {
    expect(listedTotal({ total: 150, totalIsLowerBound: true }, [undefined, { total: 150 }, { total: 350, totalIsLowerBound: true }])).toBe(
      350,
    );
  });
});
