/**
 * `npm run bench -- coldstart`: time from a stopped service worker to the first triage answer, as a
 * content script on x.com asks for it (runtime.sendMessage posts/triage from the content script's own
 * isolated world, timed there), in real Chromium. The worker is stopped the way Chrome stops an idle
 * one (CDP ServiceWorker.stopAllWorkers), so every round pays the full wake: worker start, module
 * evaluation of the background bundle, settings and IndexedDB reads, the model, the triage itself.
 *
 * Baselines in the same run and browser: the same request to the warm worker right after, and the cold
 * start of an empty extension (a worker that answers every message at once) asked from its own content
 * script on the same page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { loadDemoSettings } from '../../demo/pages';
import { DEMO_X_SEARCH_POSTS } from '../../demo/x/search-posts';
import type { TriageStats } from '../../lib/background/triage';
import type { TriagePost } from '../../lib/messaging/protocol';
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS, chromiumProblem, seedSettings, serveSites } from '../browser/launch';
import { ColdWorkerProfiler, summariseColdProfiles, writeProfile, type CpuProfile } from './coldstart-profile';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * The bench build (shared with the timeline bench): `WXT_BENCH=1 npx wxt build` → .output/bench.
 * COLDSTART_EXTENSION_DIR measures another build (e.g. an older commit's, for a before/after).
 */
const BENCH_EXTENSION_DIR = process.env.COLDSTART_EXTENSION_DIR ?? resolve(ROOT, '.output/bench/chrome-mv3');
const PAGE_URL = 'https://x.com/coldstart-bench';
const EMPTY_EXTENSION_NAME = 'CareSide bench: empty worker';
export const TARGET_COLD_MS = 100;
/** Clock slack between the page's Date.now() and the worker's performance.timeOrigin (different processes). */
const NOT_COLD_SLACK_MS = 5;

export interface ColdStartOptions {
  rounds?: number;
  /** Skip `wxt build` and use the last bench build. */
  build?: boolean;
  print?: boolean;
}

export interface ColdStartResult {
  rounds: number;
  posts: number;
  coldMs: number[];
  warmMs: number[];
  emptyColdMs: number[];
  backgroundBytes: number;
  /** Where a cold start's time goes, from the worker's own clock (ms since it started), one entry per round. */
  stages: { moduleMs: number; toHandlerMs: number; handlerMs: number }[];
  /** Rounds discarded and repeated because the worker was already running when the request left. */
  notCold: number;
  passed: boolean;
}

/** The demo search page's posts, as the content script sends them (one first batch). */
export function coldStartPosts(): TriagePost[] {
  return DEMO_X_SEARCH_POSTS.map((post) => ({
    platform: 'x',
    postId: post.id,
    kind: 'post',
    text: post.text,
    postedAt: post.postedAt,
    reach: {
      ...(post.replies !== undefined ? { replies: post.replies } : {}),
      ...(post.likes !== undefined ? { likes: post.likes } : {}),
      ...(post.views !== undefined ? { views: post.views } : {}),
    },
  }));
}

/** A minimal MV3 extension: a worker answering every message at once, and a no-op content script on x.com. */
function writeEmptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'careside-empty-ext-'));
  const manifest = {
    manifest_version: 3,
    name: EMPTY_EXTENSION_NAME,
    version: '1.0.0',
    background: { service_worker: 'empty-worker.js' },
    content_scripts: [{ matches: ['https://x.com/*'], js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(
    join(dir, 'empty-worker.js'),
    'chrome.runtime.onMessage.addListener((message, sender, sendResponse) => { sendResponse({ ok: true, data: { results: [] } }); });\n',
  );
  writeFileSync(join(dir, 'content.js'), "// Only here so the page has this extension's isolated world to send from.\n");
  return dir;
}

/** The browser's DevTools WebSocket address, which Chromium writes to DevToolsActivePort once it listens. */
function debuggingEndpoint(userDataDir: string): string {
  const [port, path] = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
  if (!port || !path) throw new Error(`no debugging port in ${userDataDir}/DevToolsActivePort`);
  return `ws://127.0.0.1:${port}${path}`;
}

function buildForBench(): void {
  console.log('→ Building the extension for the bench (WXT_BENCH=1 npx wxt build → .output/bench)…');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, WXT_BENCH: '1' } });
  if (result.status !== 0) throw new Error('npx wxt build failed; see its output above');
}

