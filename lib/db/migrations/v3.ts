import type { Migration } from './types';

// Frozen at v3: never replace these names or the derivation below with imports from today's code.
const CASES = 'cases';
const FACTS = 'case_facts';
const COUNTS = 'case_counts';
const OPEN = ['new', 'responded', 'handed_off', 'waiting_on_customer'];
const DEFAULT_PRIORITY = 'P3';

interface V3Case {
  id: string;
  platform: string;
  brandIds: string[];
  status: string;
  createdAt: number;
  updatedAt: number;
  priority?: string;
  category?: string;
  firstResponseAt?: number;
  resolvedAt?: number;
  closedAt?: number;
  followUpAt?: number;
  notified?: Record<string, number>;
}

/**
 * The v3 projection of a case. The one change from v2: the response clock starts when the case
 * was logged (createdAt), no longer at the post's own time, so clockStart and awaitingSince move.
 */
export function v3FactsOf(c: V3Case): Record<string, unknown> {
  const clockStart = c.createdAt;
  const open = OPEN.includes(c.status);
  const stoppedAt = c.firstResponseAt ?? (open ? undefined : (c.resolvedAt ?? c.closedAt ?? c.updatedAt));
  const facts: Record<string, unknown> = {
    id: c.id,
    platform: c.platform,
    brandIds: [...c.brandIds],
    status: c.status,
    priority: c.priority ?? DEFAULT_PRIORITY,
    createdAt: c.createdAt,
    clockStart,
  };
  if (c.category !== undefined) facts.category = c.category;
  if (c.firstResponseAt !== undefined) facts.firstResponseAt = c.firstResponseAt;
  if (c.resolvedAt !== undefined) facts.resolvedAt = c.resolvedAt;
  if (stoppedAt !== undefined) facts.stoppedAt = stoppedAt;
  if (open && c.firstResponseAt === undefined) facts.awaitingSince = clockStart;
  if (open && c.followUpAt !== undefined) facts.followUpAt = c.followUpAt;
  if (c.notified !== undefined) facts.notified = { ...c.notified };
  return facts;
}

/** The v3 count keys of one projected case (unchanged from v2). */
function v3CountKeysOf(facts: Record<string, unknown>): string[] {
  const { status, platform, priority } = facts as { status: string; platform: string; priority: string };
  const keys = [`status:${status}`, `platform_status:${platform}:${status}`, `status_priority:${status}:${priority}`];
  if (facts.awaitingSince !== undefined) keys.push(`awaiting:${priority}`);
  return keys;
}

export const v3: Migration = {
  version: 3,
  description: 'response clock starts when a case is logged: case_facts (clockStart, awaitingSince) and case_counts recomputed',
  async migrate(_db, tx) {
    const factStore = tx.objectStore(FACTS);
    const counts = new Map<string, number>();
    // Every case gets its projection rewritten (also one a v2 bug might have left out), and
    // facts whose case is gone are dropped, so the store matches the cases exactly.
    await factStore.clear();
    let cursor = await tx.objectStore(CASES).openCursor();
    while (cursor) {
      const projected = v3FactsOf(cursor.value as V3Case);
      await factStore.put(projected);
      for (const key of v3CountKeysOf(projected)) counts.set(key, (counts.get(key) ?? 0) + 1);
      cursor = await cursor.continue();
    }
    const countStore = tx.objectStore(COUNTS);
    await countStore.clear();
    for (const [key, n] of counts) await countStore.put({ key, n });
  },
};
