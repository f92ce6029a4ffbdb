/**
 * Case-store benchmark at 1,000, 100,000 and 1,000,000 stored cases (a year of a team's cases),
 * in real Chromium with the built extension.
 *
 *   npx wxt build && npm run bench -- popup      (sizes: CARESIDE_BENCH_SIZES=1000,100000,1000000;
 *   CARESIDE_BENCH_PROFILE=/tmp/popup-bench keeps a seeded profile per size in /tmp/popup-bench-<size>)
 *
 * Each size gets a fresh profile, seeded through the service worker in the dashboard's import chunks
 * (cases/import, the real
 * validated write path the dashboard's chunked import uses). Then, alternating rounds so each
 * sees the same machine state, it times a bare IndexedDB count (the baseline of the same run),
 * the popup from navigation start until popup-open-total shows the count, the popup's data
 * (cases/summary and cases/attention round trips), dashboard searches (a rare word, a common
 * word, two words; a different one each round, so no cached answer is timed) and stats over a
 * filter (one platform, the last 90 days).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { launchExtensionBrowser, missingPrerequisites, openPopup } from '../browser/launch';
import { syntheticImportFiles } from './synthetic-cases';
import { isMain } from '../is-main';
import { IMPORT_CHUNK_CASES } from '../../lib/queries/transfer-stream';

export interface StoreBenchOptions {
  cases?: number;
  rounds?: number;
  perFile?: number;
  log?: (line: string) => void;
  /**
   * A Chromium profile folder kept between runs (CARESIDE_BENCH_PROFILE, one folder per size):
   * seeded once, then reused, so builds before and after a change are timed on the same store
   * (and a schema change migrates it). Absent: a fresh temporary profile, seeded every run.
   */
  profileDir?: string | undefined;
}

/** Written into a kept profile once seeding finished: how many cases, seeded relative to which clock. */
const SEEDED_MARKER = 'careside-bench-seeded.json';
interface SeededProfile {
  cases: number;
  now: number;
  seedMs: number;
}

function seededProfile(profileDir: string | undefined, cases: number): SeededProfile | null {
  if (!profileDir || !existsSync(join(profileDir, SEEDED_MARKER))) return null;
  const seeded = JSON.parse(readFileSync(join(profileDir, SEEDED_MARKER), 'utf8')) as SeededProfile;
  if (seeded.cases !== cases) throw new Error(`${profileDir} holds ${seeded.cases} seeded cases, not ${cases}: use another folder`);
  return seeded;
}

/** Every measurement of one size, ms per round. */
export interface StoreBenchResult {
  cases: number;
  seedMs: number;
  /** Seeding's own floor on this machine, this run (barePutRates). */
  barePuts: BarePutRates;
  /** The profile was seeded by an earlier run (seedMs is that run's). */
  reused: boolean;
  rows: Record<MeasurementName, number[]>;
}

const MEASUREMENTS = {
  count: 'bare IndexedDB count (open connection)',
  popupTotal: 'popup: navigation -> popup-open-total filled',
  popupComplete: 'popup: navigation -> priorities + breaching',
  summary: 'popup data: cases/summary round trip',
  attention: 'popup data: cases/attention round trip',
  searchRare: 'search: a rare word (one author)',
  searchCommon: 'search: a common word (~1/6 of cases)',
  searchTwo: 'search: two words',
  stats: 'stats: one platform, last 90 days',
} as const;
type MeasurementName = keyof typeof MEASUREMENTS;

const DAY = 24 * 60 * 60_000;
const COMMON_WORDS = ['refund', 'suitcase', 'flight', 'cancelled', 'staff', 'delayed', 'charged', 'phone', 'room', 'claim', 'app', 'train'];
/** Word pairs that appear together in the synthetic complaints. */
const WORD_PAIRS = [
  'refund please',
  'flight cancelled',
  'suitcase claim',
  'log yesterday',
  'staff rude',
  'train delayed',
  'charged twice',
  'nobody phone',
  'room dirty',
];
const PLATFORMS = ['x', 'facebook', 'yelp'] as const;

const median = (values: readonly number[]) => quantile(values, 0.5);
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/** Time a bare count on the cases store from the service worker, on an open connection. */
async function bareCount(worker: Worker): Promise<{ countMs: number; count: number }> {
  // No named inner functions: tsx would wrap them in a __name() helper the browser does not have.
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('careside');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const started = performance.now();
    const count = await new Promise<number>((resolve, reject) => {
      const counting = db.transaction('cases', 'readonly').objectStore('cases').count();
      counting.onsuccess = () => resolve(counting.result);
      counting.onerror = () => reject(counting.error ?? new Error('count failed'));
    });
    const done = performance.now();
    db.close();
    return { countMs: done - started, count };
  });
}

