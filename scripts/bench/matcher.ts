/**
 * Brand-matching benchmark: 1,000 brand terms over 5 MB of realistic posts, one post at a time.
 *
 * Three ways to find the terms, each behind the SAME matcher (lib/match/brand-matcher.ts: folding,
 * whole-word / hashtag / handle boundaries, email and exclusion rules), so all three must report
 * exactly the same hits, checked post by post before anything is timed:
 *   - Aho-Corasick: ours (modern-ahocorasick's automaton, run as a code-unit DFA);
 *   - one combined RegExp: every term escaped, longest first, in one alternation;
 *   - naive indexOf: every term searched for separately;
 *   - for reference (not an alternative): modern-ahocorasick's own search(), which walks grapheme
 *     clusters; it is why lib/match runs the library's automaton itself.
 * Timed twice: the whole match() per post, and the finding step alone on pre-folded text.
 *
 *   npx tsx scripts/bench/matcher.ts     (or runMatcherBench() from scripts/bench.ts)
 *
 * Posts: the airline tweets in data/airline-tweets (CC BY-NC-SA 4.0, see SOURCES.md there) with their
 * @handles replaced by generated brands' terms and boundary cases mixed in (see `decorate`). All
 * randomness is seeded: every run sees the same 5 MB.
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { TermFinder, TermPattern } from '../../lib/match/automaton';
import { createTermFinder, libraryFinder } from '../../lib/match/automaton';
import { createBrandMatcher, type BrandMatch, type BrandMatcher } from '../../lib/match/brand-matcher';
import { foldText } from '../../lib/match/normalize';
import { BrandSchema, type Brand } from '../../lib/domain/brand';
import { loadAirlineTweets } from '../triage/dataset';
import { seededRandom as seeded } from '../../lib/util/random';

export const TERM_COUNT = 1_000;
export const CORPUS_BYTES = 5_000_000;
const ROUNDS = Number(process.env.MATCHER_BENCH_ROUNDS ?? 5);

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Brands named like everyday words: they meet the boundary rules all the time. */
const WORD_BRANDS = [
  'Delta',
  'Target',
  'Apple',
  'Orange',
  'Shell',
  'Frontier',
  'Spirit',
  'United',
  'Virgin',
  'Chase',
  'Discover',
  'Sprint',
  'Mint',
  'Oracle',
  'Square',
  'Stripe',
  'Notion',
  'Slack',
  'Zoom',
  'Amazon',
  'Nest',
  'Ring',
  'Dove',
  'Gap',
  'Next',
  'Boots',
  'Sky',
  'Three',
  'Jet',
  'Alaska',
];
const SYLLABLES = [
  've',
  'lo',
  'ra',
  'bri',
  'sko',
  'tan',
  'dem',
  'qu',
  'ix',
  'mo',
  'na',
  'zen',
  'tor',
  'ka',
  'li',
  'pe',
  'dra',
  'gon',
  'sta',
  'vi',
  'ru',
  'mex',
];
const ALIAS_SUFFIXES = [' Air', ' Bank', ' Mobile', ' Express', ' Foods', ' Energy', ' Care', ' Labs', ' Travel', ' Home'];
const HANDLE_SUFFIXES = ['Help', 'Support', 'Cares', 'Team', 'Service'];
const EXCLUSIONS: Record<string, string> = {
  Delta: 'Delta variant',
  Apple: 'apple pie',
  Orange: 'orange juice',
  Shell: 'shell script',
  Ring: 'ring road',
  Square: 'square meters',
};

/** 250 brands × (name, alias, handle, hashtag) = 1,000 terms, plus a few exclusion phrases. */
export function benchBrands(): Brand[] {
  const random = seeded(1);
  const names = new Set<string>(WORD_BRANDS);
  while (names.size < TERM_COUNT / 4) {
    const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(random, SYLLABLES)).join('');
    names.add(word.charAt(0).toUpperCase() + word.slice(1));
  }
  return [...names].map((name, index) => {
    const compact = name.replace(/\s+/g, '');
    return BrandSchema.parse({
      id: `brand-${index}`,
      name,
      aliases: [`${name}${pick(random, ALIAS_SUFFIXES)}`],
      handles: { x: [`${compact}${pick(random, HANDLE_SUFFIXES)}`], facebook: [], yelp: [] },
      hashtags: [`${compact}Cares`],
      exclusions: EXCLUSIONS[name] ? [EXCLUSIONS[name]] : [],
    });
  });
}

