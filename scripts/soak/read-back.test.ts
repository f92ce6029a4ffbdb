import { describe, expect, it } from 'vitest';
import { checkStore, type ReadBack } from './read-back';

const shown = new Map([
  ['x:1', 'CS-AAAA-0001'],
  ['x:2', 'CS-AAAA-0002'],
]);
const clean = (): ReadBack => ({
  shown,
  stored: {
    total: 2,
    cases: [
      { postKey: 'x:1', ref: 'CS-AAAA-0001' },
      { postKey: 'x:2', ref: 'CS-AAAA-0002' },
    ],
  },
  popupTotal: 2,
  badge: '2',
});

describe('checkStore', () => {
  it('passes when the store holds exactly what the tabs showed', () => {
    expect(checkStore(clean())).toEqual({ failures: [], lost: 0, postsWithSeveralCases: 0, duplicateRefs: 0 });
  });

  it('names a lost case, a second case for one post and a ref the UI never showed', () => {
    const check = checkStore({
      ...clean(),
      stored: {
        total: 2,
        cases: [
          { postKey: 'x:1', ref: 'CS-AAAA-0009' },
          { postKey: 'x:1', ref: 'CS-AAAA-0001' },
        ],
      },
    });
    expect(check.lost).toBe(1);
    expect(check.postsWithSeveralCases).toBe(1);
    expect(check.failures.join('\n')).toMatch(/1 logged post\(s\) have no case: x:2/);
    expect(check.failures.join('\n')).toMatch(/another ref than the UI showed: x:1/);
  });

  it('catches a popup or badge that disagrees with the store, and a badge capped at 999+', () => {
    expect(checkStore({ ...clean(), popupTotal: 1, badge: '3' }).failures).toEqual([
      'the popup shows 1 open, the store holds 2 (all new)',
      'the badge says "3", expected "2" for 2 open cases',
    ]);
    const many = Array.from({ length: 1_000 }, (_, index) => ({ postKey: `x:${index}`, ref: `CS-AAAA-${index}` }));
    const manyShown = new Map(many.map((each) => [each.postKey, each.ref]));
    const check = checkStore({ shown: manyShown, stored: { total: 1_000, cases: many }, popupTotal: 1_000, badge: '999+' });
    expect(check.failures).toEqual([]);
  });
});
