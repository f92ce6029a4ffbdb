import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { sendMessage } from '../messaging/client';
import type { CaseQueryFilterInput } from '../domain/case-views';
import { caseKeys } from './cases';

/**
 * Workflow reads (popup attention, dashboard pages and stats, one case). Keys sit under
 * caseKeys.all, so the `cases/changed` invalidation refreshes them with everything else.
 */
export const workflowKeys = {
  attention: () => [...caseKeys.all, 'attention'] as const,
  pages: (filter: CaseQueryFilterInput) => [...caseKeys.all, 'page', filter] as const,
  page: (filter: CaseQueryFilterInput, page: number, pageSize: number) => [...workflowKeys.pages(filter), page, pageSize] as const,
  stats: (filter: CaseQueryFilterInput, timeZone: string) => [...caseKeys.all, 'stats', filter, timeZone] as const,
  byRef: (ref: string) => [...caseKeys.all, 'byRef', ref] as const,
};

/** Breaches happen as time passes, with no write to announce them: re-read this often. */
export const ATTENTION_REFRESH_MS = 30_000;

export const attentionQuery = () =>
  queryOptions({
    queryKey: workflowKeys.attention(),
    queryFn: () => sendMessage('cases/attention', {}),
    refetchInterval: ATTENTION_REFRESH_MS,
  });

/** Rows per dashboard page request. */
export const DASHBOARD_PAGE_SIZE = 100;

export const casePageQuery = (filter: CaseQueryFilterInput, page: number, pageSize: number = DASHBOARD_PAGE_SIZE) =>
  queryOptions({
    queryKey: workflowKeys.page(filter, page, pageSize),
    queryFn: () => sendMessage('cases/query', { filter, offset: page * pageSize, limit: pageSize }),
    // While the next filter's first page loads, keep showing the last one instead of a blank list.
    placeholderData: keepPreviousData,
  });

export const caseStatsQuery = (filter: CaseQueryFilterInput, timeZone: string) =>
  queryOptions({
    queryKey: workflowKeys.stats(filter, timeZone),
    queryFn: () => sendMessage('cases/stats', { filter, timeZone }),
    placeholderData: keepPreviousData,
  });

export const caseByRefQuery = (ref: string) =>
  queryOptions({
    queryKey: workflowKeys.byRef(ref),
    queryFn: async () => (await sendMessage('cases/get', { ref })).case,
    enabled: ref !== '',
  });
