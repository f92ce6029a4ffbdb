import type { CaseDb } from '../db/schema';
import { settle } from './tx';
import { writeVersion } from './write-version';

const cache = new WeakMap<CaseDb, { version: number; assignees: string[] }>();

/**
 * Every assignee on a stored case, each once (as written on their first case): the roster's
 * "seen" entries (old free-text names and agents the team database no longer lists). The cursor
 * seeks from one person's entries of the assignee index to the next (v8), so it reads about one
 * entry and one case per person however many cases there are; cached until the next write.
 */
export async function distinctAssignees(db: CaseDb): Promise<string[]> {
  const version = writeVersion();
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.assignees;
  const tx = db.transaction(['case_facts', 'cases'], 'readonly');
  const assignees = await settle(tx, async () => {
    const index = tx.objectStore('case_facts').index('assignee_createdAt');
    // '' (nobody) sorts first: start after it; [key, Infinity] is past every entry of `key`.
    const ids: string[] = [];
    let cursor = await index.openKeyCursor(IDBKeyRange.lowerBound(['', Infinity], true), 'next');
    while (cursor) {
      const [key] = cursor.key;
      ids.push(cursor.primaryKey);
      cursor = await cursor.continue([key, Infinity]);
    }
    const cases = await Promise.all(ids.map((id) => tx.objectStore('cases').get(id)));
    return cases.map((item) => item?.assignee?.trim()).filter((name): name is string => !!name);
  });
  cache.set(db, { version, assignees });
  return assignees;
}
