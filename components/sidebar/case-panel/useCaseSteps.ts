import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../../lib/content/log-case';
import { recordEventMutation, transitionMutation, type RecordEventInput } from '../../../lib/content/reply/case-mutations';
import type { PageCase } from '../../../lib/domain/page-case';
import { t } from '../../../lib/i18n/t';

/**
 * The steps the case panel writes to a case (timeline entries, "responded"); a refused step is
 * reported through `onError` as a sentence, never thrown.
 */
export function useCaseSteps(found: Pick<PageCase, 'id' | 'ref'>, onError: (message: string) => void) {
  const queryClient = useQueryClient();
  const recordEvent = useMutation(recordEventMutation(queryClient));
  const transition = useMutation(transitionMutation(queryClient));

  /** Add `event` to the timeline (and maybe move the status); whether the store took it. */
  const record = async (event: RecordEventInput['event'], transitionTo?: RecordEventInput['transitionTo']) => {
    try {
      await recordEvent.mutateAsync({ caseId: found.id, event: clipEvent(event), ...(transitionTo ? { transitionTo } : {}) });
      return true;
    } catch (failure) {
      onError(t('casePanel.updateFailed', { ref: found.ref, error: describeError(failure) }));
      return false;
    }
  };

  const markResponded = async () => {
    try {
      await transition.mutateAsync({ caseId: found.id, to: 'responded' });
    } catch (failure) {
      onError(t('casePanel.respondedFailed', { ref: found.ref, error: describeError(failure) }));
    }
  };

  return { record, markResponded };
}

/** Event details are capped by the protocol; a long failure reason must not lose the event. */
function clipEvent(event: RecordEventInput['event']): RecordEventInput['event'] {
  return event.detail !== undefined && event.detail.length > 500 ? { ...event, detail: `${event.detail.slice(0, 499)}…` } : event;
}
