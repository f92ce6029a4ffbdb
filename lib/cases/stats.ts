import type { IDBPObjectStore } from 'idb';
import { isOpenStatus, OPEN_STATUSES } from '../domain/case';
import { STATS_CATEGORIES, type StatsCategory } from '../domain/case-views';
import type { CaseDb, CaseDbSchema, CaseFacts } from '../db/schema';
import { addDays, instantOfLocal, localDateTime } from '../workflow/local-time';
import { DEFAULT_RESPONSE_TARGETS, targetMsFor, type ResponseTargets } from '../workflow/targets';
import { factsPass, matchingCaseIds, type CaseQueryFilter } from './query';
import { settle } from './tx';

/** Longest range the daily chart covers. */
export const MAX_STATS_DAYS = 366;
export const UNCATEGORIZED = 'uncategorized' satisfies StatsCategory;
export { STATS_CATEGORIES, type StatsCategory };

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
 * Stats over the cases the dashboard filter matches. Reads only the small case_facts records
 * (never the cases): volume per local day and category, median and 90th percentile time to
 * first response and to resolution, and target breaches. Indexed filters read one index range
 * (the narrowest kind the filter has) and check the rest on the records; only a search or an
 * assignee/author filter goes through the matching id list.
 */
export async function caseStats(db: CaseDb, filter: CaseQueryFilter, options: StatsOptions): Promise<CaseStats> {
  const ids = needsIdList(filter) ? await matchingCaseIds(db, filter) : null;
  const tx = db.transaction('case_facts', 'readonly');
  const facts = await settle(tx, async () => {
    if (ids !== null) {
      const found = await Promise.all(ids.map((id) => tx.store.get(id)));
      return found.filter((item): item is CaseFacts => item !== undefined);
    }
    const read = await Promise.all(indexRangeReads(tx.store, filter));
    return read.flat().filter((item) => factsPass(item, filter));
  });
  return summarizeFacts(facts, filter, options);
}

function needsIdList(filter: CaseQueryFilter): boolean {
  return [filter.search?.trim(), filter.assignee, filter.author].some((value) => value !== undefined && value !== '');
}

type FactsStore = Pick<IDBPObjectStore<CaseDbSchema, ['case_facts'], 'case_facts'>, 'index'>;

/** The reads holding every case the filter can match: one index range of its narrowest indexed kind. */
function indexRangeReads(store: FactsStore, filter: CaseQueryFilter): Promise<CaseFacts[]>[] {
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  const createdIn = <K>(key: K) => IDBKeyRange.bound([key, from], [key, to], false, true);
  if (filter.category !== undefined) return [store.index('category_createdAt').getAll(createdIn(filter.category))];
  if (filter.priority !== undefined) return [store.index('priority_createdAt').getAll(createdIn(filter.priority))];
  if (filter.status !== undefined && filter.status !== 'open') return [store.index('status_createdAt').getAll(createdIn(filter.status))];
  if (filter.platform !== undefined) return [store.index('platform_createdAt').getAll(createdIn(filter.platform))];
  if (filter.brandId !== undefined) return [store.index('brandIds').getAll(filter.brandId)];
  if (filter.status === 'open') return OPEN_STATUSES.map((status) => store.index('status_createdAt').getAll(createdIn(status)));
  return [store.index('createdAt').getAll(IDBKeyRange.bound(from, to, false, true))];
}

/** Pure part of caseStats, exported for tests. */
export function summarizeFacts(facts: readonly CaseFacts[], filter: CaseQueryFilter, options: StatsOptions): CaseStats {
  const targets = options.targets ?? DEFAULT_RESPONSE_TARGETS;
  const firstResponse: number[] = [];
  const resolution: number[] = [];
  let breaches = 0;
  let resolvedWithoutResponse = 0;
  for (const item of facts) {
    if (item.firstResponseAt !== undefined) firstResponse.push(Math.max(0, item.firstResponseAt - item.clockStart));
    if (item.firstResponseAt === undefined && !isOpenStatus(item.status)) resolvedWithoutResponse += 1;
    else if (item.resolvedAt !== undefined) resolution.push(Math.max(0, item.resolvedAt - item.clockStart));
    const stopped = item.stoppedAt ?? options.now;
    if (stopped > item.clockStart + targetMsFor(item.priority, targets)) breaches += 1;
  }
  return {
    total: facts.length,
    days: dailyVolume(facts, filter, options),
    firstResponse: durationStats(firstResponse),
    resolution: durationStats(resolution),
    resolvedWithoutResponse,
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

/**
 * One bucket per local day from the filter's start (or the first case) to its end (or now),
 * at most MAX_STATS_DAYS, the latest days kept. Day starts are computed once per day, and each
 * case is placed by binary search, so 100,000 cases cost no time-zone conversions.
 */
function dailyVolume(facts: readonly CaseFacts[], filter: CaseQueryFilter, { now, timeZone }: StatsOptions): DayVolume[] {
  if (facts.length === 0 && filter.from === undefined) return [];
  let first = filter.from ?? Infinity;
  for (const item of facts) if (item.createdAt < first) first = item.createdAt;
  const last = Math.max(first, (filter.to ?? now + 1) - 1);

  let day: { year: number; month: number; day: number } = localDateTime(last, timeZone);
  const starts: { date: string; start: number }[] = [];
  for (let i = 0; i < MAX_STATS_DAYS; i += 1) {
    const start = instantOfLocal(day, 0, 0, timeZone);
    starts.unshift({ date: isoDate(day), start });
    if (start <= first) break;
    day = addDays(day, -1);
  }
  const days: DayVolume[] = starts.map(({ date }) => ({ date, total: 0, byCategory: {} }));
  const firstStart = starts[0]?.start ?? 0;
  for (const item of facts) {
    if (item.createdAt < firstStart) continue;
    const bucket = days[lastStartAtOrBefore(starts, item.createdAt)];
    if (!bucket) continue;
    const category: StatsCategory = item.category ?? UNCATEGORIZED;
    bucket.total += 1;
    bucket.byCategory[category] = (bucket.byCategory[category] ?? 0) + 1;
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
