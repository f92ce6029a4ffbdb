import { unwrap, type IDBPIndex, type IDBPTransaction } from 'idb';
import type { CaseDb, CaseDbSchema, CaseFacts, CaseWords } from '../db/schema';
import { settle } from './tx';
import { batchedKeys, newestKeysReader, type NewestKeysReader } from './newest-keys';
import { wordPrefixRange, wordsMatch } from './words';

export type WordKey = [number, string];
type SearchTx = IDBPTransaction<CaseDbSchema, ['case_words', 'case_facts'], 'readonly'>;

/**
 * A word with at most this many cases is read whole: its matches are all found and counted exactly.
 * More are walked a page at a time and counted as "N+", and cannot be selected or deleted
 * whole. 1,000 keeps that for searches a team runs on an ordinary store; the probe of a common word
 * is read in full before the walk starts (1,001 keys 230 ms against 82 ms for 201 on the loaded
 * bench machine, scripts/bench/search-profile.ts): a smaller probe is faster but counts less.
 */
export const COMPLETE_PROBE = 1_000;
/** A prefix that starts more distinct words than this is walked over the word store instead of per word. */
const MAX_PREFIX_WORDS = 16;
/** Candidates checked together (one request each, issued at once). */
const CHECK_BATCH = 100;
/** Most candidates one walk examines: past it the walk reports what it found as a lower bound. */
export const MAX_WALK = 20_000;

export interface SearchWalk {
  /** Matching case ids, newest first (by createdAt, then id). */
  ids: string[];
  /** True when every match is in `ids`; false when the walk stopped once it had enough. */
  complete: boolean;
  /** Candidates checked: what a walk costs (one words record and facts record each at most). */
  examined: number;
}

export interface WalkRequest {
  /** Search words, longest first (lib/cases/words.ts searchWordsOf). */
  words: readonly string[];
  from: number;
  to: number;
  /** Stop once this many matches are found. */
  wanted: number;
  /** The other filters, checked on each candidate's facts; null when there are none. */
  accept: ((facts: CaseFacts) => boolean) | null;
  /** Tests lower these to reach the walks with a few cases. */
  probe?: number;
  maxPrefixWords?: number;
  /** Tests turn batched reads off (the cursor fallback) or make batches small. */
  batchReads?: boolean;
  firstBatch?: number;
}

/**
 * Matching ids newest first, bounded by `wanted` rather than by how many cases a word has. When
 * some word has at most COMPLETE_PROBE cases, its list is read whole and every candidate is
 * checked (exact). Otherwise every word is common: the sparsest word's index entries (keyed by
 * [createdAt, id], so already in time order) are walked newest first, each candidate checked
 * against the other words and filters, until `wanted` matches are found.
 */
export async function walkSearch(db: CaseDb, request: WalkRequest): Promise<SearchWalk> {
  const tx = db.transaction(['case_words', 'case_facts'], 'readonly');
  return settle(tx, async () => {
    const index = tx.objectStore('case_words').index('words');
    const probe = request.probe ?? COMPLETE_PROBE;
    // Each typed word's newest entries are asked for with the probes, in the same round trip: when
    // the probes say every word is common, the walk starts from them (a word indexed as typed).
    const started = new Map(request.words.map((word) => [word, startSource(index, word, request)]));
    const probes = await Promise.all(request.words.map((word) => index.getAllKeys(wordPrefixRange(word), probe + 1)));
    const whole = candidatesFromProbes(probes, probe, request.words, request.from, request.to);
    if (whole) {
      return {
        ids: await matching(
          tx,
          whole.candidates.map((key) => ({ key })),
          request,
          whole.unchecked,
        ),
        complete: true,
        examined: whole.candidates.length,
      };
    }
    return walkNewestFirst(tx, request, started);
  });
}

/**
 * When some word's probe read its whole list (at most `probeLimit` keys): the candidates, newest first,
 * are the rarest such list's cases in [from, to) that every other whole list also holds; `unchecked`
 * are the words whose lists were longer, to be checked on each candidate's words. Undefined when every
 * word is common.
 */