/** Each extension's service worker status as CDP reports it, by extension id. */
class WorkerStatuses {
  private readonly status = new Map<string, string>();
  private readonly waiters = new Set<() => void>();

  constructor(cdp: CDPSession) {
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        if (!version.scriptURL.startsWith('chrome-extension://')) continue;
        this.status.set(new URL(version.scriptURL).host, version.runningStatus);
      }
      for (const wake of [...this.waiters]) wake();
    });
  }

  ids(): string[] {
    return [...this.status.keys()];
  }

  /** Resolve once every known extension worker is reported stopped (CDP events, never a sleep). */
  async allStopped(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ([...this.status.values()].some((status) => status !== 'stopped')) {
      if (Date.now() > deadline)
        throw new Error(`service workers did not stop within ${timeoutMs} ms: ${JSON.stringify([...this.status])}`);
      await new Promise<void>((done) => {
        const timer = setTimeout(done, 1_000);
        this.waiters.add(() => {
          clearTimeout(timer);
          this.waiters.clear();
          done();
        });
      });
    }
  }
}

/** The content scripts' isolated worlds on the page, by extension name. */
async function isolatedWorlds(cdp: CDPSession, names: readonly string[]): Promise<Map<string, number>> {
  const worlds = new Map<string, number>();
  const found = new Promise<void>((done) => {
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string } | undefined;
      if (aux?.type === 'isolated' && names.includes(context.name)) worlds.set(context.name, context.id);
      if (names.every((name) => worlds.has(name))) done();
    });
  });
  await cdp.send('Runtime.enable');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`content scripts not injected: found ${[...worlds.keys()].join(', ') || 'none'}`)), 15_000);
  });
  await Promise.race([found, timeout]).finally(() => clearTimeout(timer));
  return worlds;
}

interface Answer {
  ms: number;
  ok: boolean;
  results: number;
  /** Wall-clock time the request was sent, to check the worker started after it. */
  sentAt: number;
}

