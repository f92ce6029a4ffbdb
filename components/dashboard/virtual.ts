/**
 * Window math for the virtualized case list: which rows are on screen (plus a margin), and
 * which fixed-size pages of rows must be loaded to show them. Pure, so it is tested alone.
 */
export interface RowRange {
  /** First row to render (inclusive). */
  first: number;
  /** Last row to render (inclusive); -1 when there are no rows. */
  last: number;
}

export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 8): RowRange {
  if (total <= 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(total - 1, Math.max(0, Math.floor(top / rowHeight) - overscan));
  const last = Math.min(total - 1, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/** Page numbers covering the rows in `range`, in order. */
export function pagesFor(range: RowRange, pageSize: number): number[] {
  if (range.last < range.first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(range.first / pageSize); page <= Math.floor(range.last / pageSize); page += 1) pages.push(page);
  return pages;
}
