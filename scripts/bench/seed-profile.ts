/**
 * Where one 5,000-case import chunk's time goes (issue 20), in real Chromium with the built extension:
 *
 *   npx wxt build && npx tsx scripts/bench/seed-profile.ts     (SEED_PROFILE_CASES=20000 stores that many first)
 *
 * Times, in the same run: the `cases/import` round trip of a chunk; the JavaScript of that path in
 * Node (parse and check, plan, facts, words); and in the worker, on a scratch database, the bare
 * IndexedDB writes of the same records (cases without indexes, with the cases store's indexes,
 * facts with theirs, the word index) and the reads an import makes to find stored matches.
 */
import type { Worker } from 'playwright-core';
import { launchExtensionBrowser, openPopup } from '../browser/launch';
import { syntheticCases } from './synthetic-cases';
import { serializeCasesExport } from '../../lib/transfer/json-export';
import { parseCasesImport } from '../../lib/transfer/import';
import { planImport } from '../../lib/transfer/plan';
import { factsOf } from '../../lib/cases/facts';
import { caseWordsOf } from '../../lib/cases/words';
import { isMain } from '../is-main';

const CHUNK = 5_000;
/** The chunks are those of a year of this many cases (SEED_PROFILE_TOTAL), the popup bench's 100,000 by default. */
const SEEDED_TOTAL = Number(process.env.SEED_PROFILE_TOTAL ?? 100_000);

function timed<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}

/** The JavaScript an import chunk runs, outside IndexedDB, timed in Node. */
function nodeCosts(text: string): Record<string, number> {
  const parsed = timed(() => parseCasesImport(text));
  if (!parsed.value.ok) throw new Error('synthetic file did not parse');
  const rows = parsed.value.rows;
  const plan = timed(() => planImport(new Map(), rows, { takenIds: new Set(), takenRefs: new Set() }));
  const facts = timed(() => plan.value.add.map(factsOf));
  const words = timed(() => plan.value.add.map(caseWordsOf));
  const entries = words.value.reduce((total, list) => total + list.length, 0);
  return {
    'parse + check rows (Node)': parsed.ms,
    'plan (Node)': plan.ms,
    'facts (Node)': facts.ms,
    'words (Node)': words.ms,
    'word index entries per case': entries / plan.value.add.length,
  };
}

interface ScratchRecords {
  cases: unknown[];
  facts: unknown[];
  words: unknown[];
}

/** Bare IndexedDB writes and reads of one chunk's records on a scratch database in the worker, ms each. */
function scratchCosts(worker: Worker, records: ScratchRecords): Promise<Record<string, number>> {
  // Sent as source: tsx would wrap named inner functions in a __name() helper the browser does not have.
  return worker.evaluate(([source, arg]) => ((0, eval)(source) as (records: ScratchRecords) => Promise<Record<string, number>>)(arg), [
    SCRATCH_SOURCE,
    records,
  ] as const);
}

const SCRATCH_SOURCE = `(async ({ cases, facts, words }) => {
    const name = 'scratch-' + Math.random();
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        const made = open.result;
        made.createObjectStore('bare', { keyPath: 'id' });
        const indexed = made.createObjectStore('cases', { keyPath: 'id' });
        indexed.createIndex('createdAt', 'createdAt');
        indexed.createIndex('postKey', 'postKey', { unique: true });
        indexed.createIndex('ref', 'ref', { unique: true });
        indexed.createIndex('status_createdAt', ['status', 'createdAt']);
        const factStore = made.createObjectStore('facts', { keyPath: 'id' });
        for (const [index, path] of [
          ['createdAt', 'createdAt'],
          ['status_createdAt', ['status', 'createdAt']],
          ['platform_createdAt', ['platform', 'createdAt']],
          ['priority_createdAt', ['priority', 'createdAt']],
          ['category_createdAt', ['category', 'createdAt']],
          ['priority_awaitingSince', ['priority', 'awaitingSince']],
          ['followUpAt', 'followUpAt'],
        ])
          factStore.createIndex(index, path);
        factStore.createIndex('brandIds', 'brandIds', { multiEntry: true });
        made.createObjectStore('words', { keyPath: ['createdAt', 'id'] }).createIndex('words', 'words', { multiEntry: true });
        made.createObjectStore('wordsBare', { keyPath: ['createdAt', 'id'] });
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const run = async (store, items, op) => {
      const started = performance.now();
      await new Promise((resolve, reject) => {
        const tx = db.transaction(store, op === 'put' ? 'readwrite' : 'readonly');
        const objects = tx.objectStore(store);
        for (const item of items) {
          if (op === 'put') objects.put(item);
          else {
            const c = item;
            objects.index('postKey').get(c.postKey);
            objects.getKey(c.id);
            objects.index('ref').getKey(c.ref);
          }
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('tx failed'));
      });
      return performance.now() - started;
    };
    const result = {};
    result['put cases, no index (worker)'] = await run('bare', cases, 'put');
    result['put cases, 4 indexes (worker)'] = await run('cases', cases, 'put');
    result['put facts, 8 indexes (worker)'] = await run('facts', facts, 'put');
    result['put words, multiEntry index (worker)'] = await run('words', words, 'put');
    result['put words, no index (worker)'] = await run('wordsBare', words, 'put');
    result['3 match reads per case (worker)'] = await run('cases', cases, 'getPostKey');
    db.close();
    indexedDB.deleteDatabase(name);
    return result;
  })`;

export async function runSeedProfile(stored = Number(process.env.SEED_PROFILE_CASES ?? 10_000)): Promise<void> {
  const browser = await launchExtensionBrowser({ headless: true });
  try {
    const page = await openPopup(browser.context, browser.extensionId);
    const now = Date.now();
    const importChunk = async (start: number) => {
      // In export order, as the popup bench seeds 100,000 cases: a chunk covers its own ~18 days of the year.
      const text = serializeCasesExport(syntheticCases(CHUNK, { now, days: 365, start, total: SEEDED_TOTAL }), now);
      return page.evaluate(async (body) => {
        const started = performance.now();
        const answer = (await chrome.runtime.sendMessage({ type: 'cases/import', payload: { text: body, format: 'json' } })) as {
          ok: boolean;
        };
        if (!answer.ok) throw new Error('import failed');
        return performance.now() - started;
      }, text);
    };
    const imports: number[] = [];
    for (let start = 0; start < stored; start += CHUNK) imports.push(await importChunk(start));
    const text = serializeCasesExport(syntheticCases(CHUNK, { now, days: 365, start: 10_000_000 }), now);
    const node = nodeCosts(text);
    const cases = syntheticCases(CHUNK, { now, days: 365, start: 20_000_000 });
    const scratch = await scratchCosts(browser.serviceWorker, {
      cases,
      facts: cases.map(factsOf),
      words: cases.map((item) => ({ createdAt: item.createdAt, id: item.id, words: caseWordsOf(item) })),
    });
    const { loadavg } = await import('node:os');
    console.log(
      `cases/import of ${CHUNK} cases, ms per chunk as the store grew to ${stored}: ${imports.map((ms) => ms.toFixed(0)).join(', ')}`,
    );
    for (const [label, value] of Object.entries({ ...node, ...scratch })) console.log(`${label.padEnd(44)} ${value.toFixed(1)}`);
    console.log(
      `load average: ${loadavg()
        .map((value) => value.toFixed(2))
        .join(', ')}`,
    );
  } finally {
    await browser.close();
  }
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

if (isMain(import.meta.url)) {
  runSeedProfile().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
