/**
 * Where a dashboard search and a filtered stats call spend their time (issue 20 item 3), in real
 * Chromium on a profile the popup bench seeded and kept:
 *
 *   CARESIDE_BENCH_SIZES=100000 CARESIDE_BENCH_PROFILE=/tmp/popup-bench npm run bench -- popup
 *   npx wxt build && npx tsx scripts/bench/search-profile.ts /tmp/popup-bench-100000
 *
 * Times, in the service worker on the stored database, the IndexedDB steps the search walk and
 * stats make, each alone (median of 7): a word's first-1,001-keys probe, the prefix's
 * distinct words by a `nextunique` cursor and by seeking past each word, the newest 128 entries
 * in one request, a word's whole key list, the facts records of one platform's last 90 days and
 * (v7 on) the kept stats rows of the same days;
 * then the `cases/query` and `cases/stats` round trips.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { launchExtensionBrowser, openPopup } from '../browser/launch';
import { isMain } from '../is-main';

// A different word each run: a repeated search would be answered from the worker's cache.
const WORDS = ['refund', 'suitcase', 'flight', 'cancelled', 'staff', 'delayed', 'charged'];
const RUNS = 7;
const DAY = 24 * 60 * 60_000;

/** The raw steps, ms per run. Sent as source: tsx would wrap named inner functions in a __name() helper. */
const STEPS_SOURCE = `async ({ word, since, platform }) => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('careside');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const words = () => db.transaction('case_words', 'readonly').objectStore('case_words').index('words');
  const prefix = IDBKeyRange.bound(word, word + '\\uffff');
  const timings = {};
  const time = async (name, work) => {
    const started = performance.now();
    const result = await work();
    timings[name] = performance.now() - started;
    return result;
  };
  await time('probe: first 1,001 keys of the prefix', () => done(words().getAllKeys(prefix, 1001)));
  await time('probe: first 201 keys of the prefix', () => done(words().getAllKeys(prefix, 201)));
  await time('first round, all at once (201-key probe, newest 128 keys, first and last word)', () => {
    const index = words();
    return Promise.all([
      done(index.getAllKeys(prefix, 201)),
      done(index.getAllKeys({ query: IDBKeyRange.only(word), count: 128, direction: 'prev' })),
      done(index.openKeyCursor(prefix, 'next')),
      done(index.openKeyCursor(prefix, 'prev')),
    ]);
  });
  await time('newest 128 keys (getAllKeys prev)', () =>
    done(words().getAllKeys({ query: IDBKeyRange.only(word), count: 128, direction: 'prev' })));
  await time('an empty transaction (one request)', () => done(words().count(IDBKeyRange.only('zzzz-none'))));
  const pageKeys = await done(words().getAllKeys({ query: IDBKeyRange.only(word), count: 50, direction: 'prev' }));
  await time('a page: 50 cases by id, one get each, issued together', () => {
    const cases = db.transaction('cases', 'readonly').objectStore('cases');
    return Promise.all(pageKeys.map(([, id]) => done(cases.get(id))));
  });
  const distinctBy = (direction, seek) => new Promise((resolve, reject) => {
    const found = [];
    const request = words().openKeyCursor(prefix, direction);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor || found.length > 16) return resolve(found);
      found.push(cursor.key);
      if (seek) cursor.continue(cursor.key + '\\u0000');
      else cursor.continue();
    };
  });
  timings['distinct words found'] = (await time('distinct words: nextunique cursor', () => distinctBy('nextunique', false))).length;
  await time('distinct words: seek past each word', () => distinctBy('next', true));
  const index = words();
  if (typeof index.getAllRecords === 'function') {
    await time('newest 128 entries (getAllRecords prev)', () =>
      done(index.getAllRecords({ query: IDBKeyRange.only(word), count: 128, direction: 'prev' })));
  }
  timings['whole key list: entries'] = (await time('whole key list (getAllKeys)', () => done(words().getAllKeys(IDBKeyRange.only(word))))).length;
  const facts = db.transaction('case_facts', 'readonly').objectStore('case_facts').index('platform_createdAt');
  const range = IDBKeyRange.bound([platform, since], [platform, Infinity]);
  timings['stats: facts records'] = (await time('stats: getAll of one platform, 90 days', () => done(facts.getAll(range)))).length;
  const keyFacts = db.transaction('case_facts', 'readonly').objectStore('case_facts').index('platform_createdAt');
  await time('stats: getAllKeys of the same range', () => done(keyFacts.getAllKeys(range)));
  if (db.objectStoreNames.contains('case_stats')) {
    const days = IDBKeyRange.bound(['platform:' + platform, Math.floor(since / 86400000)], ['platform:' + platform, Infinity]);
    const kept = db.transaction('case_stats', 'readonly').objectStore('case_stats');
    timings['stats: kept rows'] = (await time('stats: kept rows of the same platform and days (v7)', () => done(kept.getAll(days)))).length;
  }
  db.close();
  return timings;
}`;

function rawSteps(worker: Worker, arg: { word: string; since: number; platform: string }): Promise<Record<string, number>> {
  return worker.evaluate(([source, input]) => ((0, eval)(source) as (value: typeof input) => Promise<Record<string, number>>)(input), [
    STEPS_SOURCE,
    arg,
  ] as const);
}

/** One message round trip from an extension page, ms. No named inner functions: tsx would wrap them in __name(). */
function roundTrip(page: Page, type: string, payload: unknown): Promise<number> {
  return page.evaluate(
    async ({ type, payload }) => {
      const started = performance.now();
      await chrome.runtime.sendMessage({ type, payload });
      return performance.now() - started;
    },
    { type, payload },
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function runSearchProfile(profileDir: string): Promise<void> {
  const { now } = JSON.parse(readFileSync(join(profileDir, 'careside-bench-seeded.json'), 'utf8')) as { now: number };
  const browser = await launchExtensionBrowser({ headless: true, userDataDir: profileDir, freshWorkerScript: true });
  try {
    const page = await openPopup(browser.context, browser.extensionId);
    const samples: Record<string, number[]> = {};
    for (let run = 0; run < RUNS; run += 1) {
      const word = WORDS[run % WORDS.length] as string;
      const steps = await rawSteps(browser.serviceWorker, { word, since: now - 90 * DAY, platform: 'x' });
      const since = now - 90 * DAY - run;
      const trips = {
        'cases/query round trip (one word)': await roundTrip(page, 'cases/query', { filter: { search: word }, offset: 0, limit: 50 }),
        'cases/stats round trip (x, 90 days)': await roundTrip(page, 'cases/stats', {
          filter: { platform: 'x', from: since },
          timeZone: 'UTC',
        }),
      };
      for (const [name, ms] of Object.entries({ ...steps, ...trips })) (samples[name] ??= []).push(ms);
    }
    for (const [name, values] of Object.entries(samples)) console.log(`${name.padEnd(48)} ${median(values).toFixed(1)}`);
  } finally {
    await browser.close();
  }
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

if (isMain(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('Usage: npx tsx scripts/bench/search-profile.ts <kept bench profile folder>');
  runSearchProfile(dir).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
