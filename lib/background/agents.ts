import type { Agent } from '../domain/agent';
import { agentOf, ensureAgentProfile } from '../settings/agent-store';

/**
 * The seam between the agent identity and the team sync: `current()` is who this install's
 * edits, presence and "Assign to me" are by. Without a team it is the install's own agent
 * (generated id); once the team sync connects it calls `setTeamUser(<CouchDB user name>)` and
 * the agent id becomes that user, with the same name and email. `ids()` is every id that means
 * "me" (the team user and the install's own id), for "My cases" and "someone else responded".
 */
export interface AgentSource {
  current(): Promise<Agent>;
  ids(): Promise<string[]>;
  setTeamUser(user: string | undefined): void;
  /** The agent saved a new name or email (options, welcome): the team's roster should say so. */
  detailsChanged(): void;
  /** Call back after each detailsChanged; returns unsubscribe. */
  onDetailsChanged(listener: () => void): () => void;
}

export function createAgentSource(): AgentSource {
  let teamUser: string | undefined;
  const listeners = new Set<() => void>();
  return {
    async current() {
      const profile = await ensureAgentProfile();
      return agentOf(profile, teamUser ?? profile.id);
    },
    async ids() {
      const profile = await ensureAgentProfile();
      return teamUser && teamUser !== profile.id ? [teamUser, profile.id] : [profile.id];
    },
    setTeamUser(user) {
      teamUser = user?.trim() || undefined;
    },
    detailsChanged() {
      listeners.forEach((listener) => listener());
    },
    onDetailsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
