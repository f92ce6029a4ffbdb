import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, localDayStart, restoreFilters, toQueryFilter } from './filters';
import { pagesFor } from './virtual';

describe('virtual list pages', () => {
  it('loads only the pages those rows are on', () => {
    expect(pagesFor({ first: 0, last: 17 }, 100)).toEqual([0]);
    expect(pagesFor({ first: 95, last: 120 }, 100)).toEqual([0, 1]);
    expect(pagesFor({ first: 0, last: -1 }, 100)).toEqual([]);
  });
});

describe('dashboard filters', () => {
  it('become the background filter: empty values dropped, the end date inclusive in local time', () => {
    expect(toQueryFilter(EMPTY_FILTERS)).toEqual({});
    const filter = toQueryFilter({
      ...EMPTY_FILTERS,
      status: 'open',
      priority: 'P1',
      fromDate: '2026-03-01',
      toDate: '2026-03-01',
      search: '  lost bag ',
    });
    expect(filter).toEqual({
      status: 'open',
      priority: 'P1',
      from: new Date(2026, 2, 1).getTime(),
      to: new Date(2026, 2, 2).getTime(),
      search: 'lost bag',
    });
    expect(localDayStart('2026-13-45')).toBeUndefined();
    expect(localDayStart('2026-04-31')).toBeUndefined();
    expect(localDayStart('2026-12-31', 1)).toBe(new Date(2027, 0, 1).getTime());
    expect(localDayStart('yesterday')).toBeUndefined();
  });

  it('restore from storage value by value, dropping anything stale or edited', () => {
    expect(restoreFilters(null)).toEqual(EMPTY_FILTERS);
    expect(restoreFilters('{not json')).toEqual(EMPTY_FILTERS);
    expect(
      restoreFilters(JSON.stringify({ status: 'deleted', platform: 'yelp', fromDate: '1 May', search: 'x'.repeat(201), brandId: 'acme' })),
    ).toEqual({
      ...EMPTY_FILTERS,
      platform: 'yelp',
      brandId: 'acme',
    });
  });
});
