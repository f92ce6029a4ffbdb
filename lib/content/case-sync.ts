import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import type { Case } from '../domain/case';
import type { PostKey } from '../domain/post';
import { casesByPostKeysQuery } from '../queries/cases';
import { describeError } from './log-case';
import { casesByPostKey } from './view-model';

/** The protocol's limit on one cases/byPostKeys request. */
export const MAX_WATCHED_POST_KEYS = 1_000;

export interface CaseSync {
  /** Watch the cases of these posts (the most recent MAX_WATCHED_POST_KEYS). */
  setPostKeys: (postKeys: readonly PostKey[]) => void;
  current: () => ReadonlyMap<PostKey, Case>;
  destroy: () => void;
}

/**
 * Keeps the inline controls' case data in step with the same react-query cache the sidebar
 * reads (one request serves both), so invalidating caseKeys.all refreshes both.
 */
export function createCaseSync(
  queryClient: QueryClient,
  onChange: (cases: ReadonlyMap<PostKey, Case>, error: string | null) => void,
): CaseSync {
  const observer = new QueryObserver(queryClient, casesByPostKeysQuery([]));
  let cases: ReadonlyMap<PostKey, Case> = new Map();
  let watched = '';
  // The observer also reports fetch-state changes; controls re-render only when what they show changed
  // (every control is re-rendered on a change, and a fast timeline watches new keys every batch).
  let shown: string | undefined;
  const unsubscribe = observer.subscribe((result) => {
    if (result.data) cases = casesByPostKey(result.data);
    const error = result.error ? describeError(result.error) : null;
    const signature = JSON.stringify([error, [...cases.values()].map((found) => [found.id, found.ref, found.status, found.updatedAt])]);
    if (signature === shown) return;
    shown = signature;
    onChange(cases, error);
  });
  return {
    setPostKeys(postKeys) {
      const keys = postKeys.slice(-MAX_WATCHED_POST_KEYS);
      const signature = [...keys].sort().join(' ');
      if (signature === watched) return;
      watched = signature;
      observer.setOptions(casesByPostKeysQuery(keys));
    },
    current: () => cases,
    destroy: unsubscribe,
  };
}
