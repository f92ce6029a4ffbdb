import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import type { PageCase } from '../domain/page-case';
import type { PostKey } from '../domain/post';
import type { SendRequest } from '../messaging/client';
import { casesByPostKeysQuery } from '../queries/cases';
import { describeError } from './log-case';
import { createStore } from './store';
import { sameAsRange } from '../util/arrays';

/**
 * Posts per cases/byPostKeys request. The watched posts are split in order of sighting, so
 * while a page streams in only the last, partial chunk is asked again; a full chunk stays
 * cached until a change to one of its posts is broadcast.
 */
export const CASE_CHUNK_SIZE = 100;

/** The cases of the posts a tab watches, as the react-query cache holds them. */
export interface PageCases {
  cases: ReadonlyMap<PostKey, PageCase>;
  /** Why they could not be read just now, if so. */
  error: string | null;
}

export interface CaseSync {
  /** Watch the cases of these posts, in order of sighting. */
  setPostKeys: (postKeys: readonly PostKey[]) => void;
  /** The watched cases now: a new object only when a watched case or the error changed. */
  get: () => PageCases;
  subscribe: (listener: () => void) => () => void;
  destroy: () => void;
}

/**
 * The cases of the posts a tab shows, for its inline controls and sidebar.
 *
 * One source of truth for cases on the page: the react-query cache (lib/queries/cases.ts),
 * which broadcasts (`cases/changed`) and every case mutation invalidate, and which the case
 * panel reads too. This is a read-only view over the cached chunks for code outside React; the
 * page store holds no cases, only page facts and this tab's log requests (whose answer shows
 * only until the cache has the case).
 */
export function createCaseSync(queryClient: QueryClient, send?: SendRequest): CaseSync {
  const observe = (keys: readonly PostKey[]) => new QueryObserver(queryClient, casesByPostKeysQuery(keys, send));
  // One observer per chunk; a chunk whose posts did not change keeps its observer and cache entry.
  const watchers: { keys: PostKey[]; observer: ReturnType<typeof observe>; unsubscribe: () => void }[] = [];
  const view = createStore<PageCases>({ cases: new Map(), error: null });
  // Observers also report fetch-state changes; controls re-render only when what they show changed.
  let shown: string | undefined;
  const report = () => {
    const merged = new Map<PostKey, PageCase>();
    let error: string | null = null;
    for (const { observer } of watchers) {
      const result = observer.getCurrentResult();
      for (const found of result.data ?? []) merged.set(found.postKey, found);
      if (result.error && error === null) error = describeError(result.error);
    }
    const signature = JSON.stringify([error, [...merged.values()].map((found) => [found.id, found.ref, found.status, found.updatedAt])]);
    if (signature === shown) return;
    shown = signature;
    view.update(() => ({ cases: merged, error }));
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
    get: view.get,
    subscribe: view.subscribe,
    destroy: () => {
      for (const watcher of watchers.splice(0)) watcher.unsubscribe();
    },
  };
}