export function candidatesFromProbes(
  probes: readonly WordKey[][],
  probeLimit: number,
  words: readonly string[],
  from: number,
  to: number,
): { candidates: WordKey[]; unchecked: string[] } | undefined {
  const complete = probes.map((keys) => keys.length <= probeLimit);
  const rarest = probes.reduce<WordKey[] | undefined>(
    (best, keys, i) => (complete[i] && (!best || keys.length < best.length) ? keys : best),
    undefined,
  );
  if (!rarest) return undefined;
  const wholeLists = probes.filter((keys, i) => complete[i] && keys !== rarest).map((keys) => new Set(keys.map(([, id]) => id)));
  const candidates = uniqueInRange(rarest, from, to)
    .filter(([, id]) => wholeLists.every((ids) => ids.has(id)))
    .sort(newestFirst);
  return { candidates, unchecked: words.filter((_, i) => !complete[i]) };
}

async function walkNewestFirst(tx: SearchTx, request: WalkRequest, started: StartedSources): Promise<SearchWalk> {
  const next = await sparsestWalker(tx, request, started);
  const ids: string[] = [];
  let walked = 0;
  while (ids.length < request.wanted && walked < MAX_WALK) {
    const batch = await take(next, CHECK_BATCH);
    walked += batch.length;
    // The walk yields the driving word's cases: the other words are checked on each (its own too, harmlessly).
    ids.push(...(await matching(tx, batch, request, request.words.length > 1 ? request.words : [])));
    if (batch.length < CHECK_BATCH) return { ids, complete: true, examined: walked };
  }
  return { ids, complete: false, examined: walked };
}

/** Newest entries a word's walk reads to tell how densely the word occurs (one first batch). */
const DENSITY_SAMPLE = 128;

/**
 * The walker of the search word whose cases are sparsest among the newest: each word's newest
 * DENSITY_SAMPLE entries are read and the one reaching furthest back in time drives, so a page
 * of matches costs the fewest candidates ("refund app": walk the rarer of two common words). The
 * other words are checked on each candidate's words.
 */
async function sparsestWalker(tx: SearchTx, request: WalkRequest, started: StartedSources): Promise<Walker> {
  const walkers = await Promise.all(request.words.map((word) => wordWalker(tx, word, request, started)));
  const [only] = walkers;
  if (only && walkers.length === 1) return only;
  const samples = await Promise.all(walkers.map((walker) => take(walker, DENSITY_SAMPLE)));
  // A sample's oldest entry; a word with fewer entries than the sample reaches back to its first.
  const reach = (sample: readonly WalkEntry[]) => (sample.length < DENSITY_SAMPLE ? -Infinity : (sample.at(-1)?.key[0] ?? -Infinity));
  let sparsest = 0;
  samples.forEach((sample, i) => {
    if (reach(sample) < reach(samples[sparsest] ?? [])) sparsest = i;
  });
  return replayThen(samples[sparsest] ?? [], walkers[sparsest] ?? (() => Promise.resolve(undefined)));
}

/** Every case of the words starting with `word`, created in [from, to), newest first. */
async function wordWalker(tx: SearchTx, word: string, request: WalkRequest, started: StartedSources): Promise<Walker> {
  const maxWords = request.maxPrefixWords ?? MAX_PREFIX_WORDS;
  const distinct = await distinctWords(tx, word, maxWords);
  return distinct.length > maxWords ? storeWalker(tx, word, request) : mergedWalker(tx, distinct, request, started);
}

/** Up to `count` entries from a walker. */
async function take(next: Walker, count: number): Promise<WalkEntry[]> {
  const taken: WalkEntry[] = [];
  while (taken.length < count) {
    const entry = await next();
    if (!entry) break;
    taken.push(entry);
  }
  return taken;
}

/** The entries already taken, then the rest of the walk. */
function replayThen(taken: readonly WalkEntry[], rest: Walker): Walker {
  let position = 0;
  return () => (position < taken.length ? Promise.resolve(taken[(position += 1) - 1]) : rest());
}

