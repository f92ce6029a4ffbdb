import { isOpenStatus, OPEN_STATUSES, type Case, type CaseStatus } from '../domain/case';
import type { Platform } from '../domain/post';
import type { CategoryId, Priority } from '../domain/triage';
import type { CaseDb, CaseFacts } from '../db/schema';
import { settle } from './tx';
import { newestFirst, walkSearch, type SearchWalk, type WordKey } from './search-walk';
import { searchWordVariants, type Teammate } from './teammate-search';
import { wordMatchingIds } from './word-search';
import { searchWordsOf } from './words';
import { writeVersion } from './write-version';
import { assigneeKey } from './facts';

/** Dashboard filters; every one is optional and they combine with AND. */
export interface CaseQueryFilter {
  /** One status, or 'open' for all four open ones. */
  status?: CaseStatus | 'open' | undefined;
  platform?: Platform | undefined;
  brandId?: string | undefined;
  priority?: Priority | undefined;
  category?: CategoryId | undefined;
  /** Logged at or after (epoch ms). */
  from?: number | undefined;
  /** Logged before (epoch ms). */
  to?: number | undefined;
  /**
   * Words (case-insensitive) that each start a word of the ref (or a merged-away one), the author's
   * name or @handle, the post text, notes, tags or assignee (lib/cases/words.ts). A search without
   * any word (e.g. "@") matches that text anywhere in those fields instead.
   */
  search?: string | undefined;
  /**
   * The agents a search word may name: a word starting a teammate's name also finds the cases
   * assigned to them (teammate-search.ts). Filled by the background from the roster, never sent.
   */
  teammates?: readonly Teammate[] | undefined;
  /** Assigned to this person (case-insensitive, whole name; case_facts index it, v8); null for unassigned cases. */
  assignee?: string | null | undefined;
  /** Posted by this author: their handle (a leading @ ignored), or their name when the post has no handle. */
  author?: string | undefined;
}

export interface CasePage {
  /** Cases matching the filter; at least this many when `totalIsLowerBound`. */
  total: number;
  /**
   * A word search whose words are all common stops once it has found a page ahead of the one
   * asked for (search-walk.ts): it knows more matches exist, not how many.
   */
  totalIsLowerBound?: boolean;
  offset: number;
  /** Newest first. */
  cases: Case[];
}

const SEARCH_BATCH = 500;
/** A walked search finds this many matches past the page asked for, so the list can grow as it scrolls. */
const WALK_AHEAD = 50;
const CACHE_SIZE = 4;
/** Search results up to this many are narrowed by the other filters one facts record each; more by the index lists. */
const FACT_CHECK_LIMIT = 5_000;

interface CachedIds {
  version: number;
  ids: readonly string[];
}
const idCache = new WeakMap<CaseDb, Map<string, CachedIds>>();

/**
 * One page of matching cases, newest first. The matching ids come from key lists of the
 * case_facts indexes (no case is loaded to filter, except to search text); the list is cached
 * per filter until the next write, so scrolling through a virtualized list only loads the rows shown.
 */
export async function queryCases(db: CaseDb, filter: CaseQueryFilter, offset: number, limit: number): Promise<CasePage> {
  const walked = await walkedIds(db, filter, offset + limit);
  const ids = walked?.ids ?? (await matchingCaseIds(db, filter));
  const pageIds = ids.slice(offset, offset + limit);
  const tx = db.transaction('cases', 'readonly');
  const found = await settle(tx, () => Promise.all(pageIds.map((id) => tx.store.get(id))));
  const page: CasePage = { total: ids.length, offset, cases: found.filter((item): item is Case => item !== undefined) };
  if (walked && !walked.complete) page.totalIsLowerBound = true;
  return page;
}

const walkCache = new WeakMap<CaseDb, Map<string, SearchWalk & { version: number }>>();

/**
 * A word search's matches, newest first, at least `needed` of them when there are that many
 * (a page's worth beyond, so the list knows there is more); null for filters a walk cannot
 * answer (no search word, or an author filter). Kept per filter until the next write.
 */
async function walkedIds(db: CaseDb, filter: CaseQueryFilter, needed: number): Promise<SearchWalk | null> {
  const words = searchWordsOf(filter.search ?? '');
  if (words.length === 0 || contentFilterOf(filter, true) !== null) return null;
  // A teammate's name makes the search a union of word lists: the full lookup answers it.
  if (searchWordVariants(words, filter.teammates ?? []).length > 1) return null;
  const key = JSON.stringify(normalizedFilter(filter));
  const version = writeVersion();
  let cache = walkCache.get(db);
  const hit = cache?.get(key);
  if (hit && hit.version === version && (hit.complete || hit.ids.length >= needed)) return hit;
  const wanted = Math.max(needed + WALK_AHEAD, hit && hit.version === version ? hit.ids.length * 2 : 0);
  const accept = hasIndexedFilter(filter) ? (facts: CaseFacts) => factsPass(facts, filter) : null;
  const walk = await walkSearch(db, { words, from: filter.from ?? -Infinity, to: filter.to ?? Infinity, wanted, accept });
  if (!cache) {
    cache = new Map();
    walkCache.set(db, cache);
  }
  cache.delete(key);
  cache.set(key, { ...walk, version });
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return walk;
}

