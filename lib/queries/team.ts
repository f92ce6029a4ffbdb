import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { ConnectionCheck, RefusedChange, TeamConnection, TeamStatus } from '../domain/team-connection';
import { onBroadcast, sendMessage } from '../messaging/client';
import { TeamStatusChangedBroadcastSchema, type TeamStatusChangedBroadcast } from '../messaging/protocol';

/** The team workspace connection and its sync status (options Team section, popup sync line). */
export const teamKeys = {
  all: ['team'] as const,
  status: () => [...teamKeys.all, 'status'] as const,
  refused: () => [...teamKeys.all, 'refused'] as const,
};

/**
 * Kept current by the background's team/statusChanged broadcast; refetched each half minute
 * only so "last sync 2 min ago" moves on while the page stays open.
 */
export const teamStatusQuery = () =>
  queryOptions({
    queryKey: teamKeys.status(),
    queryFn: () => sendMessage('team/status', {}),
    refetchInterval: 30_000,
  });

export const testTeamConnectionMutation = () =>
  mutationOptions<ConnectionCheck, Error, TeamConnection>({
    mutationKey: [...teamKeys.all, 'test'],
    mutationFn: (connection) => sendMessage('team/test', { connection }),
  });

export const connectTeamMutation = (queryClient: QueryClient) =>
  mutationOptions<{ check: ConnectionCheck; status: TeamStatus }, Error, TeamConnection>({
    mutationKey: [...teamKeys.all, 'connect'],
    mutationFn: (connection) => sendMessage('team/connect', { connection }),
    onSuccess: ({ status }) => queryClient.setQueryData(teamKeys.status(), status),
  });

export const disconnectTeamMutation = (queryClient: QueryClient) =>
  mutationOptions<TeamStatus, Error, void>({
    mutationKey: [...teamKeys.all, 'disconnect'],
    mutationFn: () => sendMessage('team/disconnect', {}),
    onSuccess: (status) => showTeamStatus(queryClient, status),
  });

/** A new status from the background: shown at once; the refused list may have changed with it. */
function showTeamStatus(queryClient: QueryClient, status: TeamStatus): void {
  queryClient.setQueryData(teamKeys.status(), status);
  void queryClient.invalidateQueries({ queryKey: teamKeys.refused() });
}

/** The changes the team server refused (options Team section); re-read whenever the status changes. */
export const refusedChangesQuery = () =>
  queryOptions({
    queryKey: teamKeys.refused(),
    queryFn: async (): Promise<RefusedChange[]> => (await sendMessage('team/refused', {})).changes,
  });

export const discardRefusedMutation = (queryClient: QueryClient) =>
  mutationOptions<TeamStatus, Error, string[]>({
    mutationKey: [...teamKeys.all, 'discardRefused'],
    mutationFn: (ids) => sendMessage('team/discardRefused', { ids }),
    onSuccess: (status) => showTeamStatus(queryClient, status),
  });

/** Show each status the background announces at once (and re-read the refused list); returns unsubscribe. */
export function followTeamStatus(queryClient: QueryClient): () => void {
  return onTeamStatusChanged(({ status }) => showTeamStatus(queryClient, status));
}

/** Listen for `team/statusChanged` (connected, disconnected, synced, offline…); returns the unsubscribe function. */
export function onTeamStatusChanged(listener: (broadcast: TeamStatusChangedBroadcast) => void): () => void {
  return onBroadcast((message) => {
    const parsed = TeamStatusChangedBroadcastSchema.safeParse(message);
    if (parsed.success) listener(parsed.data);
  });
}