export function termCount(brands: readonly Brand[]): number {
  return brands.reduce((sum, brand) => sum + 1 + brand.aliases.length + brand.handles.x.length + brand.hashtags.length, 0);
}

const toFullwidth = (text: string) => text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
const withAccents = (text: string) => text.replace(/e/g, 'é').replace(/a/g, 'à');

/** One brand mention in one of the forms posts really use, boundary cases included. */
function mention(random: () => number, brand: Brand): string {
  const handle = brand.handles.x[0] ?? brand.name;
  const alias = brand.aliases[0] ?? brand.name;
  const forms = [
    () => brand.name,
    () => alias,
    () => `@${handle}`,
    () => `#${brand.hashtags[0] ?? brand.name}`,
    () => `${brand.name}'s`,
    () => brand.name.toUpperCase(),
    () => `#${brand.name}Fail`,
    () => `(${alias})`,
    () => withAccents(brand.name),
    () => toFullwidth(brand.name),
    () => `我爱${brand.name}航空`,
    () => `support@${brand.name.toLowerCase()}.com`,
    () => `https://${brand.name.toLowerCase()}.com/help`,
    () => `mega${brand.name.toLowerCase()}`,
    () => `${brand.name}ology`,
    () => `@${handle}Desk`,
    () => `x#${brand.hashtags[0] ?? brand.name}`,
    () => brand.exclusions[0] ?? `${brand.name}  ${alias.split(' ').slice(1).join(' ')}`,
    () => `${brand.name}\u200d`,
    () => `😡${brand.name}🔥`,
  ];
  return pick(random, forms)();
}

/** A tweet with its @handles swapped for brand handles and 0-3 brand mentions mixed in. */
function decorate(random: () => number, text: string, brands: readonly Brand[]): string {
  let out = text.replace(/@\w+/g, (handle) => (random() < 0.7 ? `@${pick(random, brands).handles.x[0] ?? 'someone'}` : handle));
  const extra = Math.floor(random() * 4);
  for (let i = 0; i < extra; i++) {
    const words = out.split(' ');
    words.splice(Math.floor(random() * (words.length + 1)), 0, mention(random, pick(random, brands)));
    out = words.join(' ');
  }
  return out;
}

/** Realistic posts totalling CORPUS_BYTES (UTF-8). */
export function benchPosts(brands: readonly Brand[], bytes = CORPUS_BYTES): string[] {
  const random = seeded(2);
  const tweets = loadAirlineTweets().map((tweet) => tweet.text);
  const posts: string[] = [];
  let total = 0;
  for (let index = 0; total < bytes; index++) {
    const post = decorate(random, tweets[index % tweets.length] as string, brands);
    posts.push(post);
    total += Buffer.byteLength(post, 'utf8');
  }
  return posts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Patterns grouped by their text (several brands may share one). */
function byText(patterns: readonly TermPattern[]): Map<string, number[]> {
  const grouped = new Map<string, number[]>();
  for (const { pattern, data } of patterns) grouped.set(pattern, [...(grouped.get(pattern) ?? []), data]);
  return grouped;
}

/**
 * One combined RegExp, longest alternative first. A RegExp reports one match per start, the
 * longest; every other term starting there is a prefix of it, so those are read off the match.
 * Restarting one unit after each match start finds overlapping terms too.
 */
export function regexFinder(patterns: readonly TermPattern[]): TermFinder {
  const grouped = byText(patterns);
  if (grouped.size === 0) return () => undefined;
  const texts = [...grouped.keys()].sort((a, b) => b.length - a.length);
  const lengths = [...new Set(texts.map((text) => text.length))].sort((a, b) => a - b);
  const combined = new RegExp(texts.map(escapeRegExp).join('|'), 'g');
  return (text, emit) => {
    combined.lastIndex = 0;
    for (let found = combined.exec(text); found; found = combined.exec(text)) {
      const longest = found[0];
      const start = found.index;
      for (const length of lengths) {
        if (length > longest.length) break;
        const ids = grouped.get(length === longest.length ? longest : longest.slice(0, length));
        if (ids) for (const id of ids) emit(id, start, start + length);
      }
      combined.lastIndex = start + 1;
    }
  };
}

/** Every term searched for on its own, overlapping occurrences included. */
export function indexOfFinder(patterns: readonly TermPattern[]): TermFinder {
  const grouped = [...byText(patterns)];
  return (text, emit) => {
    for (const [pattern, ids] of grouped) {
      for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
        for (const id of ids) emit(id, at, at + pattern.length);
      }
    }
  };
}

