import { isOpenStatus } from '../domain/case';
import type { StatsCategory } from '../domain/case-views';
import type { CaseFacts, StatsHour, StatsRow } from '../db/schema';

/**
 * Stats kept with every write (store case_stats), so stats over a filter read one record per day
 * instead of every matching case's facts. A case counts in the hour it was logged, under each
 * dimension value a stats filter can name alone: 'all', its platform, status, priority, category
 * and each brand. A row holds one dimension value's UTC day, split by hour: hours, because the
 * dashboard's days are local days in its own time zone, and a local day is a whole number of UTC
 * hours in every zone with a whole-hour offset; one row per day, because a row per hour would be
 * one record per case at a team's volume, and a row per month would rewrite a month on every edit.
 *
 * lib/db/migrations/v7.ts holds a frozen copy of this projection: change both only together
 * with a migration that rebuilds the store.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const UNCATEGORIZED = 'uncategorized' satisfies StatsCategory;

/** Every dimension value a case counts under. */
export function statsDimsOf(facts: CaseFacts): string[] {
  const dims = ['all', `platform:${facts.platform}`, `status:${facts.status}`, `priority:${facts.priority}`];
  if (facts.category !== undefined) dims.push(`category:${facts.category}`);
  for (const brandId of new Set(facts.brandIds)) dims.push(`brand:${brandId}`);
  return dims;
}

/** What one case adds to its hour. */
interface Contribution {
  category: string;
  firstResponse?: number;
  resolution?: number;
  unanswered: boolean;
  priority: string;
  stopped?: number;
  running?: number;
}

function contributionOf(facts: CaseFacts): Contribution {
  const unanswered = facts.firstResponseAt === undefined && !isOpenStatus(facts.status);
  const entry: Contribution = { category: facts.category ?? UNCATEGORIZED, unanswered, priority: facts.priority };
  if (facts.firstResponseAt !== undefined) entry.firstResponse = Math.max(0, facts.firstResponseAt - facts.clockStart);
  if (!unanswered && facts.resolvedAt !== undefined) entry.resolution = Math.max(0, facts.resolvedAt - facts.clockStart);
  if (facts.stoppedAt !== undefined) entry.stopped = facts.stoppedAt - facts.clockStart;
  else entry.running = facts.clockStart;
  return entry;
}

export function emptyHour(): StatsHour {
  return { n: 0, byCategory: {}, firstResponse: [], resolution: [], unanswered: 0, stopped: {}, running: {} };
}

/** Add (sign 1) or remove (sign -1) one case's facts to or from an hour. */
export function applyFacts(hour: StatsHour, facts: CaseFacts, sign: 1 | -1): void {
  const entry = contributionOf(facts);
  hour.n += sign;
  bump(hour.byCategory, entry.category, sign);
  if (entry.unanswered) hour.unanswered += sign;
  if (entry.firstResponse !== undefined) change(hour.firstResponse, entry.firstResponse, sign);
  if (entry.resolution !== undefined) change(hour.resolution, entry.resolution, sign);
  if (entry.stopped !== undefined) change((hour.stopped[entry.priority] ??= []), entry.stopped, sign);
  if (entry.running !== undefined) change((hour.running[entry.priority] ??= []), entry.running, sign);
  dropEmpty(hour.stopped, entry.priority);
  dropEmpty(hour.running, entry.priority);
}

function bump(counts: Record<string, number>, key: string, by: number): void {
  const next = (counts[key] ?? 0) + by;
  if (next > 0) counts[key] = next;
  else delete counts[key];
}

function change(values: number[], value: number, sign: 1 | -1): void {
  if (sign > 0) values.push(value);
  else {
    const at = values.lastIndexOf(value);
    if (at >= 0) values.splice(at, 1);
  }
}

function dropEmpty(lists: Record<string, number[]>, key: string): void {
  if (lists[key]?.length === 0) delete lists[key];
}

/** The UTC day and hour a case counts in. */
export function slotOf(createdAt: number): { day: number; hour: number } {
  const day = Math.floor(createdAt / DAY_MS);
  return { day, hour: Math.floor((createdAt - day * DAY_MS) / HOUR_MS) };
}

/** What decides a case's place and share in the stats: equal for an edit the stats do not see (a note, a tag). */
function statsIdentity(facts: CaseFacts): string {
  return JSON.stringify([facts.createdAt, statsDimsOf(facts), contributionOf(facts)]);
}

export interface StatsStore {
  get(key: [string, number]): Promise<StatsRow | undefined>;
  put(row: StatsRow): Promise<unknown>;
  delete(key: [string, number]): Promise<unknown>;
}

interface PendingRow {
  dim: string;
  day: number;
  changes: { hour: number; facts: CaseFacts; sign: 1 | -1 }[];
}

/** Stats changes gathered over one transaction's writes; flush() reads and writes each touched row once. */
export class StatsDelta {
  private readonly rows = new Map<string, PendingRow>();

  move(before: CaseFacts | undefined, after: CaseFacts | undefined): void {
    if (before && after && statsIdentity(before) === statsIdentity(after)) return;
    if (before) this.record(before, -1);
    if (after) this.record(after, 1);
  }

  private record(facts: CaseFacts, sign: 1 | -1): void {
    const { day, hour } = slotOf(facts.createdAt);
    for (const dim of statsDimsOf(facts)) {
      const key = `${dim}\u0000${day}`;
      let row = this.rows.get(key);
      if (!row) {
        row = { dim, day, changes: [] };
        this.rows.set(key, row);
      }
      row.changes.push({ hour, facts, sign });
    }
  }

  async flush(store: StatsStore): Promise<void> {
    const pending = [...this.rows.values()];
    this.rows.clear();
    await Promise.all(
      pending.map(async ({ dim, day, changes }) => {
        const row = (await store.get([dim, day])) ?? { dim, day, hours: {} };
        for (const { hour, facts, sign } of changes) {
          const cell = (row.hours[hour] ??= emptyHour());
          applyFacts(cell, facts, sign);
          if (cell.n <= 0) delete row.hours[hour];
        }
        await (Object.keys(row.hours).length === 0 ? store.delete([dim, day]) : store.put(row));
      }),
    );
  }
}

/** The rows a full recount of these facts gives (tests compare them with the kept ones). */
export function statsRowsOf(allFacts: readonly CaseFacts[]): StatsRow[] {
  const rows = new Map<string, StatsRow>();
  for (const facts of allFacts) {
    const { day, hour } = slotOf(facts.createdAt);
    for (const dim of statsDimsOf(facts)) {
      const key = `${dim}\u0000${day}`;
      const row = rows.get(key) ?? { dim, day, hours: {} };
      rows.set(key, row);
      applyFacts((row.hours[hour] ??= emptyHour()), facts, 1);
    }
  }
  return [...rows.values()];
}