/** Send one message from an isolated world and time the answer there. */
async function ask(cdp: CDPSession, contextId: number, message: unknown): Promise<Answer> {
  const expression = `(async () => {
    const message = ${JSON.stringify(message)};
    const sentAt = Date.now();
    const started = performance.now();
    const answer = await chrome.runtime.sendMessage(message);
    const ms = performance.now() - started;
    return { ms, sentAt, ok: answer?.ok === true, results: answer?.data?.results?.length ?? -1 };
  })()`;
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`sendMessage failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as Answer;
}

interface WorkerClock {
  /** performance.timeOrigin: when the worker started. */
  startedAt: number;
  /** The bench build's triage counters (lib/background/triage.ts), absent in the empty extension. */
  stats?: TriageStats;
}

/** When the extension's current worker started, to prove a start was cold, and its stage times. */
async function workerClock(context: BrowserContext, extensionId: string): Promise<WorkerClock> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const worker = context.serviceWorkers().find((candidate) => new URL(candidate.url()).host === extensionId);
    if (!worker) throw new Error(`no service worker for ${extensionId}`);
    try {
      return await worker.evaluate(() => ({
        startedAt: performance.timeOrigin,
        stats: (globalThis as { careSideTriageStats?: TriageStats }).careSideTriageStats,
      }));
    } catch {
      // A stopped worker's handle that Playwright has not dropped yet: look again.
    }
  }
  throw new Error(`could not reach the service worker of ${extensionId}`);
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

export async function runColdStartBench(input: ColdStartOptions = {}): Promise<ColdStartResult> {
  const rounds = input.rounds ?? Number(process.env.COLDSTART_ROUNDS ?? 15);
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  if (input.build ?? (process.env.COLDSTART_BUILD !== '0' && !process.env.COLDSTART_EXTENSION_DIR)) buildForBench();
  const emptyDir = writeEmptyExtension();
  const extensions = `${BENCH_EXTENSION_DIR},${emptyDir}`;
  // COLDSTART_PROFILE=<path>: sample every timed CareSide cold start (the sampling slows them: time them without it).
  const profilePath = process.env.COLDSTART_PROFILE;
  const userDataDir = mkdtempSync(join(tmpdir(), 'careside-coldstart-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      ...QUIET_CHROMIUM_ARGS,
      ...(profilePath ? ['--remote-debugging-port=0'] : []),
    ],
  });
  const posts = coldStartPosts();
  const result: ColdStartResult = {
    rounds,
    posts: posts.length,
    coldMs: [],
    warmMs: [],
    emptyColdMs: [],
    notCold: 0,
    stages: [],
    backgroundBytes: statSync(join(BENCH_EXTENSION_DIR, 'background.js')).size,
    passed: false,
  };
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith('http') || url.startsWith('ws') ? route.abort('blockedbyclient') : route.continue();
    });
    await serveSites(context, { [PAGE_URL]: '<!doctype html><title>cold start</title><main>No posts here.</main>' });
    const isCareSide = (url: string) => url.startsWith('chrome-extension://') && url.endsWith('/background.js');
    const careSide =
      context.serviceWorkers().find((worker) => isCareSide(worker.url())) ??
      (await context.waitForEvent('serviceworker', { predicate: (worker) => isCareSide(worker.url()) }));
    await seedSettings(careSide, loadDemoSettings());
    // The welcome tab of a first install, if it opened: not part of the bench.
    for (const page of context.pages()) if (page.url().includes('welcome.html')) await page.close();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const statuses = new WorkerStatuses(cdp);
    await cdp.send('ServiceWorker.enable');
    const worldsReady = isolatedWorlds(cdp, ['CareSide', EMPTY_EXTENSION_NAME]);
    await page.goto(PAGE_URL);
    const worlds = await worldsReady;
    const careSideWorld = worlds.get('CareSide') as number;
    const emptyWorld = worlds.get(EMPTY_EXTENSION_NAME) as number;
    const triage = { type: 'posts/triage', payload: { posts } };
    const careSideId = new URL(careSide.url()).host;
    const emptyId = statuses.ids().find((id) => id !== careSideId);

    /** Stop the workers, then ask; retried when something else woke the worker first (counted in `notCold`). */
    const coldAnswer = async (
      world: number,
      message: unknown,
      extensionId: string | undefined,
      afterAnswer?: () => Promise<void>,
    ): Promise<Answer & WorkerClock> => {
      for (let attempt = 0; attempt < 5; attempt++) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        await statuses.allStopped();
        const answer = await ask(cdp, world, message);
        if (!answer.ok) throw new Error(`the cold worker answered with an error: ${JSON.stringify(answer)}`);
        await afterAnswer?.();
        // Proof the answer came from a worker started by this request, not one something else woke.
        const clock = extensionId ? await workerClock(context, extensionId) : { startedAt: Infinity };
        if (clock.startedAt >= answer.sentAt - NOT_COLD_SLACK_MS) return { ...answer, ...clock };
        result.notCold++;
      }
      throw new Error('the worker kept starting before the request was sent: no cold start to measure');
    };

    const profiler = profilePath ? await ColdWorkerProfiler.attach(debuggingEndpoint(userDataDir), careSide.url()) : undefined;
    const profiles: CpuProfile[] = [];

    // One untimed wake first: Chrome's own first-run work (code cache, storage) is not a wake-up.
    await coldAnswer(careSideWorld, triage, careSideId);
    await coldAnswer(emptyWorld, { type: 'ping' }, emptyId);
    for (let round = 0; round < rounds; round++) {
      profiler?.arm();
      // The profile ends with the answer: what the worker does after it is not part of the wait.
      const cold = await coldAnswer(careSideWorld, triage, careSideId, profiler && (async () => void profiles.push(await profiler.stop())));
      if (cold.results !== posts.length) throw new Error(`expected ${posts.length} triage results, got ${cold.results}`);
      result.coldMs.push(cold.ms);
      const { startedAt, firstRequestAt, firstAnsweredAt } = cold.stats ?? {};
      if (startedAt !== undefined && firstRequestAt !== undefined && firstAnsweredAt !== undefined) {
        result.stages.push({ moduleMs: startedAt, toHandlerMs: firstRequestAt - startedAt, handlerMs: firstAnsweredAt - firstRequestAt });
      }
      result.warmMs.push((await ask(cdp, careSideWorld, triage)).ms);
      result.emptyColdMs.push((await coldAnswer(emptyWorld, { type: 'ping' }, emptyId)).ms);
    }
    if (profilePath && profiles.length > 0) {
      profiles.forEach((profile, index) => writeProfile(`${profilePath}.${index + 1}.cpuprofile`, profile));
      console.log(summariseColdProfiles(profiles, 'background.js'));
    }
    await profiler?.close();
  } finally {
    await context.close();
    rmSync(emptyDir, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
  result.passed = percentile(result.coldMs, 0.5) <= TARGET_COLD_MS;
  if (input.print ?? true) console.log(formatColdStart(result));
  return result;
}

export function formatColdStart(result: ColdStartResult): string {
  const row = (name: string, values: readonly number[], note: string) =>
    `  ${name.padEnd(44)} ${percentile(values, 0.5).toFixed(1).padStart(7)} ms ${percentile(values, 0.9).toFixed(1).padStart(7)} ms  ${note}`;
  const coldMedian = percentile(result.coldMs, 0.5);
  return [
    `Cold service worker → first triage answer: ${result.rounds} cold starts, ${result.posts} posts per request, ` +
      `asked by a content script on x.com (Chromium ${CHROMIUM_PATH}; ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1) ?? '?'} at the end)`,
    `  ${''.padEnd(44)} ${'median'.padStart(10)} ${'p90'.padStart(10)}`,
    row(
      'CareSide: stopped worker → triage answer',
      result.coldMs,
      `target median <= ${TARGET_COLD_MS} ms ${result.passed ? 'ok' : 'OVER TARGET'}`,
    ),
    row('baseline: same request, warm worker', result.warmMs, `cold - warm ${(coldMedian - percentile(result.warmMs, 0.5)).toFixed(1)} ms`),
    row(
      'baseline: empty extension, stopped worker',
      result.emptyColdMs,
      `cold / empty ${(coldMedian / percentile(result.emptyColdMs, 0.5)).toFixed(2)}x`,
    ),
    ...(result.stages.length > 0
      ? [
          '  in the worker (its own clock, medians):',
          row(
            '  worker start → background code evaluated',
            result.stages.map((stage) => stage.moduleMs),
            'worker boot + module evaluation',
          ),
          row(
            '  → first posts/triage reaches its handler',
            result.stages.map((stage) => stage.toHandlerMs),
            'listeners, message dispatch',
          ),
          row(
            '  → its answer is ready',
            result.stages.map((stage) => stage.handlerMs),
            'settings, IndexedDB (corrections), models, triage',
          ),
        ]
      : []),
    `  background.js ${(result.backgroundBytes / 1024).toFixed(0)} KiB; ${result.notCold} round(s) repeated because the worker was already awake`,
  ].join('\n');
}
