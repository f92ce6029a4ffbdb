import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { BulkChange, CaseQueryFilterInput } from '../domain/case-views';
import { sendMessage } from '../messaging/client';
import { MAX_DELETE_BATCH, type ResponseOf } from '../messaging/protocol';
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
    mutationFn: ({ target, change }) => {
      // One message names at most MAX_DELETE_BATCH ids; "all matching" sends the filter instead.
      if ('caseIds' in target && target.caseIds.length > MAX_DELETE_BATCH) {
        const most = MAX_DELETE_BATCH.toLocaleString('en-US');
        return Promise.reject(
          new Error(
            `${target.caseIds.length.toLocaleString('en-US')} rows are ticked; tick at most ${most}, or use "Select all matching".`,
          ),
        );
      }
      return sendMessage('cases/bulkUpdate', { target, change });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
