import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { PageCase } from '../../../lib/domain/page-case';
import { PRESENCE_REFRESH_MS } from '../../../lib/domain/presence';
import { formatRelative } from '../../../lib/i18n/format';
import { t } from '../../../lib/i18n/t';
import { sendMessage } from '../../../lib/messaging/client';
import { agentKeys, presenceQuery, teamViewQuery } from '../../../lib/queries/agents';
import { caseKeys } from '../../../lib/queries/cases';

/** How often an open panel asks who else is replying (presence/changed also refreshes it). */
const PRESENCE_POLL_MS = 4_000;

/**
 * The teammates on this case, above the reply box: who else is replying now, who already
 * responded (say it before Insert), and the assignment with "Assign to me". While the panel is
 * open it tells the background this agent is replying, again before that expires, and that it
 * stopped when it closes.
 */
export function TeamNotice({ found, now = Date.now }: { found: PageCase; now?: () => number }) {
  const queryClient = useQueryClient();
  const view = useQuery(teamViewQuery(found.id));
  const replying = useQuery({ ...presenceQuery(), refetchInterval: PRESENCE_POLL_MS });
  const assign = useMutation({
    mutationFn: () => sendMessage('cases/assignToMe', { caseId: found.id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
  usePresence(found.postKey);

  const names = (replying.data ?? []).filter((entry) => entry.postKey === found.postKey).map((entry) => entry.name);
  const latest = view.data?.responses[0];
  return (
    <div className="cs-cp-team" data-testid="careside-team-notice">
      {names.length > 0 && (
        <p className="cs-cp-replying" role="status" data-testid="careside-replying">
          {names.length === 1 ? t('agents.replying', { names: names[0]! }) : t('agents.replyingMany', { names: names.join(', ') })}
        </p>
      )}
      {latest && (
        <p className="cs-cp-responded" role="alert" data-testid="careside-already-responded">
          {t('agents.alreadyResponded', { name: latest.name, when: formatRelative(latest.at, now()) })}
        </p>
      )}
      {view.data && (
        <p className="cs-cp-assignment" data-testid="careside-assignment">
          {view.data.assignedToMe ? t('agents.assignedToYou') : view.data.assignedToOther ? t('agents.assignedToOther') : null}{' '}
          {!view.data.assignedToMe && (
            <button type="button" data-testid="careside-assign-to-me" disabled={assign.isPending} onClick={() => assign.mutate()}>
              {t('agents.assignToMe')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}

/** Say "replying" while mounted (refreshed before it expires), and stop on unmount. */
function usePresence(postKey: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const say = (replying: boolean) =>
      void sendMessage('presence/set', { postKey, replying }).catch((error: unknown) => console.warn('CareSide: presence not sent', error));
    say(true);
    const refresh = setInterval(() => say(true), PRESENCE_REFRESH_MS);
    return () => {
      clearInterval(refresh);
      say(false);
      void queryClient.invalidateQueries({ queryKey: agentKeys.presence() });
    };
  }, [postKey, queryClient]);
}
