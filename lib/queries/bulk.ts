import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { BulkChange, CaseQueryFilterInput } from '../domain/case-views';
import { sendMessage } from '../messaging/client';
import { MAX_DELETE_BATCH, type ResponseOf } from '../messaging/protocol';
import { caseKeys } from './cases';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/t';

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
        const counts = { count: formatNumber(target.caseIds.length), max: formatNumber(MAX_DELETE_BATCH) };
        return Promise.reject(new Error(t('bulkSkip.tooManyTicked', counts)));
      }
      return sendMessage('cases/bulkUpdate', { target, change });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
