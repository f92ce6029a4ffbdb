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

/** Page numbers covering the rows in `range`, in order. */
export function pagesFor(range: RowRange, pageSize: number): number[] {
  if (range.last < range.first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(range.first / pageSize); page <= Math.floor(range.last / pageSize); page += 1) pages.push(page);
  return pages;
}
