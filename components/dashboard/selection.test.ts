import { describe, expect, it } from 'vitest';
import { emptySelection, isTicked, selectedCount, selectionFor, toggleRow } from './selection';

const idAt = (index: number) => (index === 3 ? undefined : `id-${index}`);

describe('dashboard row selection', () => {
  it('ticks and unticks single rows', () => {
    const one = toggleRow(emptySelection('f'), 2, 'id-2', false, idAt);
    expect([...one.ids]).toEqual(['id-2']);
    expect(toggleRow(one, 2, 'id-2', false, idAt).ids.size).toBe(0);
  });

  it('shift-click ticks every loaded row between the anchor and the row, in either direction', () => {
    const anchored = toggleRow(emptySelection('f'), 5, 'id-5', false, idAt);
    const ranged = toggleRow(anchored, 1, 'id-1', true, idAt);
    // Row 3 is not loaded, so it is not ticked.
    expect([...ranged.ids].sort()).toEqual(['id-1', 'id-2', 'id-4', 'id-5']);
    // A shift-click on a ticked row unticks the range.
    expect([...toggleRow(ranged, 2, 'id-2', true, idAt).ids].sort()).toEqual(['id-1']);
  });

  it('"all matching" covers every row, and unticking one leaves only the ticked rows chosen after', () => {
    const all = { ...emptySelection('f'), all: true };
    expect(isTicked(all, 'anything')).toBe(true);
    expect(selectedCount(all, 420)).toBe(420);
    const after = toggleRow(all, 0, 'id-0', false, idAt);
    expect(after.all).toBe(false);
    expect(selectedCount(after, 420)).toBe(0);
  });

  it('is empty under another filter', () => {
    const ticked = toggleRow(emptySelection('f'), 0, 'id-0', false, idAt);
    expect(selectionFor(ticked, 'f').ids.size).toBe(1);
    expect(selectionFor(ticked, 'g').ids.size).toBe(0);
  });
});
