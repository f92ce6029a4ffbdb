/**
 * Which list rows are ticked for a bulk change. Either some cases by id, or every case the
 * filter matches (`all`, which also covers rows never loaded). A selection belongs to one filter:
 * under another filter it reads as empty, so changing the filter never acts on hidden rows.
 */
export interface Selection {
  filterKey: string;
  all: boolean;
  ids: ReadonlySet<string>;
  /** Row index of the last plain click: a shift-click ticks every row between it and the one clicked. */
  anchor: number | null;
}

export const emptySelection = (filterKey: string): Selection => ({ filterKey, all: false, ids: new Set(), anchor: null });

/** The selection as seen under `filterKey`. */
export function selectionFor(selection: Selection, filterKey: string): Selection {
  return selection.filterKey === filterKey ? selection : emptySelection(filterKey);
}

/**
 * Tick or untick row `index` (case `id`). With `range`, every loaded row from the anchor to it
 * takes the clicked row's new state. `idAt` gives the id of a loaded row (undefined if not loaded).
 */
export function toggleRow(
  selection: Selection,
  index: number,
  id: string,
  range: boolean,
  idAt: (index: number) => string | undefined,
): Selection {
  const ids = new Set(selection.ids);
  const tick = !ids.has(id) && !selection.all;
  if (selection.all) {
    // Leaving "all matching": start from nothing but this row's new state.
    ids.clear();
  }
  const from = range && selection.anchor !== null ? Math.min(selection.anchor, index) : index;
  const to = range && selection.anchor !== null ? Math.max(selection.anchor, index) : index;
  for (let row = from; row <= to; row += 1) {
    const rowId = row === index ? id : idAt(row);
    if (rowId === undefined) continue;
    if (tick) ids.add(rowId);
    else ids.delete(rowId);
  }
  return { filterKey: selection.filterKey, all: false, ids, anchor: range && selection.anchor !== null ? selection.anchor : index };
}

export function isTicked(selection: Selection, id: string): boolean {
  return selection.all || selection.ids.has(id);
}

/** How many cases the selection covers, given the filter's total. */
export function selectedCount(selection: Selection, total: number): number {
  return selection.all ? total : selection.ids.size;
}
