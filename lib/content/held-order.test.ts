import { describe, expect, it } from 'vitest';
import { holdOrder, showMoreHeld } from './held-order';

interface Row {
  postKey: string;
  priority: string;
}
const row = (postKey: string, priority = 'P4'): Row => ({ postKey, priority });
const keys = (rows: readonly Row[]) => rows.map((item) => item.postKey);

describe('holdOrder', () => {
  it('shows the current order, a page of it, when not held', () => {
    const ordered = [row('a'), row('b'), row('c')];
    expect(holdOrder(['c', 'b', 'a'], ordered, false, 2)).toEqual({
      rows: ordered.slice(0, 2),
      heldBack: 0,
      newRows: 0,
      hidden: 1,
      stale: false,
    });
  });

  it('keeps the order shown while held, with each row’s current content', () => {
    // b was triaged P1: the current order puts it first.
    const ordered = [row('b', 'P1'), row('a', 'P2'), row('c')];
    const held = holdOrder(['a', 'b', 'c'], ordered, true, 20);
    expect(keys(held.rows)).toEqual(['a', 'b', 'c']);
    expect(held.rows[1]).toBe(ordered[0]);
    expect(held).toMatchObject({ heldBack: 0, hidden: 0, stale: true });
  });

  it('is not stale while the order shown is the current order', () => {
    const ordered = [row('a'), row('b')];
    expect(holdOrder(['a', 'b'], ordered, true, 20)).toMatchObject({ heldBack: 0, stale: false });
  });

  it('lets rows that are gone leave', () => {
    const held = holdOrder(['a', 'b', 'c'], [row('a'), row('c')], true, 20);
    expect(keys(held.rows)).toEqual(['a', 'c']);
    expect(held).toMatchObject({ heldBack: 0, hidden: 0, stale: false });
  });

  it('shows the current order when none of the rows shown is left (the page navigated)', () => {
    const ordered = [row('x', 'P1'), row('y')];
    expect(holdOrder(['a', 'b'], ordered, true, 20)).toEqual({ rows: ordered, heldBack: 0, newRows: 0, hidden: 0, stale: false });
  });

  it('holds new rows back and counts those the page would show; the rest stay hidden, counted once', () => {
    const ordered = [row('new1', 'P1'), row('a'), row('new2', 'P2'), row('b'), row('new3'), row('c')];
    const held = holdOrder(['a', 'b'], ordered, true, 4);
    expect(keys(held.rows)).toEqual(['a', 'b']);
    // The page of 4 would show new1, a, new2, b: two wait; new3 and c are beyond the page.
    expect(held).toMatchObject({ heldBack: 2, newRows: 2, hidden: 2, stale: true });
    expect(held.rows.length + held.heldBack + held.hidden).toBe(ordered.length);
  });

  it('counts a listed row that moves up into the page (a row above it left) as waiting, not as new', () => {
    // Held with a and b on a page of 2, c listed below; a is dismissed: c would fill the page.
    const held = holdOrder(['a', 'b'], [row('b'), row('c'), row('new', 'P1')], true, 2, new Set(['a', 'b', 'c']));
    expect(keys(held.rows)).toEqual(['b']);
    expect(held).toMatchObject({ heldBack: 1, newRows: 0, stale: true });
    const withNew = holdOrder(['a', 'b'], [row('new', 'P1'), row('b'), row('c')], true, 2, new Set(['a', 'b', 'c']));
    expect(withNew).toMatchObject({ heldBack: 1, newRows: 1 });
  });

  it('applies the current order once released', () => {
    const ordered = [row('new', 'P1'), row('b', 'P2'), row('a')];
    expect(keys(holdOrder(['a', 'b'], ordered, true, 20).rows)).toEqual(['a', 'b']);
    expect(holdOrder(['a', 'b'], ordered, false, 20)).toEqual({ rows: ordered, heldBack: 0, newRows: 0, hidden: 0, stale: false });
  });
});

describe('showMoreHeld', () => {
  it('adds the next less urgent rows below the rows shown, without the gone ones', () => {
    const ordered = [row('a'), row('c'), row('d'), row('e'), row('f')];
    expect(showMoreHeld(['a', 'gone', 'c'], ordered, 2, 2)).toEqual(['a', 'c', 'd', 'e']);
  });

  it('leaves a row held back within the page to the notice, not to "Show more"', () => {
    const ordered = [row('new', 'P1'), row('a'), row('c'), row('d'), row('e')];
    // The page of 3 is new, a, c: new waits behind the notice; d and e are the less urgent rows.
    expect(showMoreHeld(['a', 'c'], ordered, 5, 3)).toEqual(['a', 'c', 'd', 'e']);
  });
});