/** The candidates that have every word of `wordsToCheck` and pass the other filters, in the order given. */
async function matching(
  tx: SearchTx,
  candidates: readonly WalkEntry[],
  request: WalkRequest,
  wordsToCheck: readonly string[],
): Promise<string[]> {
  const words = tx.objectStore('case_words');
  const facts = tx.objectStore('case_facts');
  const [wordLists, factRecords] = await Promise.all([
    // The batched reads carry each candidate's words; a cursor step does not.
    wordsToCheck.length > 0
      ? Promise.all(candidates.map(async ({ key, words: known }) => known ?? (await words.get(key))?.words ?? []))
      : null,
    request.accept ? Promise.all(candidates.map(({ key: [, id] }) => facts.get(id))) : null,
  ]);
  return candidates
    .filter((_, i) => {
      if (wordLists && !wordsMatch(wordLists[i] ?? [], wordsToCheck)) return false;
      if (!request.accept || !factRecords) return true;
      const found = factRecords[i];
      return found !== undefined && request.accept(found);
    })
    .map(({ key: [, id] }) => id);
}

/**
 * The distinct indexed words starting with `prefix`, up to one more than `max`. The cursor seeks
 * past each word it found: Chromium's `nextunique` steps over every entry of a word (each one
 * checked against its record), so it cost as much as the word has cases.
 */
async function distinctWords(tx: SearchTx, prefix: string, max: number): Promise<string[]> {
  const index = tx.objectStore('case_words').index('words');
  const range = wordPrefixRange(prefix);
  // The first and the last word at once: when they are the same, the prefix is one word.
  const [first, last] = await Promise.all([index.openKeyCursor(range, 'next'), index.openKeyCursor(range, 'prev')]);
  if (first && first.key === last?.key) return [first.key];
  let cursor = first;
  const found: string[] = [];
  while (cursor && found.length <= max) {
    found.push(cursor.key);
    cursor = await cursor.continue(nextWordAfter(cursor.key));
  }
  return found;
}

/** The smallest key after every entry of `word`: no indexed word holds U+0000 (words.ts), so none sorts between. */
function nextWordAfter(word: string): string {
  return `${word}\u0000`;
}

/** One case a walk yields: its word-store key, and its words when the read carried them. */
interface WalkEntry {
  key: WordKey;
  words?: readonly string[] | undefined;
}
type Walker = () => Promise<WalkEntry | undefined>;
type WordIndex = IDBPIndex<CaseDbSchema, ['case_words', 'case_facts'], 'case_words', 'words', 'readonly'>;

/**
 * Every case of these words created in [from, to), newest first, each once: one source per word,
 * merged. A source reads its word's entries in batches (one request each) where the browser can
 * and the range has no end; otherwise it steps a cursor (one round trip per entry).
 */
function mergedWalker(tx: SearchTx, words: readonly string[], request: WalkRequest, started: StartedSources): Walker {
  const index = tx.objectStore('case_words').index('words');
  const sources = words.map((word) => claimSource(started, word) ?? startSource(index, word, request));
  let heads: Promise<(WalkEntry | undefined)[]> | undefined;
  let last: WordKey | undefined;
  return async () => {
    heads ??= Promise.all(sources.map((source) => source.head));
    const current = await heads;
    for (;;) {
      let newest = -1;
      current.forEach((entry, i) => {
        const best = current[newest];
        if (entry && (!best || newestFirst(entry.key, best.key) < 0)) newest = i;
      });
      const entry = current[newest];
      const source = sources[newest];
      if (!entry || !source || entry.key[0] < request.from) return undefined;
      current[newest] = await source.next();
      // One case under two words of the prefix comes twice in a row.
      if (last && last[0] === entry.key[0] && last[1] === entry.key[1]) continue;
      last = entry.key;
      return entry;
    }
  };
}

/** A word's source whose first entry was asked for already (its first read in flight). */
interface StartedSource {
  head: Promise<WalkEntry | undefined>;
  next: Walker;
}
type StartedSources = Map<string, StartedSource>;

