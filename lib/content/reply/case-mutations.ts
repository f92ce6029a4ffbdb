import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { sendMessage } from '../../messaging/client';
import type { RequestOf } from '../../messaging/protocol';
import { caseKeys } from '../../queries/cases';

export type RecordEventInput = RequestOf<'cases/recordEvent'>;
export type TransitionInput = RequestOf<'cases/transition'>;

/** Add an entry to a case's timeline (and maybe move its status); every case view re-reads after. */
export const recordEventMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...caseKeys.all, 'recordEvent'],
    mutationFn: (input: RecordEventInput) => sendMessage('cases/recordEvent', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });

/** Move a case to another status; the background adds the "status changed" timeline entry. */
export const transitionMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...caseKeys.all, 'transition'],
    mutationFn: (input: TransitionInput) => sendMessage('cases/transition', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