/** Ids of the cases matching `filter`, newest first (by createdAt, then id). */
export async function matchingCaseIds(db: CaseDb, filter: CaseQueryFilter): Promise<readonly string[]> {
  const key = JSON.stringify(normalizedFilter(filter));
  const version = writeVersion();
  let cache = idCache.get(db);
  const hit = cache?.get(key);
  if (hit && hit.version === version) return hit.ids;

  const ids = await computeIds(db, filter);
  if (!cache) {
    cache = new Map();
    idCache.set(db, cache);
  }
  cache.delete(key);
  cache.set(key, { version, ids });
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return ids;
}

function normalizedFilter(filter: CaseQueryFilter): CaseQueryFilter {
  const search = filter.search?.trim().toLowerCase();
  return { ...filter, search: search || undefined };
}

/** The filters only a loaded case can answer (no index holds them), lower-cased; null when there are none. */
interface ContentFilter {
  search?: string | undefined;
  author?: string | undefined;
}

function contentFilterOf(filter: CaseQueryFilter, searchByWords: boolean): ContentFilter | null {
  const search = searchByWords ? undefined : filter.search?.trim().toLowerCase() || undefined;
  const author = filter.author?.trim().replace(/^@/, '').toLowerCase() || undefined;
  if (search === undefined && author === undefined) return null;
  return { search, author };
}

/** The assignee filter as facts key it ('' for unassigned); undefined when there is none (an empty name filters nothing). */
export function assigneeFilterKey(filter: CaseQueryFilter): string | undefined {
  if (filter.assignee === null) return '';
  return filter.assignee?.trim() ? assigneeKey(filter.assignee) : undefined;
}

async function computeIds(db: CaseDb, filter: CaseQueryFilter): Promise<readonly string[]> {
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  if (from >= to) return [];
  const searchWords = searchWordsOf(filter.search ?? '');
  let ids: readonly string[];
  if (searchWords.length > 0) {
    const found = await teammateAwareIds(db, searchWordVariants(searchWords, filter.teammates ?? []), from, to);
    ids = hasIndexedFilter(filter) ? await keepIndexed(db, found, filter) : found;
  } else {
    ids = await indexedIds(db, filter, from, to);
  }
  const content = contentFilterOf(filter, searchWords.length > 0);
  return content ? contentMatchingIds(db, ids, content) : ids;
}

/** The cases matching any of the word lists, newest first (by createdAt, then id), each once. */
async function teammateAwareIds(db: CaseDb, variants: readonly string[][], from: number, to: number): Promise<readonly string[]> {
  if (variants.length === 1) return wordMatchingIds(db, variants[0]!, from, to);
  const found = new Set((await Promise.all(variants.map((words) => wordMatchingIds(db, words, from, to)))).flat());
  const tx = db.transaction('case_facts', 'readonly');
  const keys = await settle(tx, () =>
    Promise.all([...found].map(async (id): Promise<WordKey> => [(await tx.store.get(id))?.createdAt ?? 0, id])),
  );
  return keys.sort(newestFirst).map(([, id]) => id);
}

/** A filter any case_facts index holds, besides the time range. */
export function hasIndexedFilter(filter: CaseQueryFilter): boolean {
  return [filter.status, filter.platform, filter.priority, filter.category, filter.brandId, assigneeFilterKey(filter)].some(
    (value) => value !== undefined,
  );
}

/** Whether one facts record passes the indexed filters (the time range included). */
export function factsPass(facts: CaseFacts, filter: CaseQueryFilter): boolean {
  if (filter.from !== undefined && facts.createdAt < filter.from) return false;
  if (filter.to !== undefined && facts.createdAt >= filter.to) return false;
  if (filter.status === 'open' ? !isOpenStatus(facts.status) : filter.status !== undefined && facts.status !== filter.status) return false;
  if (filter.platform !== undefined && facts.platform !== filter.platform) return false;
  if (filter.priority !== undefined && facts.priority !== filter.priority) return false;
  if (filter.category !== undefined && facts.category !== filter.category) return false;
  const assignee = assigneeFilterKey(filter);
  if (assignee !== undefined && facts.assignee !== assignee) return false;
  return filter.brandId === undefined || facts.brandIds.includes(filter.brandId);
}

