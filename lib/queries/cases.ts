import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { sendMessage, type SendRequest } from '../messaging/client';
import type { PostKey } from '../domain/post';

/** Key root for everything read from the case store; invalidate it on `cases/changed`. */
export const caseKeys = {
  all: ['cases'] as const,
  summary: () => [...caseKeys.all, 'summary'] as const,
  byPostKeys: (postKeys: readonly PostKey[]) => [...caseKeys.all, 'byPostKeys', [...postKeys].sort()] as const,
};

export const caseSummaryQuery = () =>
  queryOptions({
    queryKey: caseKeys.summary(),
    queryFn: () => sendMessage('cases/summary', {}),
  });

/**
 * How long a byPostKeys entry outlives its last observer. A tab watches its posts in chunks
 * (lib/content/case-sync.ts) and a chunk that changes keys leaves its old entry unobserved; once
 * a tab forgets its oldest posts every publish shifts every chunk, so with react-query's default
 * (5 min) a tab scrolling a long timeline kept thousands of dead entries: its heap grew with
 * every post (found by scripts/soak.ts).
 */
export const CASES_BY_POST_KEYS_GC_MS = 10_000;

/** `send`: a content script asks over its request port (lib/messaging/client.ts createPortClient). */
export const casesByPostKeysQuery = (postKeys: readonly PostKey[], send: SendRequest = sendMessage) =>
  queryOptions({
    queryKey: caseKeys.byPostKeys(postKeys),
    queryFn: async () => (await send('cases/byPostKeys', { postKeys: [...postKeys] })).cases,
    enabled: postKeys.length > 0,
    gcTime: CASES_BY_POST_KEYS_GC_MS,
  });

/**
 * Refetch what may show these posts' cases after they changed (`cases/changed`, or a case just
 * logged here). A tab watches thousands of posts in chunks: only the chunks holding a changed
 * post are asked again; everything else under caseKeys.all is. No post keys: everything.
 */
export function invalidateCasesOf(queryClient: QueryClient, postKeys: readonly PostKey[]): Promise<void> {
  if (postKeys.length === 0) return queryClient.invalidateQueries({ queryKey: caseKeys.all });
  const changed = new Set<unknown>(postKeys);
  return queryClient.invalidateQueries({
    queryKey: caseKeys.all,
    predicate: (query) => {
      const [, kind, watched] = query.queryKey;
      return kind !== 'byPostKeys' || !Array.isArray(watched) || watched.some((key) => changed.has(key));
    },
  });
}
