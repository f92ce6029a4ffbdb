/** A record `getAllRecords` answers with (TypeScript's DOM types do not have it yet). */
export interface IndexRecord {
  primaryKey: IDBValidKey;
  value: unknown;
}
interface GetAllOptions {
  query: IDBKeyRange;
  count: number;
  direction: IDBCursorDirection;
}
/** Chromium 141 brought `getAllRecords` and the same options for `getAllKeys` together. */
interface RecordsIndex {
  getAllRecords?: (options: GetAllOptions) => IDBRequest<IndexRecord[]>;
  getAllKeys: (options: GetAllOptions) => IDBRequest<IDBValidKey[]>;
}

/** Reads the primary keys of one index key, newest (highest) first, `count` of them in one request. */
export type NewestKeysReader<Key> = (count: number) => Promise<Key[]>;

/**
 * A reader of `indexKey`'s entries newest first in ONE request (direction `prev`: Chromium 141
 * on), or null where the browser lacks it (then a cursor steps, one round trip per entry). Without
 * `pick` it reads the primary keys alone (`getAllKeys`); with it, the records (`getAllRecords`,
 * values included, so a caller that needs them reads nothing more) and yields what `pick` takes.
 */
export function newestKeysReader<Key>(
  index: IDBIndex,
  indexKey: IDBValidKey,
  pick?: (record: IndexRecord) => Key,
): NewestKeysReader<Key> | null {
  const raw = index as unknown as RecordsIndex;
  const getAllRecords = raw.getAllRecords;
  if (typeof getAllRecords !== 'function') return null;
  return (count) =>
    new Promise<Key[]>((resolve, reject) => {
      const options: GetAllOptions = { query: IDBKeyRange.only(indexKey), count, direction: 'prev' };
      if (pick) {
        const request = getAllRecords.call(raw, options);
        request.onsuccess = () => resolve(request.result.map(pick));
        request.onerror = () => reject(request.error ?? new Error('getAllRecords failed'));
      } else {
        const request = raw.getAllKeys(options);
        request.onsuccess = () => resolve(request.result as Key[]);
        request.onerror = () => reject(request.error ?? new Error('getAllKeys failed'));
      }
    });
}

/**
 * The keys a reader yields, one per call (undefined once none is left), fetched in batches that
 * double: each batch is one request for every key up to its end (an index range cannot start
 * after a primary key), so the keys read stay under twice the keys used.
 */
export function batchedKeys<Key>(read: NewestKeysReader<Key>, firstBatch: number): () => Promise<Key | undefined> {
  let buffer: Key[] = [];
  let position = 0;
  let taken = 0;
  let batch = firstBatch;
  let more = true;
  return async () => {
    while (position >= buffer.length && more) {
      const keys = await read(taken + batch);
      more = keys.length === taken + batch;
      buffer = keys.slice(taken);
      position = 0;
      taken = keys.length;
      batch *= 2;
    }
    const key = buffer[position];
    position += 1;
    return key;
  };
}