function startSource(index: WordIndex, word: string, request: WalkRequest): StartedSource {
  const next = wordSource(index, word, request);
  const head = next();
  // Awaited by the walk, or left unread when the probes answer: never an unhandled rejection.
  head.catch(() => undefined);
  return { head, next };
}

/** A started source is stateful: one walker takes it ("ref refund" would otherwise read "refund" twice over one). */
function claimSource(started: StartedSources, word: string): StartedSource | undefined {
  const source = started.get(word);
  started.delete(word);
  return source;
}

/** Batches read in one request each start at this many entries and double. */
export const FIRST_BATCH = 128;

/** Newest entries of a word in one request each: with each case's words when other words are to be checked, else keys alone. */
function newestEntriesReader(index: IDBIndex, word: string, withWords: boolean): NewestKeysReader<WalkEntry> | null {
  if (withWords) {
    return newestKeysReader(index, word, ({ primaryKey, value }) => ({ key: primaryKey as WordKey, words: (value as CaseWords).words }));
  }
  const keys = newestKeysReader<WordKey>(index, word);
  return keys && ((count) => keys(count).then((read) => read.map((key) => ({ key }))));
}

function wordSource(index: WordIndex, word: string, request: WalkRequest): Walker {
  const { to, batchReads = true, firstBatch = FIRST_BATCH } = request;
  const reader = batchReads && to === Infinity ? newestEntriesReader(unwrap(index), word, request.words.length > 1) : null;
  return reader ? batchedKeys(reader, firstBatch) : cursorSource(index, word, to);
}

/** A word's entries created before `to`, newest first, one cursor step each. */
function cursorSource(index: WordIndex, word: string, to: number): Walker {
  type Cursor = Awaited<ReturnType<typeof index.openKeyCursor>>;
  let cursor: Cursor | undefined;
  return async () => {
    if (cursor === undefined) {
      cursor = await index.openKeyCursor(IDBKeyRange.only(word), 'prev');
      // Jump past cases created at or after `to` (keys [createdAt, id] sort by time first).
      if (cursor && to !== Infinity && cursor.primaryKey[0] >= to) cursor = await cursor.continuePrimaryKey(word, [to, '']);
      if (cursor && (cursor.key !== word || cursor.primaryKey[0] >= to)) cursor = null;
    } else if (cursor) cursor = await cursor.continue();
    return cursor ? { key: cursor.primaryKey } : undefined;
  };
}

/** Every case created in [from, to) with a word starting with `driver`, newest first, over the word store itself. */
function storeWalker(tx: SearchTx, driver: string, { from, to }: WalkRequest): Walker {
  const store = tx.objectStore('case_words');
  type Cursor = Awaited<ReturnType<typeof store.openCursor>>;
  // Keys are [createdAt, id]; '' sorts before every id, so [to, ''] excludes cases created at `to`.
  const range = from === -Infinity && to === Infinity ? null : IDBKeyRange.bound([from, ''], [to, ''], false, true);
  let cursor: Cursor = null;
  let started = false;
  return async () => {
    for (;;) {
      if (started && !cursor) return undefined;
      cursor = started && cursor ? await cursor.continue() : await store.openCursor(range, 'prev');
      started = true;
      if (!cursor) return undefined;
      if (wordsMatch(cursor.value.words, [driver])) return { key: cursor.primaryKey, words: cursor.value.words };
    }
  };
}

/** Keys created in [from, to), each case once (a prefix can match several words of one case). */
export function uniqueInRange(keys: readonly WordKey[], from: number, to: number): WordKey[] {
  const seen = new Set<string>();
  const kept: WordKey[] = [];
  for (const key of keys) {
    if (key[0] < from || key[0] >= to || seen.has(key[1])) continue;
    seen.add(key[1]);
    kept.push(key);
  }
  return kept;
}

export function newestFirst(a: WordKey, b: WordKey): number {
  return b[0] - a[0] || (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0);
}
