import { queryOptions } from '@tanstack/react-query';
import { sendMessage } from '../messaging/client';
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

export const casesByPostKeysQuery = (postKeys: readonly PostKey[]) =>
  queryOptions({
    queryKey: caseKeys.byPostKeys(postKeys),
    queryFn: async () => (await sendMessage('cases/byPostKeys', { postKeys: [...postKeys] })).cases,
    enabled: postKeys.length > 0,
  });
