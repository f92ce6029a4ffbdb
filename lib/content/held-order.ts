/**
 * The sidebar's rows while the user points at or works in the list: triage answers and new posts
 * re-sort the mentions at any time, and a row that moves under the pointer gets the wrong click.
 * While held, the rows already shown keep their order (with their current content); rows that are
 * gone leave; rows not shown yet wait and are counted, so the list can offer to show them.
 */

export interface Keyed {
  postKey: string;
}

export interface HeldRows<Row> {
  /** What to render, in order. */
  rows: Row[];
  /** Rows the current order would show on this page that wait until the order is applied. */
  heldBack: number;
  /** Of those, the rows not listed at all when the hold began (new mentions, not re-ranked ones). */
  newRows: number;
  /** Less urgent rows beyond the page ("Show more"); none of them is also held back. */
  hidden: number;
  /** The rows shown are not the current order's page (new rows wait, or rows were re-ranked). */
  stale: boolean;
}

/**
 * The rows to render from the current order (`ordered`, most urgent first) and the page size.
 * `shown` is the order on screen when the hold began (post keys), `listed` every row listed then;
 * they only count while `held`.
 */
export function holdOrder<Row extends Keyed>(
  shown: readonly string[],
  ordered: readonly Row[],
  held: boolean,
  limit: number,
  listed: ReadonlySet<string> = new Set(shown),
): HeldRows<Row> {
  const page = ordered.slice(0, limit);
  const current = { rows: page, heldBack: 0, newRows: 0, hidden: ordered.length - page.length, stale: false };
  if (!held) return current;
  const byKey = new Map(ordered.map((row) => [row.postKey, row]));
  const rows = shown.flatMap((key) => byKey.get(key) ?? []);
  // None of the rows shown is left (the page navigated): nothing to keep in place.
  if (rows.length === 0) return current;
  const kept = new Set(rows.map((row) => row.postKey));
  const waiting = page.filter((row) => !kept.has(row.postKey));
  const heldBack = waiting.length;
  const newRows = waiting.filter((row) => !listed.has(row.postKey)).length;
  const stale = heldBack > 0 || rows.length !== page.length || rows.some((row, index) => row.postKey !== page[index]?.postKey);
  return { rows, heldBack, newRows, hidden: ordered.length - rows.length - heldBack, stale };
}

/**
 * "Show more" while held: the next `count` less urgent rows (beyond the page of `limit`) not shown yet
 * go below the rows shown. Rows held back within the page stay with the notice that counts them.
 */
export function showMoreHeld(shown: readonly string[], ordered: readonly Keyed[], count: number, limit: number): string[] {
  const present = new Set(ordered.map((row) => row.postKey));
  const kept = shown.filter((key) => present.has(key));
  const keptSet = new Set(kept);
  const next = ordered
    .slice(limit)
    .filter((row) => !keptSet.has(row.postKey))
    .slice(0, count);
  return [...kept, ...next.map((row) => row.postKey)];
}
