import type { Agent, RosterEntry } from '../domain/agent';

/**
 * Who a case can be assigned to: this install's agent first, then the team's agents (their
 * `agent:<id>` documents), then assignees already on cases that are neither (free text from before
 * agents existed, or agents the team database no longer lists), each once.
 */
export function buildRoster(me: Agent, team: readonly Agent[], seenAssignees: Iterable<string>): RosterEntry[] {
  const byId = new Map<string, RosterEntry>();
  const add = (entry: RosterEntry) => {
    const key = entry.id.toLowerCase();
    if (!byId.has(key)) byId.set(key, entry);
  };
  add({ ...me, source: 'me' });
  for (const agent of [...team].sort(byName)) add({ ...agent, source: 'team' });
  const seen = [...new Set([...seenAssignees].map((value) => value.trim()).filter((value) => value !== ''))];
  for (const assignee of seen.sort((a, b) => a.localeCompare(b))) add({ id: assignee, name: assignee, source: 'seen' });
  return [...byId.values()];
}

const byName = (a: Agent, b: Agent) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** The name to show for a case's assignee: the roster's name for an agent id, else the text as stored. */
export function assigneeName(assignee: string | undefined, roster: readonly Pick<RosterEntry, 'id' | 'name'>[]): string | undefined {
  const value = assignee?.trim();
  if (!value) return undefined;
  const key = value.toLowerCase();
  return roster.find((entry) => entry.id.toLowerCase() === key)?.name ?? value;
}

/** Whether a case's assignee is this agent (ids compare case-insensitively, like the assignee filter). */
export function isAssignedTo(assignee: string | undefined, agentId: string): boolean {
  return assignee !== undefined && assignee.trim().toLowerCase() === agentId.toLowerCase();
}
