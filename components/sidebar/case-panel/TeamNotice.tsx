import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { replyingLabel } from '../../../lib/content/presence-watch';
import type { PageCase } from '../../../lib/domain/page-case';
import { PRESENCE_REFRESH_MS } from '../../../lib/domain/presence';
import { formatRelative } from '../../../lib/i18n/format';
import { t } from '../../../lib/i18n/t';
import { sendMessage } from '../../../lib/messaging/client';
import { teamViewQuery } from '../../../lib/queries/agents';
import { caseKeys } from '../../../lib/queries/cases';

/**
 * The teammates on this case, above the reply box: who else is replying now, who already
 * responded (say it before Insert), and the assignment with "Assign to me". While the panel is
 * open it tells the background this agent is replying, again before that expires, and that it
 * stopped when it closes. Who else is replying comes from the page, which follows the
 * background's `presence/changed` broadcast (the same names the post's row shows).
 */
export function TeamNotice({
  found,
  replying,
  now = Date.now,
}: {
  found: PageCase;
  replying?: readonly string[] | undefined;
  now?: () => number;
}) {
  const queryClient = useQueryClient();
  const view = useQuery(teamViewQuery(found.id));
  const assign = useMutation({
    mutationFn: () => sendMessage('cases/assignToMe', { caseId: found.id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
  usePresence(found.postKey);

  const replyingText = replyingLabel(replying);
  const latest = view.data?.responses[0];
  return (
    <div className="cs-cp-team" data-testid="careside-team-notice">
      {replyingText && (
        <p className="cs-cp-replying" role="status" data-testid="careside-replying">
          {replyingText}
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
  useEffect(() => {
    const say = (replying: boolean) =>
      void sendMessage('presence/set', { postKey, replying }).catch((error: unknown) => console.warn('CareSide: presence not sent', error));
    say(true);
    const refresh = setInterval(() => say(true), PRESENCE_REFRESH_MS);
    return () => {
      clearInterval(refresh);
      say(false);
    };
  }, [postKey]);
}
