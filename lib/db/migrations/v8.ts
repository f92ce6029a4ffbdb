import type { Migration } from './types';
import { eachBatch } from './v5';

// Frozen at v8: never replace these names or the derivations below with imports from today's code.
const CASES = 'cases';
const FACTS = 'case_facts';
const COUNTS = 'case_counts';
const ASSIGNEE_INDEX = 'assignee_createdAt';

interface V8Case {
  id: string;
  assignee?: string;
}

/** The v8 assignee key: trimmed and lower-cased, '' for nobody. */
export function v8AssigneeKeyOf(c: V8Case): string {
  return c.assignee?.trim().toLowerCase() ?? '';
}

/**
 * "My cases" and the assignee filter loaded every open case to compare names (49 s for the
 * popup's count at 100,000 cases); v8 keeps the assignee on each facts record, indexed by time,
 * and counts each person's cases per status.
 */
export const v8: Migration = {
  version: 8,
  description: 'the assignee on case_facts (indexed with createdAt) and assignee_status counts, from every case',
  async migrate(_db, tx) {
    const facts = tx.objectStore(FACTS);
    const counts = new Map<string, number>();
    await eachBatch(tx, CASES, async (records) => {
      const batch = records as V8Case[];
      const first = batch[0];
      const last = batch[batch.length - 1];
      if (!first || !last) return;
      // Facts share the cases' ids: one read for the batch's range instead of a get per case.
      const stored = (await facts.getAll(IDBKeyRange.bound(first.id, last.id))) as { id: string; status: string }[];
      const assigneeOf = new Map(batch.map((record) => [record.id, v8AssigneeKeyOf(record)]));
      await Promise.all(
        stored.map((record) => {
          const assignee = assigneeOf.get(record.id) ?? '';
          if (assignee) {
            const key = `assignee_status:${assignee}:${record.status}`;
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
          return facts.put({ ...record, assignee });
        }),
      );
    });
    const countStore = tx.objectStore(COUNTS);
    await Promise.all([...counts].map(([key, n]) => countStore.put({ key, n })));
    // Built once over the filled records, not updated by every put above.
    facts.createIndex(ASSIGNEE_INDEX, ['assignee', 'createdAt'], { unique: false });
  },
};
