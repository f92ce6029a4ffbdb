import type { PouchLike } from '../sync/pouch';
import { TeamPresence } from '../sync/team-presence';
import { DOC_PREFIX } from '../sync/docs';
import { publishAgent, teamAgents } from '../sync/team-agents';
import { saveTeamAgents } from '../settings/agent-store';
import type { AgentSource } from './agents';
import { createLocalPresenceChannel, type PresenceService } from './presence';

/**
 * The seam between team sync and the agent side: while connected, the CouchDB user is this
 * install's agent id, presence goes through the team database, this agent is in the team's roster
 * (published again when the agent changes their name or email) and the roster is kept locally for
 * offline use, read again whenever a teammate's `agent:` document arrives; after Disconnect,
 * presence is local again. Returns what stops following the team (call it before joining again).
 */
export function joinTeam(
  agents: AgentSource,
  presence: PresenceService,
  running: { user: string; replica: PouchLike } | undefined,
  now: () => number,
): () => void {
  agents.setTeamUser(running?.user);
  if (!running) {
    presence.switchChannel(createLocalPresenceChannel(now));
    return () => undefined;
  }
  const { replica } = running;
  presence.switchChannel(new TeamPresence({ local: replica, now }));
  const warn = (error: unknown) => console.warn('CareSide: could not update the team roster', error);
  const keepRoster = () => teamAgents(replica).then(saveTeamAgents);
  const publishMe = () =>
    void agents
      .current()
      .then((me) => publishAgent(replica, me, now()))
      .then(keepRoster)
      .catch(warn);
  const feed = replica.changes({ since: 'now', live: true }).on('change', (change) => {
    if ((change as { id?: string }).id?.startsWith(DOC_PREFIX.agent)) void keepRoster().catch(warn);
  });
  const stopDetails = agents.onDetailsChanged(publishMe);
  publishMe();
  return () => {
    feed.cancel();
    stopDetails();
  };
}
