/**
 * Popup benchmark at 100,000 stored cases, in real Chromium with the built extension.
 *
 *   npx wxt build && npx tsx scripts/bench/popup-100k.ts   (or runPopupBench() from scripts/bench.ts)
 *
 * Seeds the store through the service worker (cases/import, 10,000 cases per file, the real
 * validated path), then times the popup from navigation start until popup-open-total shows the
 * count, against a bare IndexedDB count of the same store measured in the same run. The popup
 * reads index counts and short cursors only, so its cost must not grow with the store.
 */
import type { Page, Worker } from 'playwright-core';
import { launchExtensionBrowser, missingPrerequisites, openPopup } from '../browser/launch';
import { syntheticImportFiles } from './synthetic-cases';
import { isMain } from '../is-main';

export const POPUP_TARGET_MS = 150;

export interface PopupBenchOptions {
  cases?: number;
  rounds?: number;
  perFile?: number;
  log?: (line: string) => void;
}

export interface PopupBenchResult {
  cases: number;
  seedMs: number;
  countMs: number[];
  openCountMs: number[];
  popupTotalMs: number[];
  popupCompleteMs: number[];
}

const median = (values: readonly number[]) => quantile(values, 0.5);
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/** Time a bare count on the cases store from the service worker: on an open connection, and open + count. */
async function bareCount(worker: Worker): Promise<{ countMs: number; openCountMs: number; count: number }> {
  // No named inner functions: tsx would wrap them in a __name() helper the browser does not have.
  return worker.evaluate(async () => {
    const started = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('careside');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const opened = performance.now();
    const count = await new Promise<number>((resolve, reject) => {
      const counting = db.transaction('cases', 'readonly').objectStore('cases').count();
      counting.onsuccess = () => resolve(counting.result);
      counting.onerror = () => reject(counting.error ?? new Error('count failed'));
    });
    const done = performance.now();
    db.close();
    return { countMs: done - opened, openCountMs: done - started, count };
  });
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
        setTimeout(() => reject(new Error(`popup-open-total never showed ${expected}`)), 30_000);
      }),
    expectedOpen,
  );
  await page.waitForSelector('[data-testid="popup-breaching"]', { timeout: 30_000 });
  const completeMs = await page.evaluate(() => performance.now());
  return { totalMs, completeMs };
}

export async function runPopupBench(options: PopupBenchOptions = {}): Promise<PopupBenchResult> {
  const total = options.cases ?? 100_000;
  const rounds = options.rounds ?? 9;
  const perFile = options.perFile ?? 10_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const problems = missingPrerequisites();
  if (problems.length > 0) throw new Error(problems.join('\n'));

  const browser = await launchExtensionBrowser({ headless: true });
  try {
    const sender = await openPopup(browser.context, browser.extensionId);
    const now = Date.now();
    const files = syntheticImportFiles(total, perFile, { now, days: 90 });
    const seedStart = performance.now();
    for (const [i, text] of files.entries()) {
      const answer = (await sender.evaluate((payload) => chrome.runtime.sendMessage({ type: 'cases/import', payload }), { text })) as {
        ok: boolean;
        data?: { report: { accepted: unknown[]; rejected: unknown[] } };
        error?: { message: string };
      };
      if (!answer.ok || !answer.data || answer.data.report.rejected.length > 0) {
        throw new Error(`Seeding file ${i + 1} failed: ${JSON.stringify(answer.error ?? answer.data?.report.rejected.slice(0, 3))}`);
      }
      log(`  seeded ${Math.min(total, (i + 1) * perFile).toLocaleString('en-US')} cases`);
    }
    const seedMs = performance.now() - seedStart;
    await sender.close();

    const summary = (await (
      await openPopup(browser.context, browser.extensionId)
    ).evaluate(() => chrome.runtime.sendMessage({ type: 'cases/summary', payload: {} }))) as { data: { openTotal: number } };
    const expectedOpen = summary.data.openTotal;

    const worker = browser.serviceWorker;
    const countMs: number[] = [];
    const openCountMs: number[] = [];
    const popupTotalMs: number[] = [];
    const popupCompleteMs: number[] = [];
    // One warm-up of each (code caches, first connection), then alternate so both see the same machine state.
    await bareCount(worker);
    const warm = await browser.context.newPage();
    await timePopup(warm, browser.extensionId, expectedOpen);
    await warm.close();
    for (let round = 0; round < rounds; round += 1) {
      const bare = await bareCount(worker);
      if (bare.count !== total) throw new Error(`Expected ${total} stored cases, the store counts ${bare.count}`);
      countMs.push(bare.countMs);
      openCountMs.push(bare.openCountMs);
      const page = await browser.context.newPage();
      const timed = await timePopup(page, browser.extensionId, expectedOpen);
      popupTotalMs.push(timed.totalMs);
      popupCompleteMs.push(timed.completeMs);
      await page.close();
    }
    return { cases: total, seedMs, countMs, openCountMs, popupTotalMs, popupCompleteMs };
  } finally {
    await browser.close();
  }
}

export function formatPopupBench(result: PopupBenchResult): string {
  const baseline = median(result.countMs);
  const row = (name: string, values: readonly number[]) => {
    const m = median(values);
    return `| ${name.padEnd(44)} | ${m.toFixed(1).padStart(8)} | ${quantile(values, 0.9).toFixed(1).padStart(8)} | ${Math.min(...values)
      .toFixed(1)
      .padStart(8)} | ${(m / baseline).toFixed(1).padStart(7)}x |`;
  };
  const popup = median(result.popupTotalMs);
  return [
    `${result.cases.toLocaleString('en-US')} cases seeded through the service worker in ${(result.seedMs / 1000).toFixed(1)} s (${Math.round(result.cases / (result.seedMs / 1000)).toLocaleString('en-US')} cases/s)`,
    '',
    `| ${'measurement (ms)'.padEnd(44)} | ${'median'.padStart(8)} | ${'p90'.padStart(8)} | ${'best'.padStart(8)} | vs count |`,
    `|${'-'.repeat(46)}|${'-'.repeat(10)}|${'-'.repeat(10)}|${'-'.repeat(10)}|${'-'.repeat(10)}|`,
    row('bare IndexedDB count (open connection)', result.countMs),
    row('bare IndexedDB open + count', result.openCountMs),
    row('popup: navigation -> popup-open-total filled', result.popupTotalMs),
    row('popup: navigation -> priorities + breaching', result.popupCompleteMs),
    '',
    `popup-open-total median ${popup.toFixed(1)} ms: ${popup < POPUP_TARGET_MS ? 'PASS' : 'FAIL'} (target < ${POPUP_TARGET_MS} ms)`,
  ].join('\n');
}

/** For scripts/bench.ts: run and print the table. */
export async function runPopupBenchAndPrint(): Promise<void> {
  console.log(formatPopupBench(await runPopupBench()));
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

if (isMain(import.meta.url)) {
  runPopupBenchAndPrint().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
