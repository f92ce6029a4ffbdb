/**
 * Content-script startup in real Chromium: how long after navigation CareSide's sidebar first
 * shows (its status line rendered in its shadow root), against an empty content script that only
 * marks that it ran, loaded the same way (same match pattern, document_idle) in its own browser,
 * in the same run. The difference is what CareSide adds to startup: loading and compiling its
 * script, reading settings and the first scan and render. Also prints the content script's size.
 *
 *   npx tsx scripts/bench/startup.ts     (or npm run bench -- startup)
 *   STARTUP_BENCH_RUNS=9 …               (page loads per browser; default 7, medians shown)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';
import { loadDemoSettings } from '../../demo/pages';
import { xSearchPageHtml } from '../../demo/x/markup';
import { isMain } from '../is-main';
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS, chromiumProblem, launchExtensionBrowser, seedSettings, serveSites } from '../browser/launch';
import { BENCH_EXTENSION_DIR, BENCH_URL, benchPosts, buildForBench, median } from './timeline';

/** CareSide's extra startup target (issue 19). */
export const TARGET_EXTRA_STARTUP_MS = 50;
const EMPTY_MARK = 'data-empty-content-script';

/**
 * In the page's main world before its scripts: when the empty content script marked <html>, and
 * when CareSide's sidebar status line first rendered (its shadow root is open), in ms since navigation.
 */
const STARTUP_PROBE = `
(() => {
  const times = (window.__startup = {});
  const watchSidebar = (host) => {
    const seen = () => host.shadowRoot?.querySelector('[data-testid="careside-sidebar-status"]');
    const check = () => {
      if (times.sidebar === undefined && seen()) times.sidebar = performance.now();
    };
    if (host.shadowRoot) new MutationObserver(check).observe(host.shadowRoot, { childList: true, subtree: true });
    check();
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && times.empty === undefined) times.empty = performance.now();
      for (const node of record.addedNodes) if (node.nodeName === 'CARESIDE-SIDEBAR') watchSidebar(node);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['${EMPTY_MARK}'] });
})();
`;

export interface StartupBenchResult {
  sidebarMs: number;
  emptyMs: number;
  extraMs: number;
  scriptKb: number;
  scriptGzipKb: number;
  passed: boolean;
}

/** A one-file extension whose content script only marks that it ran. */
function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'careside-empty-cs-'));
  const manifest = {
    manifest_version: 3,
    name: 'Empty content script',
    version: '1.0.0',
    content_scripts: [{ matches: ['https://x.com/*'], js: ['empty.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'empty.js'), `document.documentElement.setAttribute('${EMPTY_MARK}', '');\n`);
  return dir;
}

async function launchWith(extensionDir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...QUIET_CHROMIUM_ARGS],
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith('http') || url.startsWith('ws') ? route.abort('blockedbyclient') : route.continue();
  });
  return context;
}

/** Load the page once; ms since navigation until `mark` was seen. */
async function timeOnce(context: BrowserContext, mark: 'sidebar' | 'empty'): Promise<number> {
  const page = await context.newPage();
  try {
    await page.addInitScript(STARTUP_PROBE);
    await page.goto(BENCH_URL, { waitUntil: 'load' });
    const handle = await page.waitForFunction(
      (key) => (window as unknown as { __startup: Record<string, number | undefined> }).__startup[key],
      mark,
      { timeout: 20_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

export async function runStartupBench(runs = Number(process.env.STARTUP_BENCH_RUNS ?? 7)): Promise<StartupBenchResult> {
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  buildForBench();
  // A page with a few brand mentions, so the sidebar has something to show.
  const html = xSearchPageHtml({ query: 'Acme Air', posts: benchPosts(10), note: 'CareSide startup benchmark page' });
  const emptyDir = emptyExtension();
  const careSide = await launchExtensionBrowser({ headless: true, extensionPath: BENCH_EXTENSION_DIR });
  const empty = await launchWith(emptyDir);
  const sidebar: number[] = [];
  const marked: number[] = [];
  try {
    await seedSettings(careSide.serviceWorker, loadDemoSettings());
    await serveSites(careSide.context, { [BENCH_URL]: html });
    await serveSites(empty, { [BENCH_URL]: html });
    // One warm-up load each (compile caches, the worker's first wake), then alternate.
    await timeOnce(careSide.context, 'sidebar');
    await timeOnce(empty, 'empty');
    for (let run = 0; run < runs; run++) {
      sidebar.push(await timeOnce(careSide.context, 'sidebar'));
      marked.push(await timeOnce(empty, 'empty'));
    }
  } finally {
    await careSide.close();
    await empty.close();
    rmSync(emptyDir, { recursive: true, force: true });
  }
  const script = readFileSync(resolve(BENCH_EXTENSION_DIR, 'content-scripts/x.js'));
  const sidebarMs = median(sidebar);
  const emptyMs = median(marked);
  const result: StartupBenchResult = {
    sidebarMs,
    emptyMs,
    extraMs: sidebarMs - emptyMs,
    scriptKb: script.length / 1024,
    scriptGzipKb: gzipSync(script).length / 1024,
    passed: sidebarMs - emptyMs <= TARGET_EXTRA_STARTUP_MS,
  };
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    [
      `Startup bench: x.com search page with 10 posts, medians of ${runs} loads per browser after one warm-up ` +
        `(${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1) ?? '?'} at the end)`,
      `  CareSide sidebar first rendered           ${ms(sidebarMs)} after navigation  (each: ${sidebar.map((t) => t.toFixed(0)).join(' ')})`,
      `  baseline: empty content script ran        ${ms(emptyMs)} after navigation  (each: ${marked.map((t) => t.toFixed(0)).join(' ')})`,
      `  extra startup (sidebar - empty script)    ${ms(result.extraMs)}  <= ${TARGET_EXTRA_STARTUP_MS} ms ${result.passed ? 'ok' : 'OVER TARGET'}`,
      `  content script x.js                       ${result.scriptKb.toFixed(0)} KB min, ${result.scriptGzipKb.toFixed(0)} KB gzip`,
    ].join('\n'),
  );
  return result;
}

if (isMain(import.meta.url)) {
  runStartupBench()
    .then((result) => {
      if (!result.passed) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    });
}
