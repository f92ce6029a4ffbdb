import type { CaseDb } from '../db/schema';
import { settle } from './tx';
import { writeVersion } from './write-version';

const cache = new WeakMap<CaseDb, { version: number; assignees: string[] }>();

/**
 * Every assignee on a stored case, each once (as first written): the roster's "seen" entries
 * (old free-text names and agents the team database no longer lists). No index holds assignees,
 * so this reads every case once, then answers from a cache until the next write.
 */
export async function distinctAssignees(db: CaseDb): Promise<string[]> {
  const version = writeVersion();
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.assignees;
  const tx = db.transaction('cases', 'readonly');
  const assignees = await settle(tx, async () => {
    const seen = new Map<string, string>();
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      const assignee = cursor.value.assignee?.trim();
      if (assignee && !seen.has(assignee.toLowerCase())) seen.set(assignee.toLowerCase(), assignee);
    }
    return [...seen.values()];
  });
  cache.set(db, { version, assignees });
  return assignees;
}
