import { teammateResponses } from '../agents/responses';
import { assigneeName, buildRoster, isAssignedTo } from '../agents/roster';
import { toPageCase } from '../domain/page-case';
import type { PostKey } from '../domain/post';
import type { MessageHandlers } from '../messaging/server';
import { ProtocolError } from '../messaging/errors';
import { loadTeamAgents, saveAgentDetails } from '../settings/agent-store';
import type { AgentSource } from './agents';
import type { CaseStore } from './case-store';
import type { PresenceService } from './presence';
import { t } from '../i18n/t';
import { guardOf } from './workflow-handlers';

type AgentMessage =
  'agents/me' | 'agents/saveMe' | 'agents/roster' | 'cases/mine' | 'cases/assignToMe' | 'cases/teamView' | 'presence/set' | 'presence/list';

export interface AgentHandlerDeps {
  store: CaseStore;
  agents: AgentSource;
  presence: PresenceService;
  onChanged: (postKeys: PostKey[]) => void;
  now: () => number;
}

/** Agent identity, roster, assignment to me, the team view of a case, and presence. */
export function createAgentHandlers({ store, agents, presence, onChanged, now }: AgentHandlerDeps): Pick<MessageHandlers, AgentMessage> {
  const roster = async () => {
    const [me, team, seen] = await Promise.all([agents.current(), loadTeamAgents(), store.use((repository) => repository.assignees())]);
    return buildRoster(me, team, seen);
  };
  return {
    'agents/me': async () => ({ agent: await agents.current(), ids: await agents.ids() }),
    'agents/saveMe': async (details) => {
      await saveAgentDetails(details);
      agents.detailsChanged();
      return { agent: await agents.current() };
    },
    'agents/roster': async () => ({ roster: await roster() }),
    'cases/mine': async () => {
      const me = await agents.current();
      const open = await store.use((repository) => repository.openAssignedCount(me.id));
      return { agentId: me.id, open };
    },
    'cases/assignToMe': async ({ caseId }, ctx) => {
      const me = await agents.current();
      const result = await store.use((repository) => repository.setAssignee(caseId, me.id, now(), guardOf(ctx)));
      if (result.changed) onChanged([result.case.postKey]);
      return { case: toPageCase(result.case), changed: result.changed };
    },
    'cases/teamView': async ({ caseId }, ctx) => {
      const item = await store.use((repository) => repository.byId(caseId));
      if (!item) throw new ProtocolError('not_found', t('caseEdit.gone'));
      if (ctx.senderKind === 'content' && item.platform !== ctx.sitePlatform) {
        throw new ProtocolError('forbidden_sender', `A ${ctx.sitePlatform ?? 'unknown'} tab cannot read a ${item.platform} case.`);
      }
      const ids = await agents.ids();
      const mine = ids.some((id) => isAssignedTo(item.assignee, id));
      const names = await roster();
      return {
        assignedToMe: mine,
        assignedToOther: !mine && !!item.assignee?.trim(),
        responses: teammateResponses(item.events, ids).map((response) => ({
          name: assigneeName(response.by, names) ?? response.by,
          at: response.at,
          type: response.type,
        })),
      };
    },
    'presence/set': async ({ postKey, replying }, ctx) => {
      if (ctx.senderKind === 'content' && !postKey.startsWith(`${ctx.sitePlatform}:`)) {
        throw new ProtocolError('forbidden_sender', `A ${ctx.sitePlatform ?? 'unknown'} tab cannot reply to a post of another site.`);
      }
      await presence.setReplying(postKey, replying);
      return { replying };
    },
    'presence/list': async (_payload, ctx) => {
      const all = await presence.replying();
      return { replying: ctx.senderKind === 'content' ? all.filter((entry) => entry.postKey.startsWith(`${ctx.sitePlatform}:`)) : all };
    },
  };
}
