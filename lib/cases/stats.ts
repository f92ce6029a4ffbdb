import type { IDBPObjectStore } from 'idb';
import { OPEN_STATUSES } from '../domain/case';
import { STATS_CATEGORIES, type StatsCategory } from '../domain/case-views';
import type { CaseDb, CaseDbSchema, CaseFacts, StatsHour } from '../db/schema';
import type { Priority } from '../domain/triage';
import { addDays, instantOfLocal, localDateTime } from '../workflow/local-time';
import { DEFAULT_RESPONSE_TARGETS, targetMsFor, type ResponseTargets } from '../workflow/targets';
import { assigneeFilterKey, factsPass, matchingCaseIds, type CaseQueryFilter } from './query';
import { applyFacts, DAY_MS, emptyHour, HOUR_MS, UNCATEGORIZED } from './stats-rows';
import { settle } from './tx';

/** Longest range the daily chart covers. */
export const MAX_STATS_DAYS = 366;
export { STATS_CATEGORIES, type StatsCategory, UNCATEGORIZED };

export interface DayVolume {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  total: number;
  byCategory: Partial<Record<StatsCategory, number>>;
}

export interface DurationStats {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface CaseStats {
  /** Cases the stats cover. */
  total: number;
  days: DayVolume[];
  firstResponse: DurationStats;
  /** Time to resolution of the cases that were answered (an unanswered one is not a resolution time). */
  resolution: DurationStats;
  /** Resolved or closed cases that never got a first response (spam, not actionable, resolved unanswered). */
  resolvedWithoutResponse: number;
  /** Cases that missed (or, still waiting, are past) their first-response target. */
  breaches: number;
}

export interface StatsOptions {
  now: number;
  targets?: ResponseTargets;
  /** IANA zone for the daily buckets (the dashboard's). */
  timeZone: string;
}

/**
 * Stats over the cases the dashboard filter matches. A filter of dates and at most one of platform,
 * status, priority, category or brand is answered from the kept stats (stats-rows.ts): one record
 * per day, whatever the store holds, plus the facts of a partial hour at either end of the range.
 * Any other filter (two of those kinds, an assignee, a search or an author) reads the matching
 * case_facts records: one index range of its narrowest indexed kind, or the matching id list.
 */
export async function caseStats(db: CaseDb, filter: CaseQueryFilter, options: StatsOptions): Promise<CaseStats> {
  const dims = keptDimsOf(filter);
  if (dims !== null) {
    const kept = await keptStats(db, dims, filter, options);
    if (kept !== null) return kept;
  }
  return summarizeFacts(await filteredFacts(db, filter), filter, options);
}

async function filteredFacts(db: CaseDb, filter: CaseQueryFilter): Promise<CaseFacts[]> {
  const ids = needsIdList(filter) ? await matchingCaseIds(db, filter) : null;
  const tx = db.transaction('case_facts', 'readonly');
  return settle(tx, async () => {
    if (ids !== null) {
      const found = await Promise.all(ids.map((id) => tx.store.get(id)));
      return found.filter((item): item is CaseFacts => item !== undefined);
    }
    const read = await Promise.all(indexRangeReads(tx.store, filter));
    return read.flat().filter((item) => factsPass(item, filter));
  });
}

function needsIdList(filter: CaseQueryFilter): boolean {
  return [filter.search?.trim(), filter.author].some((value) => value !== undefined && value !== '');
}

/** The kept dimension values whose sum is the filter (dates aside); null when they cannot answer it. */
export function keptDimsOf(filter: CaseQueryFilter): string[] | null {
  // The kept rows have no assignee dimension: an assignee filter reads its index (indexRangeReads).
  if (needsIdList(filter) || assigneeFilterKey(filter) !== undefined) return null;
  const named = [
    filter.platform === undefined ? null : [`platform:${filter.platform}`],
    filter.priority === undefined ? null : [`priority:${filter.priority}`],
    filter.category === undefined ? null : [`category:${filter.category}`],
    filter.brandId === undefined ? null : [`brand:${filter.brandId}`],
    filter.status === undefined
      ? null
      : filter.status === 'open'
        ? OPEN_STATUSES.map((status) => `status:${status}`)
        : [`status:${filter.status}`],
  ].filter((dims): dims is string[] => dims !== null);
  if (named.length > 1) return null;
  return named[0] ?? ['all'];
}

/**
 * Stats from the kept rows: whole hours inside [from, to) from the rows, a partial hour at either
 * end from its facts. Null when the time zone's days do not start on whole UTC hours (the facts
 * path answers those).
 */
async function keptStats(db: CaseDb, dims: readonly string[], filter: CaseQueryFilter, options: StatsOptions): Promise<CaseStats | null> {
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  if (!(from < to)) return null;
  const tx = db.transaction(['case_stats', 'case_facts'], 'readonly');
  const [rows, edges] = await settle(tx, () => {
    const days = IDBKeyRange.bound(Math.floor(from / DAY_MS), Math.floor((to - 1) / DAY_MS));
    const stats = tx.objectStore('case_stats');
    const byCreated = tx.objectStore('case_facts').index('createdAt');
    const edgeReads = partialHours(from, to).map(([start, end]) => byCreated.getAll(IDBKeyRange.bound(start, end, false, true)));
    return Promise.all([
      Promise.all(dims.map((dim) => stats.getAll(IDBKeyRange.bound([dim, days.lower], [dim, days.upper])))),
      Promise.all(edgeReads),
    ]);
  });
  const total = emptyHour();
  const points: VolumePoint[] = [];
  for (const row of rows.flat()) {
    for (const [hourKey, hour] of Object.entries(row.hours)) {
      const start = row.day * DAY_MS + Number(hourKey) * HOUR_MS;
      if (start < from || start + HOUR_MS > to) continue;
      mergeHour(total, hour);
      for (const [category, n] of Object.entries(hour.byCategory)) points.push({ at: start, category, n });
    }
  }
  for (const facts of edges.flat()) {
    if (!factsPass(facts, filter)) continue;
    applyFacts(total, facts, 1);
    points.push({ at: facts.createdAt, category: facts.category ?? UNCATEGORIZED, n: 1 });
  }
  const starts = dayStartsOf(points, filter, options);
  if (starts.some(({ start }) => start % HOUR_MS !== 0)) return null;
  return summarize(total, bucketDays(starts, points), options);
}

/** The partial hours at the ends of [from, to): what the kept rows cannot split. */
function partialHours(from: number, to: number): [number, number][] {
  const firstWhole = Number.isFinite(from) ? Math.ceil(from / HOUR_MS) * HOUR_MS : from;
  const lastWhole = Number.isFinite(to) ? Math.floor(to / HOUR_MS) * HOUR_MS : to;
  if (firstWhole >= lastWhole) return [[from, to]];
  const parts: [number, number][] = [];
  if (firstWhole > from) parts.push([from, firstWhole]);
  if (lastWhole < to) parts.push([lastWhole, to]);
  return parts;
}

function mergeHour(into: StatsHour, hour: StatsHour): void {
  into.n += hour.n;
  into.unanswered += hour.unanswered;
  pushAll(into.firstResponse, hour.firstResponse);
  pushAll(into.resolution, hour.resolution);
  for (const [priority, values] of Object.entries(hour.stopped)) pushAll((into.stopped[priority] ??= []), values);
  for (const [priority, values] of Object.entries(hour.running)) pushAll((into.running[priority] ??= []), values);
}

/** push(...values) overflows the stack on long lists. */
function pushAll(into: number[], values: readonly number[]): void {
  for (const value of values) into.push(value);
}

type FactsStore = Pick<IDBPObjectStore<CaseDbSchema, ['case_facts'], 'case_facts'>, 'index'>;

/** The reads holding every case the filter can match: one index range of its narrowest indexed kind. */
function indexRangeReads(store: FactsStore, filter: CaseQueryFilter): Promise<CaseFacts[]>[] {
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  const createdIn = <K>(key: K) => IDBKeyRange.bound([key, from], [key, to], false, true);
  const assignee = assigneeFilterKey(filter);
  // One person's cases are usually the fewest; the unassigned ones rarely.
  if (assignee) return [store.index('assignee_createdAt').getAll(createdIn(assignee))];
  if (filter.category !== undefined) return [store.index('category_createdAt').getAll(createdIn(filter.category))];
  if (filter.priority !== undefined) return [store.index('priority_createdAt').getAll(createdIn(filter.priority))];
  if (filter.status !== undefined && filter.status !== 'open') return [store.index('status_createdAt').getAll(createdIn(filter.status))];
  if (filter.platform !== undefined) return [store.index('platform_createdAt').getAll(createdIn(filter.platform))];
  if (filter.brandId !== undefined) return [store.index('brandIds').getAll(filter.brandId)];
  if (assignee === '') return [store.index('assignee_createdAt').getAll(createdIn(assignee))];
  if (filter.status === 'open') return OPEN_STATUSES.map((status) => store.index('status_createdAt').getAll(createdIn(status)));
  return [store.index('createdAt').getAll(IDBKeyRange.bound(from, to, false, true))];
}

/** Pure part of caseStats over facts records, exported for tests: the same summary the kept rows give. */
export function summarizeFacts(facts: readonly CaseFacts[], filter: CaseQueryFilter, options: StatsOptions): CaseStats {
  const total = emptyHour();
  for (const item of facts) applyFacts(total, item, 1);
  const points = facts.map((item) => ({ at: item.createdAt, category: item.category ?? UNCATEGORIZED, n: 1 }));
  return summarize(total, bucketDays(dayStartsOf(points, filter, options), points), options);
}

/** The summary of every case gathered in `total` (an hour's shape, merged over the range). */
function summarize(total: StatsHour, days: DayVolume[], options: StatsOptions): CaseStats {
  const targets = options.targets ?? DEFAULT_RESPONSE_TARGETS;
  let breaches = 0;
  for (const [priority, values] of Object.entries(total.stopped)) {
    const target = targetMsFor(priority as Priority, targets);
    for (const value of values) if (value > target) breaches += 1;
  }
  for (const [priority, values] of Object.entries(total.running)) {
    const target = targetMsFor(priority as Priority, targets);
    for (const clockStart of values) if (options.now > clockStart + target) breaches += 1;
  }
  return {
    total: total.n,
    days,
    firstResponse: durationStats(total.firstResponse),
    resolution: durationStats(total.resolution),
    resolvedWithoutResponse: total.unanswered,
    breaches,
  };
}

export function durationStats(values: number[]): DurationStats {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, medianMs: percentile(sorted, 0.5), p90Ms: percentile(sorted, 0.9) };
}