interface Contender {
  name: string;
  ours: boolean;
  /** Shown for comparison only; not one of the alternatives ours must beat. */
  reference?: boolean;
  makeFinder: (patterns: readonly TermPattern[]) => TermFinder;
}

const CONTENDERS: readonly Contender[] = [
  { name: 'Aho-Corasick (ours)', ours: true, makeFinder: createTermFinder },
  { name: 'combined RegExp', ours: false, makeFinder: regexFinder },
  { name: 'naive indexOf', ours: false, makeFinder: indexOfFinder },
  { name: 'library search()', ours: false, reference: true, makeFinder: libraryFinder },
];

export interface MatcherBenchRow {
  name: string;
  ours: boolean;
  reference: boolean;
  /** Same hits (brand, term, kind, UTF-16 range) as ours on every post. */
  correct: boolean;
  hits: number;
  /** Median over rounds of the whole corpus, milliseconds. */
  ms: number;
  bestMs: number;
  mbPerSecond: number;
  /** ms / the fastest correct alternative's ms. */
  ratio: number;
}

export interface MatcherBenchResult {
  terms: number;
  exclusions: number;
  posts: number;
  bytes: number;
  rounds: number;
  /** match() per post: fold, find, boundary rules. */
  fullMatch: MatcherBenchRow[];
  /** The finding step alone, over pre-folded posts (raw occurrences, overlaps included). */
  findOnly: MatcherBenchRow[];
  /** Ours is at least as fast as the fastest correct alternative, in both tables. */
  oursFastest: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Time `runs[i]` ROUNDS times, interleaved and rotated so load spikes hit every contender alike. */
function timeInterleaved(runs: readonly (() => number)[]): { ms: number; bestMs: number }[] {
  const times = runs.map(() => [] as number[]);
  let checksum = 0;
  for (const run of runs) checksum += run(); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (let offset = 0; offset < runs.length; offset++) {
      const index = (round + offset) % runs.length;
      const started = performance.now();
      checksum += (runs[index] as () => number)();
      (times[index] as number[]).push(performance.now() - started);
    }
  }
  if (checksum < 0) console.log(checksum); // keeps the work observable
  return times.map((samples) => ({ ms: median(samples), bestMs: Math.min(...samples) }));
}

function rows(
  correct: readonly boolean[],
  hits: readonly number[],
  timings: readonly { ms: number; bestMs: number }[],
  bytes: number,
): MatcherBenchRow[] {
  const alternatives = CONTENDERS.map((contender, index) => ({ contender, index })).filter(
    ({ contender, index }) => !contender.ours && !contender.reference && correct[index],
  );
  const fastestAlternative = Math.min(...alternatives.map(({ index }) => (timings[index] as { ms: number }).ms));
  return CONTENDERS.map((contender, index) => {
    const { ms, bestMs } = timings[index] as { ms: number; bestMs: number };
    return {
      name: contender.name,
      ours: contender.ours,
      reference: contender.reference ?? false,
      correct: correct[index] as boolean,
      hits: hits[index] as number,
      ms,
      bestMs,
      mbPerSecond: bytes / 1e6 / (ms / 1000),
      ratio: ms / fastestAlternative,
    };
  });
}

