import type { PouchLike } from '../sync/pouch';
import { TeamPresence } from '../sync/team-presence';
import { publishAgent, teamAgents } from '../sync/team-agents';
import { saveTeamAgents } from '../settings/agent-store';
import type { AgentSource } from './agents';
import { createLocalPresenceChannel, type PresenceService } from './presence';

/**
 * The seam between team sync and the agent side: while connected, the CouchDB user is this
 * install's agent id, presence goes through the team database, this agent is in the team's roster
 * and the roster is kept locally for offline use; after Disconnect, presence is local again.
 */
export function joinTeam(
  agents: AgentSource,
  presence: PresenceService,
  running: { user: string; replica: PouchLike } | undefined,
  now: () => number,
): void {
  agents.setTeamUser(running?.user);
  if (!running) {
    presence.switchChannel(createLocalPresenceChannel(now));
    return;
  }
  presence.switchChannel(new TeamPresence({ local: running.replica, now }));
  void agents
    .current()
    .then((me) => publishAgent(running.replica, me, now()))
    .then(() => teamAgents(running.replica))
    .then(saveTeamAgents)
    .catch((error: unknown) => console.warn('CareSide: could not update the team roster', error));
}
