import { CASE_STATUSES, type CaseStatus } from '../../lib/domain/case';
import { PLATFORMS, type Platform } from '../../lib/domain/post';
import { CATEGORY_IDS, PRIORITIES, type CategoryId, type Priority } from '../../lib/domain/triage';
import type { CaseQueryFilterInput } from '../../lib/domain/case-views';

/** What the filter bar holds: form values, '' meaning "any". Dates are local YYYY-MM-DD. */
export interface FilterState {
  status: CaseStatus | 'open' | '';
  platform: Platform | '';
  brandId: string;
  priority: Priority | '';
  category: CategoryId | '';
  fromDate: string;
  toDate: string;
  search: string;
  /** A person's whole name ('' any), unless `unassigned`. */
  assignee: string;
  unassigned: boolean;
  /** "My cases": assigned to this install's agent (its id is filled in by toQueryFilter). */
  mine: boolean;
}

export const EMPTY_FILTERS: FilterState = {
  status: '',
  platform: '',
  brandId: '',
  priority: '',
  category: '',
  fromDate: '',
  toDate: '',
  search: '',
  assignee: '',
  unassigned: false,
  mine: false,
};

/** Matches no case (no assignee holds a NUL): "My cases" before this agent's id has loaded. */
const UNKNOWN_AGENT = '\u0000unknown-agent';

/** Filters stick across visits (this page's own storage; nothing sensitive). */
export const FILTERS_STORAGE_KEY = 'careside:dashboard:filters';

/** Stored filters, each value checked: a stale or edited entry falls back to "any". */
export function restoreFilters(raw: string | null): FilterState {
  if (!raw) return EMPTY_FILTERS;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return EMPTY_FILTERS;
  }
  if (typeof value !== 'object' || value === null) return EMPTY_FILTERS;
  const record = value as Record<string, unknown>;
  const pick = <T extends string>(key: string, allowed: readonly T[]): T | '' => {
    const item = record[key];
    return typeof item === 'string' && (allowed as readonly string[]).includes(item) ? (item as T) : '';
  };
  const text = (key: string, max: number, pattern?: RegExp) => {
    const item = record[key];
    return typeof item === 'string' && item.length <= max && (!pattern || pattern.test(item)) ? item : '';
  };
  const date = /^\d{4}-\d{2}-\d{2}$/;
  return {
    status: pick('status', [...CASE_STATUSES, 'open'] as const),
    platform: pick('platform', PLATFORMS),
    brandId: text('brandId', 100),
    priority: pick('priority', PRIORITIES),
    category: pick('category', CATEGORY_IDS),
    fromDate: text('fromDate', 10, date),
    toDate: text('toDate', 10, date),
    search: text('search', 200),
    assignee: text('assignee', 100),
    unassigned: record.unassigned === true,
    mine: record.mine === true,
  };
}

/** Midnight at the start of a local YYYY-MM-DD date, or undefined when not a date. */
export function localDayStart(date: string, dayOffset = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Not a real calendar date (month 13, 31 April): refuse rather than roll over.
  const check = new Date(year, month - 1, day);
  if (check.getFullYear() !== year || check.getMonth() !== month - 1 || check.getDate() !== day) return undefined;
  const at = new Date(year, month - 1, day + dayOffset).getTime();
  return Number.isFinite(at) && at >= 0 ? at : undefined;
}

/**
 * The background's filter: empty values dropped, the "to" date inclusive (up to the next midnight).
 * "My cases" is the assignee filter on `myAgentId` (until it is known, nothing is mine).
 */
export function toQueryFilter(state: FilterState, myAgentId?: string): CaseQueryFilterInput {
  const filter: CaseQueryFilterInput = {};
  if (state.status) filter.status = state.status;
  if (state.platform) filter.platform = state.platform;
  if (state.brandId) filter.brandId = state.brandId;
  if (state.priority) filter.priority = state.priority;
  if (state.category) filter.category = state.category;
  const from = localDayStart(state.fromDate);
  const to = localDayStart(state.toDate, 1);
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  const search = state.search.trim();
  if (search) filter.search = search;
  const assignee = state.assignee.trim();
  if (state.mine) filter.assignee = myAgentId ?? UNKNOWN_AGENT;
  else if (state.unassigned) filter.assignee = null;
  else if (assignee) filter.assignee = assignee;
  return filter;
}
