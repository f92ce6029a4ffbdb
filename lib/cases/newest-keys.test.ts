import { describe, expect, it } from 'vitest';
import { openDB, unwrap } from 'idb';
import { batchedKeys, newestKeysReader } from './newest-keys';

/** A store of [n, id] keys with a multiEntry "words" index, like case_words. */
async function wordStore(count: number) {
  const db = await openDB(`newest-keys-${Math.random()}`, 1, {
    upgrade(made) {
      made.createObjectStore('words', { keyPath: ['n', 'id'] }).createIndex('words', 'words', { multiEntry: true });
    },
  });
  const tx = db.transaction('words', 'readwrite');
  for (let n = 0; n < count; n += 1) void tx.store.put({ n, id: `c${n}`, words: n % 3 === 0 ? ['refund', 'late'] : ['late'] });
  await tx.done;
  return db;
}

describe('newestKeysReader', () => {
  it('reads one index key’s primary keys newest first, as many as asked, in one request', async () => {
    const db = await wordStore(30);
    const read = newestKeysReader<[number, string]>(unwrap(db.transaction('words').store.index('words')), 'refund');
    expect(read).not.toBeNull();
    expect(await read?.(3)).toEqual([
      [27, 'c27'],
      [24, 'c24'],
      [21, 'c21'],
    ]);
  });

  it('yields what `pick` takes from each record, its value included', async () => {
    const db = await wordStore(7);
    const read = newestKeysReader(unwrap(db.transaction('words').store.index('words')), 'refund', ({ primaryKey, value }) => ({
      primaryKey,
      words: (value as { words: string[] }).words,
    }));
    expect(await read?.(2)).toEqual([
      { primaryKey: [6, 'c6'], words: ['refund', 'late'] },
      { primaryKey: [3, 'c3'], words: ['refund', 'late'] },
    ]);
  });

  it('is null where the browser has no getAllRecords (the caller steps a cursor)', () => {
    expect(newestKeysReader({} as IDBIndex, 'refund')).toBeNull();
  });
});

describe('batchedKeys', () => {
  it('yields every key in order, reading batches that double and under twice the keys used', async () => {
    const keys = Array.from({ length: 37 }, (_, i) => 100 - i);
    const asked: number[] = [];
    const next = batchedKeys<number>((count) => {
      asked.push(count);
      return Promise.resolve(keys.slice(0, count));
    }, 4);
    const yielded: number[] = [];
    for (let key = await next(); key !== undefined; key = await next()) yielded.push(key);
    expect(yielded).toEqual(keys);
    expect(asked).toEqual([4, 12, 28, 60]);
    expect(await next()).toBeUndefined();
    expect(asked).toHaveLength(4);
  });

  it('reads no more than the first batch when only a few keys are used', async () => {
    const asked: number[] = [];
    const next = batchedKeys<number>((count) => {
      asked.push(count);
      return Promise.resolve(Array.from({ length: count }, (_, i) => i));
    }, 8);
    for (let i = 0; i < 8; i += 1) expect(await next()).toBe(i);
    expect(asked).toEqual([8]);
  });
});
