import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { BulkChange, CaseQueryFilterInput } from '../domain/case-views';
import { sendMessage } from '../messaging/client';
import type { ResponseOf } from '../messaging/protocol';
import { caseKeys } from './cases';

export type BulkTargetInput = { caseIds: string[] } | { filter: CaseQueryFilterInput };
export interface BulkVariables {
  target: BulkTargetInput;
  change: BulkChange;
}

/** One change to the selected cases (or all matching ones), in one message; every cached read is re-read after. */
export const bulkUpdateMutation = (queryClient: QueryClient) =>
  mutationOptions<ResponseOf<'cases/bulkUpdate'>, Error, BulkVariables>({
    mutationKey: [...caseKeys.all, 'bulkUpdate'],
    mutationFn: ({ target, change }) => sendMessage('cases/bulkUpdate', { target, change }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
