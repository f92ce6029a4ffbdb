import type { Migration } from './types';

// Frozen at v2: never replace these names or the derivation below with imports from today's code.
const CASES = 'cases';
const FACTS = 'case_facts';
const COUNTS = 'case_counts';
const OPEN = ['new', 'responded', 'handed_off', 'waiting_on_customer'];
const DEFAULT_PRIORITY = 'P3';

const FACT_INDEXES: readonly { name: string; keyPath: string | string[]; multiEntry?: boolean }[] = [
  { name: 'createdAt', keyPath: 'createdAt' },
  { name: 'status_createdAt', keyPath: ['status', 'createdAt'] },
  { name: 'platform_createdAt', keyPath: ['platform', 'createdAt'] },
  { name: 'priority_createdAt', keyPath: ['priority', 'createdAt'] },
  { name: 'category_createdAt', keyPath: ['category', 'createdAt'] },
  { name: 'brandIds', keyPath: 'brandIds', multiEntry: true },
  { name: 'status_priority', keyPath: ['status', 'priority'] },
  /** Only cases still waiting for a first response have awaitingSince: breach counts per priority. */
  { name: 'priority_awaitingSince', keyPath: ['priority', 'awaitingSince'] },
  /** Only open cases carry followUpAt here. */
  { name: 'followUpAt', keyPath: 'followUpAt' },
];

interface V2Case {
  id: string;
  platform: string;
  brandIds: string[];
  status: string;
  createdAt: number;
  updatedAt: number;
  post?: { postedAt?: string };
  priority?: string;
  category?: string;
  firstResponseAt?: number;
  resolvedAt?: number;
  closedAt?: number;
  followUpAt?: number;
  notified?: Record<string, number>;
}

/** The v2 projection of a case, as v2 computed it. */
export function v2FactsOf(c: V2Case): Record<string, unknown> {
  const posted = c.post?.postedAt === undefined ? NaN : Date.parse(c.post.postedAt);
  const clockStart = Number.isFinite(posted) && posted >= 0 ? Math.min(posted, c.createdAt) : c.createdAt;
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

/** The v2 count keys of one projected case. */
export function v2CountKeysOf(facts: Record<string, unknown>): string[] {
  const { status, platform, priority } = facts as { status: string; platform: string; priority: string };
  const keys = [`status:${status}`, `platform_status:${platform}:${status}`, `status_priority:${status}:${priority}`];
  if (facts.awaitingSince !== undefined) keys.push(`awaiting:${priority}`);
  return keys;
}

export const v2: Migration = {
  version: 2,
  description: 'case_facts (an indexed projection of every case) and case_counts (counts kept with every write)',
  async migrate(db, tx) {
    const facts = db.createObjectStore(FACTS, { keyPath: 'id' });
    for (const index of FACT_INDEXES)
      facts.createIndex(index.name, index.keyPath, { unique: false, multiEntry: index.multiEntry ?? false });
    db.createObjectStore(COUNTS, { keyPath: 'key' });
    const factStore = tx.objectStore(FACTS);
    const counts = new Map<string, number>();
    let cursor = await tx.objectStore(CASES).openCursor();
    while (cursor) {
      const projected = v2FactsOf(cursor.value as V2Case);
      await factStore.put(projected);
      for (const key of v2CountKeysOf(projected)) counts.set(key, (counts.get(key) ?? 0) + 1);
      cursor = await cursor.continue();
    }
    const countStore = tx.objectStore(COUNTS);
    for (const [key, n] of counts) await countStore.put({ key, n });
  },
};