/** Narrow search results (in order) by the indexed filters: record by record when few, else by the index lists. */
async function keepIndexed(db: CaseDb, ids: readonly string[], filter: CaseQueryFilter): Promise<readonly string[]> {
  if (ids.length > FACT_CHECK_LIMIT) {
    const matching = new Set(await indexedIds(db, filter, filter.from ?? -Infinity, filter.to ?? Infinity));
    return ids.filter((id) => matching.has(id));
  }
  const tx = db.transaction('case_facts', 'readonly');
  const facts = await settle(tx, () => Promise.all(ids.map((id) => tx.store.get(id))));
  return ids.filter((_, i) => {
    const found = facts[i];
    return found !== undefined && factsPass(found, filter);
  });
}

/** Ids matching the indexed filters, newest first, from key lists of the case_facts indexes. */
async function indexedIds(db: CaseDb, filter: CaseQueryFilter, from: number, to: number): Promise<string[]> {
  const createdIn = <K>(key: K) => IDBKeyRange.bound([key, from], [key, to], false, true);

  const tx = db.transaction('case_facts', 'readonly');
  const facts = tx.store;
  return settle(tx, async () => {
    // Each filter is a key list from one index; the first one that is ordered by createdAt
    // drives the order, the others narrow it down as sets.
    const lists: Promise<string[]>[] = [];
    if (filter.status === 'open') {
      lists.push(
        Promise.all(OPEN_STATUSES.map((status) => facts.index('status_createdAt').getAllKeys(createdIn(status)))).then((parts) =>
          parts.flat(),
        ),
      );
    }
    const ordered: Promise<string[]>[] = [];
    if (filter.status !== undefined && filter.status !== 'open')
      ordered.push(facts.index('status_createdAt').getAllKeys(createdIn(filter.status)));
    if (filter.platform !== undefined) ordered.push(facts.index('platform_createdAt').getAllKeys(createdIn(filter.platform)));
    if (filter.priority !== undefined) ordered.push(facts.index('priority_createdAt').getAllKeys(createdIn(filter.priority)));
    if (filter.category !== undefined) ordered.push(facts.index('category_createdAt').getAllKeys(createdIn(filter.category)));
    const assignee = assigneeFilterKey(filter);
    if (assignee !== undefined) ordered.push(facts.index('assignee_createdAt').getAllKeys(createdIn(assignee)));
    if (filter.brandId !== undefined) lists.push(facts.index('brandIds').getAllKeys(filter.brandId));
    if (ordered.length === 0) ordered.push(facts.index('createdAt').getAllKeys(IDBKeyRange.bound(from, to, false, true)));

    const [driver, ...others] = await Promise.all(ordered);
    const sets = [...others, ...(await Promise.all(lists))].map((keys) => new Set(keys));
    const kept = (driver ?? []).filter((id) => sets.every((set) => set.has(id)));
    // Keys come oldest first (ties by id); the dashboard shows the newest first.
    return kept.reverse();
  });
}

/** Keep the ids whose case passes the content filter; loads cases in batches inside one transaction. */
async function contentMatchingIds(db: CaseDb, ids: readonly string[], content: ContentFilter): Promise<readonly string[]> {
  const tx = db.transaction('cases', 'readonly');
  return settle(tx, async () => {
    const kept: string[] = [];
    for (let start = 0; start < ids.length; start += SEARCH_BATCH) {
      const batch = await Promise.all(ids.slice(start, start + SEARCH_BATCH).map((id) => tx.store.get(id)));
      for (const item of batch) if (item && passesContent(item, content)) kept.push(item.id);
    }
    return kept;
  });
}

function passesContent(item: Case, content: ContentFilter): boolean {
  if (content.search !== undefined && !caseMentions(item, content.search)) return false;
  if (content.author !== undefined && authorKey(item) !== content.author) return false;
  return true;
}

/** Who posted the case, as the author filter compares it: the handle without @, else the name. */
export function authorKey(item: Case): string {
  const handle = item.post.authorHandle?.trim().replace(/^@/, '');
  return (handle || item.post.authorName.trim()).toLowerCase();
}

/** `needle` is lower-case; "@name" also finds the handle "name" (handles are stored with or without the @). */
export function caseMentions(item: Case, needle: string): boolean {
  const handle = item.post.authorHandle?.toLowerCase() ?? '';
  const bareNeedle = needle.replace(/^@/, '');
  return (
    item.ref.toLowerCase().includes(needle) ||
    (item.aliasRefs?.some((ref) => ref.toLowerCase().includes(needle)) ?? false) ||
    item.post.authorName.toLowerCase().includes(needle) ||
    (handle !== '' && (handle.includes(needle) || (bareNeedle !== '' && handle.replace(/^@/, '').includes(bareNeedle)))) ||
    item.post.text.toLowerCase().includes(needle) ||
    (item.assignee?.toLowerCase().includes(needle) ?? false) ||
    (item.tags?.some((tag) => tag.toLowerCase().includes(needle)) ?? false) ||
    (item.notes?.some((note) => note.text.toLowerCase().includes(needle)) ?? false)
  );
}
