import type { Migration } from './types';
import { eachBatch } from './v5';

// Frozen at v7: never replace these names or the projection below with imports from today's code.
const FACTS = 'case_facts';
const STATS = 'case_stats';
/** Nothing reads it since case_counts (v2) keeps the counts per status and priority; it cost an index write per case write. */
const DROPPED_FACTS_INDEX = 'status_priority';
const HOUR = 3_600_000;
const DAY = 86_400_000;
const OPEN = new Set(['new', 'responded', 'handed_off', 'waiting_on_customer']);

interface V7Facts {
  platform: string;
  brandIds: string[];
  status: string;
  priority: string;
  category?: string;
  createdAt: number;
  clockStart: number;
  firstResponseAt?: number;
  resolvedAt?: number;
  stoppedAt?: number;
}

interface V7Hour {
  n: number;
  byCategory: Record<string, number>;
  firstResponse: number[];
  resolution: number[];
  unanswered: number;
  stopped: Record<string, number[]>;
  running: Record<string, number[]>;
}

interface V7Row {
  dim: string;
  day: number;
  hours: Record<number, V7Hour>;
}

/** The v7 stats dimension values of a case. */
function v7DimsOf(facts: V7Facts): string[] {
  const dims = ['all', `platform:${facts.platform}`, `status:${facts.status}`, `priority:${facts.priority}`];
  if (facts.category !== undefined) dims.push(`category:${facts.category}`);
  for (const brandId of new Set(facts.brandIds)) dims.push(`brand:${brandId}`);
  return dims;
}

/** Add one case to its hour as v7 defined it. */
export function v7AddToHour(hour: V7Hour, facts: V7Facts): void {
  const unanswered = facts.firstResponseAt === undefined && !OPEN.has(facts.status);
  hour.n += 1;
  const category = facts.category ?? 'uncategorized';
  hour.byCategory[category] = (hour.byCategory[category] ?? 0) + 1;
  if (unanswered) hour.unanswered += 1;
  if (facts.firstResponseAt !== undefined) hour.firstResponse.push(Math.max(0, facts.firstResponseAt - facts.clockStart));
  if (!unanswered && facts.resolvedAt !== undefined) hour.resolution.push(Math.max(0, facts.resolvedAt - facts.clockStart));
  if (facts.stoppedAt !== undefined) (hour.stopped[facts.priority] ??= []).push(facts.stoppedAt - facts.clockStart);
  else (hour.running[facts.priority] ??= []).push(facts.clockStart);
}

export const v7: Migration = {
  version: 7,
  description:
    'case_stats: stats per dimension value, UTC day and hour, built from every case’s facts; the unread status_priority index dropped',
  async migrate(db, tx) {
    const facts = tx.objectStore(FACTS);
    if (facts.indexNames.contains(DROPPED_FACTS_INDEX)) facts.deleteIndex(DROPPED_FACTS_INDEX);
    db.createObjectStore(STATS, { keyPath: ['dim', 'day'] });
    const rows = new Map<string, V7Row>();
    await eachBatch(tx, FACTS, (records) => {
      for (const record of records) {
        const facts = record as V7Facts;
        const day = Math.floor(facts.createdAt / DAY);
        const hourOfDay = Math.floor((facts.createdAt - day * DAY) / HOUR);
        for (const dim of v7DimsOf(facts)) {
          const key = `${dim}\u0000${day}`;
          const row = rows.get(key) ?? { dim, day, hours: {} };
          rows.set(key, row);
          const hour = (row.hours[hourOfDay] ??= {
            n: 0,
            byCategory: {},
            firstResponse: [],
            resolution: [],
            unanswered: 0,
            stopped: {},
            running: {},
          });
          v7AddToHour(hour, facts);
        }
      }
    });
    const stats = tx.objectStore(STATS);
    await Promise.all([...rows.values()].map((row) => stats.put(row)));
  },
};
