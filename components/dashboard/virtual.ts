/**
 * Page math for the virtualized case list (@tanstack/react-virtual picks the rows in view):
 * which fixed-size pages of rows must be loaded to show them. Pure, so it is tested alone.
 */
export interface RowRange {
  /** First row to render (inclusive). */
  first: number;
  /** Last row to render (inclusive); -1 when there are no rows. */
  last: number;
}

/** What a page answer says about the list's length (lib/domain/case-views.ts CasePage). */
export interface PageTotal {
  total: number;
  totalIsLowerBound?: boolean | undefined;
}

/**
 * Rows the list shows. A search of common words counts only as far as it has looked (a lower
 * bound); each page loaded further down has looked further, so the list grows as it scrolls.
 */
export function listedTotal(first: PageTotal | undefined, loaded: readonly (PageTotal | undefined)[]): number {
  if (!first) return 0;
  if (!first.totalIsLowerBound) return first.total;
  return Math.max(first.total, ...loaded.map((page) => page?.total ?? 0));
}

/** Page numbers covering the rows in `range`, in order. */
export function pagesFor(range: RowRange, pageSize: number): number[] {
  if (range.last < range.first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(range.first / pageSize); page <= Math.floor(range.last / pageSize); page += 1) pages.push(page);
  return pages;
}
