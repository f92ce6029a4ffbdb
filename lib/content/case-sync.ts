import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import type { Case } from '../domain/case';
import type { PostKey } from '../domain/post';
import type { SendRequest } from '../messaging/client';
import { casesByPostKeysQuery } from '../queries/cases';
import { describeError } from './log-case';
import { sameAsRange } from '../util/arrays';

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

/**
 * The cases of the posts a tab shows, for its inline controls and sidebar, read through the
 * react-query cache (lib/queries/cases.ts), so invalidating caseKeys.all refreshes them.
 * `onChange` runs only when a watched case or the error changed.
 */
export function createCaseSync(
  queryClient: QueryClient,
  onChange: (cases: ReadonlyMap<PostKey, Case>, error: string | null) => void,
  send?: SendRequest,
): CaseSync {
  const observe = (keys: readonly PostKey[]) => new QueryObserver(queryClient, casesByPostKeysQuery(keys, send));
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
      const chunkCount = Math.ceil(postKeys.length / CASE_CHUNK_SIZE);
      for (let index = 0; index < chunkCount; index++) {
        const start = index * CASE_CHUNK_SIZE;
        const end = Math.min(start + CASE_CHUNK_SIZE, postKeys.length);
        const watcher = watchers[index];
        if (watcher && sameAsRange(watcher.keys, postKeys, start, end)) continue;
        const keys = postKeys.slice(start, end);
        if (watcher) {
          watcher.keys = keys;
          watcher.observer.setOptions(casesByPostKeysQuery(keys, send));
          continue;
        }
        const observer = observe(keys);
        watchers.push({ keys, observer, unsubscribe: observer.subscribe(report) });
      }
      for (const gone of watchers.splice(chunkCount)) gone.unsubscribe();
      report();
    },
    destroy: () => {
      for (const watcher of watchers.splice(0)) watcher.unsubscribe();
    },
  };
}
