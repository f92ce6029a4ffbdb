import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { AgentDetails } from '../domain/agent';
import { sendMessage, type SendRequest } from '../messaging/client';
import { caseKeys } from './cases';

/**
 * Agent reads: who I am, the roster, my open cases, a case's team view (under caseKeys.all:
 * `cases/changed` refreshes them). Who is replying is read by the page (lib/content/presence-watch.ts).
 */
export const agentKeys = {
  me: () => ['agents', 'me'] as const,
  roster: () => [...caseKeys.all, 'roster'] as const,
  mine: () => [...caseKeys.all, 'mine'] as const,
  teamView: (caseId: string) => [...caseKeys.all, 'teamView', caseId] as const,
};

export const meQuery = () => queryOptions({ queryKey: agentKeys.me(), queryFn: () => sendMessage('agents/me', {}) });

export const rosterQuery = () =>
  queryOptions({ queryKey: agentKeys.roster(), queryFn: async () => (await sendMessage('agents/roster', {})).roster });

export const myCasesQuery = () => queryOptions({ queryKey: agentKeys.mine(), queryFn: () => sendMessage('cases/mine', {}) });

/** `send`: a content script's port client. */
export const teamViewQuery = (caseId: string, send: SendRequest = sendMessage) =>
  queryOptions({ queryKey: agentKeys.teamView(caseId), queryFn: () => send('cases/teamView', { caseId }) });

/** Save this agent's name and email (options, welcome); `agents/me` then shows them. */
export const saveMeMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['agents', 'saveMe'],
    mutationFn: (details: AgentDetails) => sendMessage('agents/saveMe', details),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentKeys.me() }),
  });
