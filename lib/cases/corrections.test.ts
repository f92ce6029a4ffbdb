import { describe, expect, it } from 'vitest';
import type { Correction } from '../domain/learning';
import { openCaseDb } from '../db/open';
import { CorrectionStore } from './corrections';

const T0 = 1_700_000_000_000;

function correction(id: number, overrides: Partial<Correction> = {}): Correction {
  return { postKey: `x:${id}`, label: 'not_complaint', source: 'click', at: T0 + id, margin: 1.5, buckets: [1, 2, id], ...overrides };
}

async function freshStore(limit?: number) {
  const db = await openCaseDb('corrections-test', indexedDB);
  return { db, store: new CorrectionStore(db, limit) };
}

describe('CorrectionStore', () => {
  it('keeps one label per post: the same label again changes nothing, a new one replaces it', async () => {
    const { store } = await freshStore();
    expect(await store.put(correction(1))).toBe(true);
    expect(await store.put(correction(1, { at: T0 + 50 }))).toBe(false);
    expect(await store.put(correction(1, { label: 'complaint', at: T0 + 60 }))).toBe(true);
    expect(await store.all()).toEqual([correction(1, { label: 'complaint', at: T0 + 60 })]);
  });

  it('lists oldest first and drops the oldest past its limit', async () => {
    const { store } = await freshStore(3);
    for (const id of [5, 2, 4, 1, 3]) await store.put(correction(id));
    expect((await store.all()).map((item) => item.postKey)).toEqual(['x:3', 'x:4', 'x:5']);
  });

  it('refuses an invalid record and stores nothing', async () => {
    const { store } = await freshStore();
    await expect(store.put({ ...correction(1), buckets: [-1] })).rejects.toThrow(/invalid correction: buckets\.0/);
    await expect(store.replaceAll([correction(2), { ...correction(3), margin: 99 }])).rejects.toThrow(/margin/);
    expect(await store.all()).toEqual([]);
  });

  it('replaceAll swaps every correction in one go; clear empties and counts', async () => {
    const { store } = await freshStore();
    await store.put(correction(1));
    expect(await store.replaceAll([correction(7), correction(8, { label: 'complaint' })])).toBe(2);
    expect((await store.all()).map((item) => item.postKey)).toEqual(['x:7', 'x:8']);
    expect(await store.clear()).toBe(2);
    expect(await store.all()).toEqual([]);
  });
});
