import type { CaseFacts } from '../db/schema';
import { StatsDelta, type StatsStore } from './stats-rows';

interface CountRecord {
  key: string;
  n: number;
}
/** The case_counts store, as any transaction over it sees it. */
interface CountStore {
  get(key: string): Promise<CountRecord | undefined>;
  put(record: CountRecord): Promise<unknown>;
}

/** The two stores a flush writes, as a write transaction (tx.ts WriteTx) opens them. */
interface DeltaStores {
  objectStore(name: 'case_counts'): CountStore;
  objectStore(name: 'case_stats'): StatsStore;
}

/**
 * Case counts kept up to date with every write (same transaction), because an IndexedDB
 * count is a scan in Chromium: counting 100,000 index entries costs as much as reading them.
 * The popup and the badge read these few records instead of counting.
 *
 *   status:<status>                       all cases per status
 *   platform_status:<platform>:<status>   per platform and status
 *   status_priority:<status>:<priority>   per status and (effective) priority
 *   awaiting:<priority>                   open cases still waiting for a first response
 *   brand_status:<brand id>:<status>      per brand and status (v5 on; a case counts for each of its brands)
 *   assignee_status:<assignee>:<status>   per assignee (assigneeKey) and status, assigned cases only (v8 on)
 */
export function countKeysOf(facts: CaseFacts): string[] {
  const keys = [
    `status:${facts.status}`,
    `platform_status:${facts.platform}:${facts.status}`,
    `status_priority:${facts.status}:${facts.priority}`,
  ];
  if (facts.awaitingSince !== undefined) keys.push(`awaiting:${facts.priority}`);
  for (const brandId of new Set(facts.brandIds)) keys.push(`brand_status:${brandId}:${facts.status}`);
  if (facts.assignee) keys.push(`assignee_status:${facts.assignee}:${facts.status}`);
  return keys;
}

/**
 * Count and stats changes (stats-rows.ts) gathered over one transaction's writes, stored in one
 * go by flush(): every writer already passes each case's old and new facts through here.
 */
export class CountDelta {
  private readonly changes = new Map<string, number>();
  private readonly stats = new StatsDelta();

  /** A case went from `before` (undefined: it is new) to `after`. */
  move(before: CaseFacts | undefined, after: CaseFacts): void {
    if (before) for (const key of countKeysOf(before)) this.add(key, -1);
    for (const key of countKeysOf(after)) this.add(key, 1);
    this.stats.move(before, after);
  }

  /** A case with these facts was deleted. */
  remove(before: CaseFacts): void {
    for (const key of countKeysOf(before)) this.add(key, -1);
    this.stats.move(before, undefined);
  }

  private add(key: string, by: number): void {
    this.changes.set(key, (this.changes.get(key) ?? 0) + by);
  }

  async flush(tx: DeltaStores): Promise<void> {
    await Promise.all([this.flushCounts(tx.objectStore('case_counts')), this.stats.flush(tx.objectStore('case_stats'))]);
  }

  private async flushCounts(store: CountStore): Promise<void> {
    const pending = [...this.changes].filter(([, by]) => by !== 0);
    this.changes.clear();
    await Promise.all(
      pending.map(async ([key, by]) => {
        const current = (await store.get(key))?.n ?? 0;
        await store.put({ key, n: Math.max(0, current + by) });
      }),
    );
  }
}

/** Every stored count, by key (missing keys are zero). */
export async function readCounts(store: { getAll(): Promise<CountRecord[]> }): Promise<Map<string, number>> {
  const records = await store.getAll();
  return new Map(records.map((record) => [record.key, record.n]));
}
