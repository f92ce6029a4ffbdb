import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { makePost } from '../cases/testing';
import { openCaseDb } from '../db/open';
import type { CaseDb } from '../db/schema';
import { createCaseStore } from './case-store';

function countingOpener() {
  const connections: CaseDb[] = [];
  const open = vi.fn(async (onClose: () => void) => {
    const db = await openCaseDb('store-test', indexedDB, { onClose });
    connections.push(db);
    return db;
  });
  return { open, connections };
}

describe('createCaseStore', () => {
  it('opens lazily, once, and reuses the connection across calls', async () => {
    const { open } = countingOpener();
    const store = createCaseStore(open);
    expect(open).not.toHaveBeenCalled();
    await Promise.all([store.use((r) => r.openCount()), store.use((r) => r.summary()), store.use((r) => r.byPostKeys(['x:1']))]);
    await store.use((r) => r.openCount());
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('re-opens after the browser closes the connection, keeping the data', async () => {
    const { open, connections } = countingOpener();
    const store = createCaseStore(open);
    await store.use((r) => r.logPost(makePost('1'), [], 1));

    // fake-indexeddb's typings ask for the class, its code takes the connection.
    forceCloseDatabase(unwrap(connections[0]!) as unknown as Parameters<typeof forceCloseDatabase>[0]);
    expect(await store.use((r) => r.openCount())).toBe(1);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('re-opens once when a call finds the connection already closed', async () => {
    const { open, connections } = countingOpener();
    const store = createCaseStore(open);
    await store.use((r) => r.openCount());
    // Closed without a close event (as when the worker is torn down mid-flow).
    connections[0]!.close();
    expect(await store.use((r) => r.logPost(makePost('2'), [], 1))).toMatchObject({ created: true });
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('tries again after a failed open instead of caching the failure', async () => {
    const { open: realOpen } = countingOpener();
    const open = vi.fn(realOpen).mockRejectedValueOnce(new Error('disk unavailable'));
    const store = createCaseStore(open);
    await expect(store.use((r) => r.openCount())).rejects.toThrow('disk unavailable');
    expect(await store.use((r) => r.openCount())).toBe(0);
  });

  it('does not retry errors that are not about the connection', async () => {
    const { open } = countingOpener();
    const store = createCaseStore(open);
    const work = vi.fn(() => Promise.reject(new Error('bad input')));
    await expect(store.use(work)).rejects.toThrow('bad input');
    expect(work).toHaveBeenCalledTimes(1);
  });
});
