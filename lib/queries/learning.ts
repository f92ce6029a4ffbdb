import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { sendMessage } from '../messaging/client';
import type { CorrectionLabel, LearningExport, LearningStatus } from '../domain/learning';
import type { TriagePost } from '../messaging/protocol';

/** The adaptive triage layer: how much it learned (options), and the team's calls. */
export const learningKeys = {
  all: ['learning'] as const,
  status: () => [...learningKeys.all, 'status'] as const,
};

export const learningStatusQuery = () =>
  queryOptions({
    queryKey: learningKeys.status(),
    queryFn: () => sendMessage('learning/status', {}),
  });

/** The team's call on one post; the answer's status refreshes what options shows. */
export const correctTriageMutation = (queryClient: QueryClient) =>
  mutationOptions<{ changed: boolean; status: LearningStatus }, Error, { post: TriagePost; label: CorrectionLabel }>({
    mutationKey: [...learningKeys.all, 'correct'],
    mutationFn: (request) => sendMessage('triage/correct', request),
    onSuccess: ({ status }) => queryClient.setQueryData(learningKeys.status(), status),
  });

export const resetLearningMutation = (queryClient: QueryClient) =>
  mutationOptions<{ removed: number }, Error, void>({
    mutationKey: [...learningKeys.all, 'reset'],
    mutationFn: () => sendMessage('learning/reset', {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: learningKeys.all }),
  });

/** The layer for the settings export file. */
export const exportLearning = (): Promise<LearningExport> => sendMessage('learning/export', {});

/** Replace the layer with an imported one (all or nothing); refreshes the status. */
export async function importLearning(queryClient: QueryClient, learning: LearningExport): Promise<LearningStatus> {
  const status = await sendMessage('learning/import', { learning });
  queryClient.setQueryData(learningKeys.status(), status);
  return status;
}
