import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import type { Case } from '../domain/case';
import type { PostKey } from '../domain/post';
import { casesByPostKeysQuery } from '../queries/cases';
import { describeError } from './log-case';
import { sameItems } from '../util/arrays';

/**
 * Posts per cases/byPostKeys request. The watched posts are split in order of sighting, so
 * while a page streams in only the last, partial chunk is asked again; a full chunk stays
 * cached until a change to one of its posts is broadcast.
 */
export const CASE_CHUNK_SIZE = 100;

export interface CaseSync {
  /** Watch the cases of these posts, in order of sighting. */
  setPostKeys: (postKeys: readonly PostKey[]) => void;
  destroy: () => void;
}

function chunksOf(postKeys: readonly PostKey[]): PostKey[][] {
  const chunks: PostKey[][] = [];
  for (let start = 0; start < postKeys.length; start += CASE_CHUNK_SIZE) chunks.push(postKeys.slice(start, start + CASE_CHUNK_SIZE));
  return chunks;
}

/**
 * The cases of the posts a tab shows, for its inline controls and sidebar, read through the
 * react-query cache (lib/queries/cases.ts), so invalidating caseKeys.all refreshes them.
 * `onChange` runs only when a watched case or the error changed.
 */
export function createCaseSync(
  queryClient: QueryClient,
  onChange: (cases: ReadonlyMap<PostKey, Case>, error: string | null) => void,
): CaseSync {
  const observe = (keys: readonly PostKey[]) => new QueryObserver(queryClient, casesByPostKeysQuery(keys));
  // One observer per chunk; a chunk whose posts did not change keeps its observer and cache entry.
  const watchers: { keys: PostKey[]; observer: ReturnType<typeof observe>; unsubscribe: () => void }[] = [];
  // Observers also report fetch-state changes; controls re-render only when what they show changed.
  let shown: string | undefined;
  const report = () => {
    const merged = new Map<PostKey, Case>();
    let error: string | null = null;
    for (const { observer } of watchers) {
      const result = observer.getCurrentResult();
      for (const found of result.data ?? []) merged.set(found.postKey, found);
      if (result.error && error === null) error = describeError(result.error);
    }
    const signature = JSON.stringify([error, [...merged.values()].map((found) => [found.id, found.ref, found.status, found.updatedAt])]);
    if (signature === shown) return;
    shown = signature;
    onChange(merged, error);
  };
  return {
    setPostKeys(postKeys) {
      const chunks = chunksOf(postKeys);
      chunks.forEach((keys, index) => {
        const watcher = watchers[index];
        if (watcher && sameItems(watcher.keys, keys)) return;
        if (watcher) {
          watcher.keys = keys;
          watcher.observer.setOptions(casesByPostKeysQuery(keys));
          return;
        }
        const observer = observe(keys);
        watchers.push({ keys, observer, unsubscribe: observer.subscribe(report) });
      });
      for (const gone of watchers.splice(chunks.length)) gone.unsubscribe();
      report();
    },
    destroy: () => {
      for (const watcher of watchers.splice(0)) watcher.unsubscribe();
    },
  };
}
