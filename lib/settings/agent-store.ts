import { browser } from 'wxt/browser';
import { AgentSchema, newAgentId, type Agent } from '../domain/agent';
import { AGENT_PROFILE_STORAGE_KEY, AgentProfileSchema, agentProfileFromStorage, type AgentProfile } from './agent-profile';

/**
 * The team's agents as last read from the team database (`agent:<id>` documents), kept in
 * storage.local so the roster works while the team sync is not running. Written by the team sync
 * (saveTeamAgents), read by the roster.
 */
export const TEAM_AGENTS_STORAGE_KEY = 'careside:team-agents';

/** The creation in flight: two first-time callers at once must not each store an id of their own. */
let creatingId: Promise<AgentProfile & { id: string }> | undefined;

/** The install's agent profile, with an agent id generated and stored the first time. */
export async function ensureAgentProfile(): Promise<AgentProfile & { id: string }> {
  const profile = await readAgentProfile();
  if (profile.id) return { ...profile, id: profile.id };
  creatingId ??= createAgentId().finally(() => (creatingId = undefined));
  return creatingId;
}

async function readAgentProfile(): Promise<AgentProfile> {
  const stored = await browser.storage.local.get(AGENT_PROFILE_STORAGE_KEY);
  return agentProfileFromStorage(stored[AGENT_PROFILE_STORAGE_KEY]) ?? AgentProfileSchema.parse({});
}

async function createAgentId(): Promise<AgentProfile & { id: string }> {
  // Read again: an id stored since the first read (another context) is kept, never replaced.
  const profile = await readAgentProfile();
  if (profile.id) return { ...profile, id: profile.id };
  const withId = { ...profile, id: newAgentId() };
  await browser.storage.local.set({ [AGENT_PROFILE_STORAGE_KEY]: withId });
  return withId;
}

/** Store the agent's name and email (the signature and id stay); answers the saved profile. */
export async function saveAgentDetails(details: { name: string; email: string }): Promise<AgentProfile & { id: string }> {
  const profile = await ensureAgentProfile();
  const next = AgentProfileSchema.parse({ ...profile, name: details.name.trim(), email: details.email.trim() });
  await browser.storage.local.set({ [AGENT_PROFILE_STORAGE_KEY]: next });
  return { ...next, id: profile.id };
}

/** The agent a profile describes under `id`: its name, or the id when it has none. */
export function agentOf(profile: Pick<AgentProfile, 'name' | 'email'>, id: string): Agent {
  const name = profile.name.trim() || id;
  const email = profile.email.trim();
  return { id, name, ...(email ? { email } : {}) };
}

export async function loadTeamAgents(): Promise<Agent[]> {
  const stored = await browser.storage.local.get(TEAM_AGENTS_STORAGE_KEY);
  const value: unknown = stored[TEAM_AGENTS_STORAGE_KEY];
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = AgentSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function saveTeamAgents(agents: readonly Agent[]): Promise<void> {
  await browser.storage.local.set({ [TEAM_AGENTS_STORAGE_KEY]: agents });
}
