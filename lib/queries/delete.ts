import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { MAX_QUERY_LIMIT, type CaseQueryFilterInput } from '../domain/case-views';
import { sendMessage } from '../messaging/client';
import { MAX_DELETE_BATCH, type DeletedData } from '../messaging/protocol';
import { caseKeys } from './cases';

/** Delete these cases, MAX_DELETE_BATCH per message; resolves to how many were deleted. */
export async function deleteCaseIds(caseIds: readonly string[]): Promise<number> {
  let deleted = 0;
  for (let start = 0; start < caseIds.length; start += MAX_DELETE_BATCH) {
    const batch = caseIds.slice(start, start + MAX_DELETE_BATCH);
    deleted += (await sendMessage('cases/delete', { caseIds: batch })).deleted;
  }
  return deleted;
}

/** Ids of every case matching the filter, read page by page before anything is deleted (deleting shifts pages). */
export async function matchingCaseIds(filter: CaseQueryFilterInput): Promise<string[]> {
  const ids: string[] = [];
  let total = Infinity;
  while (ids.length < total) {
    const page = await sendMessage('cases/query', { filter, offset: ids.length, limit: MAX_QUERY_LIMIT });
    total = page.total;
    if (page.cases.length === 0) break; // The store shrank meanwhile.
    ids.push(...page.cases.map((item) => item.id));
  }
  return ids;
}

/** Delete some cases by id (one case, or a selection). */
export const deleteCasesMutation = (queryClient: QueryClient) =>
  mutationOptions<number, Error, readonly string[]>({
    mutationKey: [...caseKeys.all, 'delete'],
    mutationFn: deleteCaseIds,
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });

/**
 * Delete every case matching a dashboard filter, but only the number the person confirmed: if
 * cases were logged or changed meanwhile, nothing is deleted and the error says so.
 */
export async function deleteMatching({ filter, confirmed }: { filter: CaseQueryFilterInput; confirmed: number }): Promise<number> {
  const ids = await matchingCaseIds(filter);
  if (ids.length !== confirmed) {
    throw new Error(`${ids.length} cases match this filter now, not ${confirmed}. Nothing was deleted: check the count and try again.`);
  }
  return deleteCaseIds(ids);
}

/** Delete every case matching a dashboard filter (see deleteMatching). */
export const deleteMatchingMutation = (queryClient: QueryClient) =>
  mutationOptions<number, Error, { filter: CaseQueryFilterInput; confirmed: number }>({
    mutationKey: [...caseKeys.all, 'deleteMatching'],
    mutationFn: deleteMatching,
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });

/** Delete all CareSide data (settings too when asked); every cached read is re-read afterwards. */
export const deleteAllDataMutation = (queryClient: QueryClient) =>
  mutationOptions<DeletedData, Error, { settings: boolean }>({
    mutationKey: ['data', 'deleteAll'],
    mutationFn: (request) => sendMessage('data/deleteAll', request),
    onSettled: () => queryClient.invalidateQueries(),
  });