/** Cases per second IndexedDB itself stores, in one transaction: no index, and the cases store's own indexes. */
export interface BarePutRates {
  bare: number;
  indexed: number;
}

const BARE_PUT_ROUNDS = 3;

/**
 * Seeding's floor in the same run: the records of one import chunk put into a scratch database of the
 * extension's origin in one transaction, into a store without indexes and into one with the live cases
 * store's indexes (read from it, so they follow the schema), median of BARE_PUT_ROUNDS each. Seeding
 * writes more per case (facts, words, counts, stats rows): this is what IndexedDB alone allows.
 */
async function barePutRates(page: Page, text: string): Promise<BarePutRates> {
  // No named inner functions: tsx would wrap them in a __name() helper the browser does not have.
  const rates = await page.evaluate(
    async ({ text, rounds }) => {
      const records = (JSON.parse(text) as { cases: { id: string }[] }).cases;
      const live = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('careside');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open careside failed'));
      });
      const source = live.transaction('cases', 'readonly').objectStore('cases');
      const indexes = [...source.indexNames].map((name) => {
        const index = source.index(name);
        return { name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
      });
      live.close();
      const perSecond = { bare: [] as number[], indexed: [] as number[] };
      for (let round = 0; round < rounds; round += 1) {
        for (const kind of ['bare', 'indexed'] as const) {
          const name = `careside-bench-bare-puts-${kind}`;
          await new Promise((resolve) => {
            const deleting = indexedDB.deleteDatabase(name);
            deleting.onsuccess = deleting.onerror = deleting.onblocked = resolve;
          });
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open(name, 1);
            open.onupgradeneeded = () => {
              const store = open.result.createObjectStore('cases', { keyPath: 'id' });
              if (kind === 'indexed') for (const index of indexes) store.createIndex(index.name, index.keyPath, index);
            };
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error ?? new Error(`open ${name} failed`));
          });
          const started = performance.now();
          const tx = db.transaction('cases', 'readwrite');
          const store = tx.objectStore('cases');
          for (const record of records) store.put(record);
          await new Promise((resolve, reject) => {
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error ?? new Error('bare puts failed'));
          });
          perSecond[kind].push(records.length / ((performance.now() - started) / 1000));
          db.close();
          indexedDB.deleteDatabase(name);
        }
      }
      return perSecond;
    },
    { text, rounds: BARE_PUT_ROUNDS },
  );
  return { bare: median(rates.bare), indexed: median(rates.indexed) };
}

/** Open the popup in a fresh tab; ms from navigation start until the total (and the whole summary) shows. */
async function timePopup(page: Page, extensionId: string, expectedOpen: number): Promise<{ totalMs: number; completeMs: number }> {
  await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'commit' });
  const totalMs = await page.evaluate(
    (expected) =>
      new Promise<number>((resolve, reject) => {
        const observer = new MutationObserver(() => {
          const text = document.querySelector('[data-testid="popup-open-total"]')?.textContent ?? '';
          if (text.replace(/\D/g, '') !== String(expected)) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true });
        // Already there (the page rendered before this script ran): take the mark now.
        const text = document.querySelector('[data-testid="popup-open-total"]')?.textContent ?? '';
        if (text.replace(/\D/g, '') === String(expected)) {
          observer.disconnect();
          resolve(performance.now());
        }
        setTimeout(() => reject(new Error(`popup-open-total never showed ${expected}`)), 60_000);
      }),
    expectedOpen,
  );
  await page.waitForSelector('[data-testid="popup-breaching"]', { timeout: 60_000 });
  const completeMs = await page.evaluate(() => performance.now());
  return { totalMs, completeMs };
}

/** One message round trip from an extension page, timed in the page; throws on an error answer. */
async function timeMessage(page: Page, type: string, payload: unknown): Promise<{ ms: number; data: unknown }> {
  return page.evaluate(
    async ({ type, payload }) => {
      const started = performance.now();
      const answer = (await chrome.runtime.sendMessage({ type, payload })) as { ok: boolean; data?: unknown; error?: { message: string } };
      const ms = performance.now() - started;
      if (!answer.ok) throw new Error(`${type}: ${answer.error?.message ?? 'failed'}`);
      return { ms, data: answer.data };
    },
    { type, payload },
  );
}