/** Nearest-rank percentile of an ascending list (the value at rank ceil(p * n)); null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? null;
}

/** Cases logged at one instant (a case) or within one whole hour (kept rows), of one category. */
interface VolumePoint {
  at: number;
  category: string;
  n: number;
}

interface DayStart {
  date: string;
  start: number;
}

/**
 * One bucket per local day from the filter's start (or the first case) to its end (or now),
 * at most MAX_STATS_DAYS, the latest days kept. Day starts are computed once per day, and each
 * case is placed by binary search, so 100,000 cases cost no time-zone conversions.
 */
function dayStartsOf(points: readonly VolumePoint[], filter: CaseQueryFilter, { now, timeZone }: StatsOptions): DayStart[] {
  if (points.length === 0 && filter.from === undefined) return [];
  let first = filter.from ?? Infinity;
  for (const point of points) if (point.at < first) first = point.at;
  const last = Math.max(first, (filter.to ?? now + 1) - 1);

  let day: { year: number; month: number; day: number } = localDateTime(last, timeZone);
  const starts: DayStart[] = [];
  for (let i = 0; i < MAX_STATS_DAYS; i += 1) {
    const start = instantOfLocal(day, 0, 0, timeZone);
    starts.unshift({ date: isoDate(day), start });
    if (start <= first) break;
    day = addDays(day, -1);
  }
  return starts;
}

function bucketDays(starts: readonly DayStart[], points: readonly VolumePoint[]): DayVolume[] {
  const days: DayVolume[] = starts.map(({ date }) => ({ date, total: 0, byCategory: {} }));
  const firstStart = starts[0]?.start ?? 0;
  for (const point of points) {
    if (point.at < firstStart) continue;
    const bucket = days[lastStartAtOrBefore(starts, point.at)];
    if (!bucket) continue;
    const category = point.category as StatsCategory;
    bucket.total += point.n;
    bucket.byCategory[category] = (bucket.byCategory[category] ?? 0) + point.n;
  }
  return days;
}

function lastStartAtOrBefore(starts: readonly { start: number }[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((starts[mid]?.start ?? Infinity) <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

function isoDate(date: { year: number; month: number; day: number }): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