function sameMatch(a: BrandMatch, b: BrandMatch): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function runMatcherBenchSilently(): MatcherBenchResult {
  const brands = benchBrands();
  const posts = benchPosts(brands);
  const bytes = posts.reduce((sum, post) => sum + Buffer.byteLength(post, 'utf8'), 0);
  let patterns: readonly TermPattern[] = [];
  const matchers: BrandMatcher[] = CONTENDERS.map((contender) =>
    createBrandMatcher(brands, {
      finder: (compiled) => {
        patterns = compiled;
        return contender.makeFinder(compiled);
      },
    }),
  );
  const finders = CONTENDERS.map((contender) => contender.makeFinder(patterns));
  const folded = posts.map((post) => foldText(post).text);

  // Correctness first: every contender must agree with ours on every post.
  const reference = matchers[0] as BrandMatcher;
  const fullCorrect = matchers.map(() => true);
  const fullHits = matchers.map(() => 0);
  for (const post of posts) {
    const expected = reference.match(post);
    matchers.forEach((matcher, index) => {
      const result = matcher.match(post);
      fullHits[index] = (fullHits[index] as number) + result.hits.length;
      if (!sameMatch(result, expected)) fullCorrect[index] = false;
    });
  }
  const occurrencesOf = (finder: TermFinder, text: string) => {
    const found: string[] = [];
    finder(text, (data, start, end) => found.push(`${data}:${start}:${end}`));
    return found.sort().join(' ');
  };
  const findCorrect = finders.map(() => true);
  const findHits = finders.map(() => 0);
  for (const text of folded) {
    const expected = occurrencesOf(finders[0] as TermFinder, text);
    finders.forEach((finder, index) => {
      const found = occurrencesOf(finder, text);
      findHits[index] = (findHits[index] as number) + (found ? found.split(' ').length : 0);
      if (found !== expected) findCorrect[index] = false;
    });
  }

  const fullTimings = timeInterleaved(
    matchers.map((matcher) => () => {
      let count = 0;
      for (const post of posts) count += matcher.match(post).hits.length;
      return count;
    }),
  );
  const findTimings = timeInterleaved(
    finders.map((finder) => () => {
      let count = 0;
      const emit = () => void count++;
      for (const text of folded) finder(text, emit);
      return count;
    }),
  );
  const fullMatch = rows(fullCorrect, fullHits, fullTimings, bytes);
  const findOnly = rows(findCorrect, findHits, findTimings, bytes);
  const oursFastest = [fullMatch, findOnly].every((table) => table.every((row) => !row.ours || row.ratio <= 1));
  return {
    terms: termCount(brands),
    exclusions: brands.reduce((sum, brand) => sum + brand.exclusions.length, 0),
    posts: posts.length,
    bytes,
    rounds: ROUNDS,
    fullMatch,
    findOnly,
    oursFastest,
  };
}

export function formatMatcherBench(result: MatcherBenchResult): string {
  const table = (title: string, tableRows: readonly MatcherBenchRow[]) => [
    title,
    '| matcher              | correct | hits      | ms (median) | ms (best) | MB/s   | × fastest correct alternative |',
    '|----------------------|---------|-----------|-------------|-----------|--------|-------------------------------|',
    ...tableRows.map(
      (row) =>
        `| ${`${row.name}${row.reference ? ' *' : ''}`.padEnd(20)} | ${(row.correct ? 'yes' : 'NO').padEnd(7)} | ${String(row.hits).padStart(9)} | ${row.ms.toFixed(1).padStart(11)} | ${row.bestMs.toFixed(1).padStart(9)} | ${row.mbPerSecond.toFixed(1).padStart(6)} | ${row.ratio.toFixed(2).padStart(29)} |`,
    ),
  ];
  return [
    `${result.terms} brand terms (+${result.exclusions} exclusion phrases) over ${result.posts} posts, ${(result.bytes / 1e6).toFixed(2)} MB UTF-8, one post at a time;`,
    `${result.rounds} interleaved rounds, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs.`,
    'All three run behind the same boundary/email/exclusion rules; "correct" = identical hits (count and positions) to ours on every post.',
    '',
    ...table('match() per post (fold + find + boundary rules):', result.fullMatch),
    '',
    ...table('finding step alone, pre-folded text (raw occurrences, overlaps included):', result.findOnly),
    '',
    "* reference only: modern-ahocorasick's own search(), not one of the alternatives.",
    result.oursFastest
      ? 'Aho-Corasick is at least as fast as the fastest correct alternative in both tables.'
      : 'WARNING: Aho-Corasick is slower than the fastest correct alternative in at least one table.',
  ].join('\n');
}

export function runMatcherBench(): MatcherBenchResult {
  const result = runMatcherBenchSilently();
  console.log(formatMatcherBench(result));
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMatcherBench();
}
