/**
 * Content-script startup in real Chromium: how long after navigation CareSide's sidebar first
 * shows (its status line rendered in its shadow root), against an empty content script that only
 * marks that it ran, loaded the same way (same match pattern, document_idle) in its own browser,
 * in the same run. The difference is what CareSide adds to startup: loading and compiling its
 * script, reading settings, the first scan, loading the sidebar's module (content-ui.js, which
 * the content script import()s once the page has mentions) and its first render. Also times the
 * first inline control (the first stage alone) and prints both stages' sizes per site.
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
import { SIDEBAR_UI_FILE } from '../../lib/content/sidebar-ui';
import { isMain } from '../is-main';
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS, chromiumProblem, launchExtensionBrowser, seedSettings, serveSites } from '../browser/launch';
import { BENCH_EXTENSION_DIR, BENCH_URL, benchPosts, buildForBench, median } from './timeline';

/** CareSide's extra startup target (issue 19). */
export const TARGET_EXTRA_STARTUP_MS = 50;
const EMPTY_MARK = 'data-empty-content-script';

/**
 * In the page's main world before its scripts: when the empty content script marked <html>, when
 * CareSide's first inline control was added, and when its sidebar status line first rendered (its
 * shadow root is open), in ms since navigation.
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
      for (const node of record.addedNodes) {
        if (node.nodeName === 'CARESIDE-SIDEBAR') watchSidebar(node);
        if (node.nodeName === 'CARESIDE-INLINE' && times.inline === undefined) times.inline = performance.now();
      }
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['${EMPTY_MARK}'] });
})();
`;

export interface StartupBenchResult {
  sidebarMs: number;
  /** The first inline control: what the first stage alone takes to show something. */
  firstControlMs: number;
  emptyMs: number;
  extraMs: number;
  scripts: ScriptSize[];
  passed: boolean;
}

interface ScriptSize {
  file: string;
  kb: number;
  gzipKb: number;
}

/** The first stage per site, and the sidebar module they load (lib/content/sidebar-ui.ts). */
const SCRIPT_FILES = ['content-scripts/x.js', 'content-scripts/facebook.js', 'content-scripts/yelp.js', SIDEBAR_UI_FILE];

function scriptSize(file: string): ScriptSize {
  const script = readFileSync(resolve(BENCH_EXTENSION_DIR, file));
  return { file, kb: script.length / 1024, gzipKb: gzipSync(script).length / 1024 };
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

type Mark = 'sidebar' | 'inline' | 'empty';

/** Load the page once; ms since navigation until each of `marks` was seen. */
async function timeOnce<M extends Mark>(context: BrowserContext, marks: readonly M[]): Promise<Record<M, number>> {
  const page = await context.newPage();
  try {
    await page.addInitScript(STARTUP_PROBE);
    await page.goto(BENCH_URL, { waitUntil: 'load' });
    const handle = await page.waitForFunction(
      (keys: readonly string[]) => {
        const times = (window as unknown as { __startup: Record<string, number | undefined> }).__startup;
        return keys.every((key) => times[key] !== undefined) && times;
      },
      marks as readonly string[],
      { timeout: 20_000 },
    );
    return (await handle.jsonValue()) as Record<M, number>;
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
  const firstControl: number[] = [];
  const marked: number[] = [];
  try {
    await seedSettings(careSide.serviceWorker, loadDemoSettings());
    await serveSites(careSide.context, { [BENCH_URL]: html });
    await serveSites(empty, { [BENCH_URL]: html });
    // One warm-up load each (compile caches, the worker's first wake), then alternate.
    await timeOnce(careSide.context, ['sidebar', 'inline']);
    await timeOnce(empty, ['empty']);
    for (let run = 0; run < runs; run++) {
      const times = await timeOnce(careSide.context, ['sidebar', 'inline']);
      sidebar.push(times.sidebar);
      firstControl.push(times.inline);
      marked.push((await timeOnce(empty, ['empty'])).empty);
    }
  } finally {
    await careSide.close();
    await empty.close();
    rmSync(emptyDir, { recursive: true, force: true });
  }
  const sidebarMs = median(sidebar);
  const emptyMs = median(marked);
  const result: StartupBenchResult = {
    sidebarMs,
    firstControlMs: median(firstControl),
    emptyMs,
    extraMs: sidebarMs - emptyMs,
    scripts: SCRIPT_FILES.map(scriptSize),
    passed: sidebarMs - emptyMs <= TARGET_EXTRA_STARTUP_MS,
  };
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    [
      `Startup bench: x.com search page with 10 posts, medians of ${runs} loads per browser after one warm-up ` +
        `(${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1) ?? '?'} at the end)`,
      `  CareSide sidebar first rendered           ${ms(sidebarMs)} after navigation  (each: ${sidebar.map((t) => t.toFixed(0)).join(' ')})`,
      `  CareSide first inline control             ${ms(result.firstControlMs)} after navigation  (each: ${firstControl.map((t) => t.toFixed(0)).join(' ')})`,
      `  baseline: empty content script ran        ${ms(emptyMs)} after navigation  (each: ${marked.map((t) => t.toFixed(0)).join(' ')})`,
      `  extra startup (sidebar - empty script)    ${ms(result.extraMs)}  <= ${TARGET_EXTRA_STARTUP_MS} ms ${result.passed ? 'ok' : 'OVER TARGET'}`,
      `  extra to the first control (first stage)  ${ms(result.firstControlMs - emptyMs)}`,
      ...result.scripts.map(
        ({ file, kb, gzipKb }) =>
          `  ${file.padEnd(40)} ${kb.toFixed(0)} KB min, ${gzipKb.toFixed(1)} KB gzip${firstStageNote(file, gzipKb)}`,
      ),
    ].join('\n'),
  );
  return result;
}

/** The first stage's size target (issue 19); the sidebar module has none. */
export const TARGET_FIRST_STAGE_GZIP_KB = 60;

function firstStageNote(file: string, gzipKb: number): string {
  if (file === SIDEBAR_UI_FILE) return '  (sidebar module, loaded when a page has something to show)';
  return `  (first stage, <= ${TARGET_FIRST_STAGE_GZIP_KB} KB gzip ${gzipKb <= TARGET_FIRST_STAGE_GZIP_KB ? 'ok' : 'OVER TARGET'})`;
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
