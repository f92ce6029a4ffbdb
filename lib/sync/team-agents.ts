import type { Agent } from '../domain/agent';
import { agentDocId, agentOfDoc, DOC_PREFIX, type AgentDoc } from './docs';
import { isConflict, isNotFound, type PouchLike } from './pouch';

/**
 * The team's roster in the team database: one `agent:<id>` document per agent, written by that
 * agent when it connects and whenever its name or email changes. Replication brings every
 * teammate's document into this install's replica.
 */
export async function publishAgent(local: PouchLike, agent: Agent, now: number): Promise<boolean> {
  const _id = agentDocId(agent.id);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let held: AgentDoc | undefined;
    try {
      held = await local.get<AgentDoc>(_id);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (held && sameAgent(agentOfDoc(held), agent)) return false;
    try {
      await local.put<AgentDoc>({ _id, kind: 'agent', agent, updatedAt: now, ...(held?._rev ? { _rev: held._rev } : {}) });
      return true;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  return false;
}

/** Every agent the replica knows, by name; documents that are not valid agents are left out. */
export async function teamAgents(local: PouchLike): Promise<Agent[]> {
  const rows = await local.allDocs<AgentDoc>({ startkey: DOC_PREFIX.agent, endkey: `${DOC_PREFIX.agent}\ufff0`, include_docs: true });
  return rows.rows
    .map((row) => agentOfDoc(row.doc))
    .filter((agent) => agent !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function sameAgent(a: Agent | undefined, b: Agent): boolean {
  return a !== undefined && a.id === b.id && a.name === b.name && (a.email ?? '') === (b.email ?? '');
}