/** Seed `total` synthetic cases (a year of them) through cases/import, `perFile` per message. */
async function seed(page: Page, total: number, perFile: number, now: number, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  for (let start = 0; start < total; start += perFile) {
    // In export order (newest first): each chunk covers its own span of the year, as a real export's does.
    const [text] = syntheticImportFiles(Math.min(perFile, total - start), perFile, { now, days: 365, start, total });
    const { data } = await timeMessage(page, 'cases/import', { text, format: 'json' });
    const rejected = (data as { report: { rejected: unknown[] } }).report.rejected;
    if (rejected.length > 0) throw new Error(`Seeding from case ${start} failed: ${JSON.stringify(rejected.slice(0, 3))}`);
    const done = Math.min(total, start + perFile);
    if (done % (perFile * 10) === 0 || done === total) {
      const seconds = (performance.now() - started) / 1000;
      log(`  seeded ${done.toLocaleString('en-US')} cases in ${seconds.toFixed(0)} s (${Math.round(done / seconds)} cases/s)`);
    }
  }
  return performance.now() - started;
}

export async function runStoreBench(options: StoreBenchOptions = {}): Promise<StoreBenchResult> {
  const total = options.cases ?? 100_000;
  const rounds = options.rounds ?? 9;
  const perFile = Math.min(options.perFile ?? IMPORT_CHUNK_CASES, total);
  const log = options.log ?? ((line: string) => console.log(line));
  const problems = missingPrerequisites();
  if (problems.length > 0) throw new Error(problems.join('\n'));

  const seeded = seededProfile(options.profileDir, total);
  const browser = await launchExtensionBrowser({ headless: true, userDataDir: options.profileDir, freshWorkerScript: true });
  try {
    const sender = await openPopup(browser.context, browser.extensionId);
    const now = seeded?.now ?? Date.now();
    const seedMs = seeded?.seedMs ?? (await seed(sender, total, perFile, now, log));
    if (options.profileDir && !seeded) {
      const marker: SeededProfile = { cases: total, now, seedMs };
      writeFileSync(join(options.profileDir, SEEDED_MARKER), JSON.stringify(marker));
    }
    if (seeded) log(`  reusing ${options.profileDir} (seeded ${new Date(now).toISOString()})`);
    const [firstChunk] = syntheticImportFiles(perFile, perFile, { now, days: 365, start: 0, total });
    const barePuts = await barePutRates(sender, firstChunk as string);
    const { data: summary } = await timeMessage(sender, 'cases/summary', {});
    const expectedOpen = (summary as { openTotal: number }).openTotal;

    const rows = Object.fromEntries(Object.keys(MEASUREMENTS).map((name) => [name, [] as number[]])) as StoreBenchResult['rows'];
    // One warm-up of each (code caches, first connection), then alternate so all see the same machine state.
    await bareCount(browser.serviceWorker);
    const warm = await browser.context.newPage();
    await timePopup(warm, browser.extensionId, expectedOpen);
    await warm.close();
    await timeMessage(sender, 'cases/query', { filter: { search: 'warmup' }, offset: 0, limit: 50 });
    for (let round = 0; round < rounds; round += 1) {
      const bare = await bareCount(browser.serviceWorker);
      if (bare.count !== total) throw new Error(`Expected ${total} stored cases, the store counts ${bare.count}`);
      rows.count.push(bare.countMs);
      const page = await browser.context.newPage();
      const timed = await timePopup(page, browser.extensionId, expectedOpen);
      rows.popupTotal.push(timed.totalMs);
      rows.popupComplete.push(timed.completeMs);
      await page.close();
      rows.summary.push((await timeMessage(sender, 'cases/summary', {})).ms);
      rows.attention.push((await timeMessage(sender, 'cases/attention', {})).ms);
      // Authors are "<name> <index>": the index is a word only that case has.
      const rare = String(Math.floor(((round + 0.5) / rounds) * total));
      const common = COMMON_WORDS[round % COMMON_WORDS.length] as string;
      const query = async (search: string) => {
        const timedQuery = await timeMessage(sender, 'cases/query', { filter: { search }, offset: 0, limit: 50 });
        if ((timedQuery.data as { total: number }).total === 0) throw new Error(`search "${search}" found nothing`);
        return timedQuery.ms;
      };
      rows.searchRare.push(await query(rare));
      rows.searchCommon.push(await query(common));
      rows.searchTwo.push(await query(WORD_PAIRS[round % WORD_PAIRS.length] as string));
      const filter = { platform: PLATFORMS[round % PLATFORMS.length], from: now - 90 * DAY };
      rows.stats.push((await timeMessage(sender, 'cases/stats', { filter, timeZone: 'UTC' })).ms);
    }
    await sender.close();
    return { cases: total, seedMs, barePuts, reused: seeded !== null, rows };
  } finally {
    await browser.close();
  }
}

/** One table: a row per measurement, a column group per size, each with median, p90 and the ratio to that size's bare count. */
export function formatStoreBench(results: readonly StoreBenchResult[]): string {
  const sizes = results.map((result) => result.cases.toLocaleString('en-US'));
  const header = `| ${'measurement (ms)'.padEnd(44)} | ${sizes.map((size) => `${size} median / p90 / vs count`.padEnd(34)).join(' | ')} |`;
  const lines = [header, `|${'-'.repeat(46)}|${results.map(() => '-'.repeat(36)).join('|')}|`];
  for (const [name, label] of Object.entries(MEASUREMENTS) as [MeasurementName, string][]) {
    const cells = results.map((result) => {
      const values = result.rows[name];
      const ratio = median(values) / median(result.rows.count);
      return `${median(values).toFixed(1)} / ${quantile(values, 0.9).toFixed(1)} / ${ratio.toFixed(2)}x`.padEnd(34);
    });
    lines.push(`| ${label.padEnd(44)} | ${cells.join(' | ')} |`);
  }
  const seeding = results.map(seedingLine);
  return [...seeding, '', ...lines, '', ...growth(results)].join('\n');
}

/** The seeding rate beside its floor in the same run (bare puts of the same records). */
function seedingLine(result: StoreBenchResult): string {
  const rate = result.cases / (result.seedMs / 1000);
  const { bare, indexed } = result.barePuts;
  const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
  return (
    `${result.cases.toLocaleString('en-US')} cases seeded in ${(result.seedMs / 1000).toFixed(1)} s (${perSecond(rate)}` +
    `${result.reused ? ', in an earlier run' : ''}); bare puts of the same records in one transaction: ` +
    `${perSecond(bare)} without indexes (${(rate / bare).toFixed(2)}x), ${perSecond(indexed)} with the cases store's indexes ` +
    `(${(rate / indexed).toFixed(2)}x); goal >= 5,000/s`
  );
}

/** How each popup number at the largest size compares with the smallest (goal: within 1.5x). */
function growth(results: readonly StoreBenchResult[]): string[] {
  const first = results[0];
  const last = results[results.length - 1];
  if (!first || !last || first === last) return [];
  return (['popupTotal', 'summary', 'attention'] as const).map((name) => {
    const m = median(last.rows[name]) / median(first.rows[name]);
    const p90 = quantile(last.rows[name], 0.9) / quantile(first.rows[name], 0.9);
    return `${MEASUREMENTS[name]}: ${last.cases.toLocaleString('en-US')} vs ${first.cases.toLocaleString('en-US')} cases: median ${m.toFixed(2)}x, p90 ${p90.toFixed(2)}x (goal <= 1.5x)`;
  });
}

/** The sizes to run: CARESIDE_BENCH_SIZES (comma-separated) or 1k, 100k and 1M. */
export function benchSizes(env: string | undefined = process.env.CARESIDE_BENCH_SIZES): number[] {
  const sizes = (env ?? '1000,100000,1000000').split(',').map((part) => Number(part.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1))
    throw new Error(`CARESIDE_BENCH_SIZES must list whole numbers, got "${env}"`);
  return sizes;
}

/** For scripts/bench.ts: run every size and print the table (the load average beside it: timings are noisy). */
export async function runPopupBenchAndPrint(): Promise<void> {
  const results: StoreBenchResult[] = [];
  for (const cases of benchSizes()) {
    console.log(`${cases.toLocaleString('en-US')} cases:`);
    const kept = process.env.CARESIDE_BENCH_PROFILE;
    results.push(await runStoreBench({ cases, profileDir: kept ? `${kept}-${cases}` : undefined }));
  }
  const { loadavg } = await import('node:os');
  console.log(
    `\n${formatStoreBench(results)}\n\nload average at the end: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(', ')}`,
  );
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

if (isMain(import.meta.url)) {
  runPopupBenchAndPrint().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
