/**
 * `npm run soak`: a long scripted session against the real extension in real Chromium, checking
 * that nothing is lost or duplicated and that the content script's memory stays flat.
 *
 * - One persistent profile (so the browser restarts onto the same IndexedDB); 3 tabs on generated
 *   x.com search timelines that keep appending posts as the script scrolls, old cells removed
 *   like X's virtual list (the DOM stays bounded); 20,000 new posts in all, 3 in 5 of them in the
 *   first tab (an agent's main search), the rest split between the other two.
 * - 2,000 cases logged by clicking the inline "Log case" controls (HTMLElement.click() in the
 *   page, not OS input), spread over the tabs every round; every other round one post is shown in
 *   two tabs and clicked in both at once (same post, same ref?). After each restart a few posts
 *   logged before it are shown again: their controls must come to show the same refs.
 * - Simulated clock: one round (every tab scrolls one batch and logs its share) counts as 10 s of
 *   a person's time; nothing sleeps. Every 30 s of simulated time (3 rounds) the service worker
 *   is stopped through CDP as Chrome does when it is idle: every other stop lands while the
 *   round's logs are in flight. The browser is closed and relaunched twice, early (at 5% and 10%
 *   of the rounds), so the last session's first tab reads far more posts than a tab remembers.
 * - At the end (after one more worker stop) every case is read back through cases/query from an
 *   extension page and compared with what the tabs showed; the popup's open total and the badge
 *   must agree with it.
 * - Heap: the JS heap of each tab's renderer (CDP Runtime.getHeapUsage after
 *   HeapProfiler.collectGarbage) at the start and end of each tab's life, and once past
 *   SATURATED_POSTS. The isolate holds the page's main world too, but here that is a small
 *   appender: the rest is CareSide's isolated world and its DOM wrappers. A tab keeps bounded
 *   caches (posts, triage results), so flat means: end <= start + heapCapsMb, and once the
 *   caches are full, end <= that sample + heapSlackMb. SOAK_HEAP_EVERY=1000 prints a series.
 *
 * Every wait is on what the UI or the browser states (a control appearing, a ref in a badge, a
 * worker reported stopped), never a sleep. Exits non-zero when a check fails.
 *
 *   npm run soak                     (builds first; SOAK_NO_BUILD=1 to use .output/chrome-mv3 as is)
 *   SOAK_POSTS=3000 SOAK_CASES=300 npm run soak   (a shorter run)
 *   SOAK_TABS=1 SOAK_RESTARTS=none SOAK_POSTS=9000 SOAK_HEAP_EVERY=1000 npm run soak   (one tab's heap over a long scroll)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { loadDemoSettings } from '../demo/pages';
import { xSearchPageHtml, xTweetCellHtml, type XPostSpec } from '../demo/x/markup';
import { CASE_REF_PATTERN, HOOKS, PopupUi } from './browser/careside-ui';
import {
  badgeText,
  chromiumProblem,
  currentServiceWorker,
  launchExtensionBrowser,
  openPopup,
  seedSettings,
  serveSites,
  type ChromeGlobal,
  type ExtensionBrowser,
} from './browser/launch';
import { isMain } from './is-main';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got ${process.env[name]})`);
  return Math.floor(value);
};

export interface SoakOptions {
  /** New posts appended across all tabs over the run. */
  posts: number;
  /** Distinct posts logged as cases. */
  cases: number;
  tabs: number;
  /** Posts each tab appends per round. */
  /** New posts per round, all tabs together: the first tab (an agent's main search) gets 3 shares, the others 1. */
  postsPerRound: number;
  /** Timeline cells a tab keeps (older ones are removed, like X's virtual list). */
  keepCells: number;
  /** Simulated seconds per round, and between worker stops. */
  roundSeconds: number;
  stopEverySeconds: number;
  /** Browser restarts, at these fractions of the rounds. */
  restartAt: number[];
  /** Every this many rounds, one post is shown in two tabs and logged from both at once. */
  duplicateEvery: number;
  /** Any tab life: end <= start + this (what the tab's bounded caches may hold). */
  heapCapsMb: number;
  /** A tab life past SATURATED_POSTS: end <= the heap at SATURATED_POSTS + this. */
  heapSlackMb: number;
  /** Also sample each tab's heap every this many posts and print the series (0: start, past 3,500, end only). */
  heapEvery: number;
}

const DEFAULTS: SoakOptions = {
  posts: numberFromEnv('SOAK_POSTS', 20_000),
  cases: numberFromEnv('SOAK_CASES', 2_000),
  tabs: numberFromEnv('SOAK_TABS', 3),
  postsPerRound: 120,
  keepCells: 120,
  roundSeconds: 10,
  stopEverySeconds: 30,
  restartAt: process.env.SOAK_RESTARTS === 'none' ? [] : [0.05, 0.1],
  duplicateEvery: 2,
  heapCapsMb: 15,
  heapSlackMb: 3,
  heapEvery: process.env.SOAK_HEAP_EVERY ? numberFromEnv('SOAK_HEAP_EVERY', 1_000) : 0,
};

/**
 * Past this many posts every per-tab cache is full (lib/content: post-registry 3,000 posts,
 * triage 5,000 results): from here on the heap must stay flat. The last session's first tab goes far past it.
 */
const SATURATED_POSTS = 6_000;
const SEARCH_PATH = 'https://x.com/search';
const tabUrl = (tab: number, session: number) => `${SEARCH_PATH}?q=%22Acme%20Air%22&src=typed_query&f=live&soak=${session}-${tab}`;
const UI_WAIT_MS = 30_000;

const COMPLAINTS = [
  '@AcmeAir my flight was cancelled an hour before boarding and nobody at the desk can help.',
  'Acme Air lost my suitcase again. Third time this year, claim line hangs up after 40 minutes.',
  'Still waiting on the refund Acme Air promised in October. #AcmeAirFail',
  'Sat on the tarmac for two hours with @AcmeAirHelp saying nothing. Wifi dead, seat broken.',
  'Acme Air charged me twice for the same seat upgrade and chat keeps disconnecting.',
];
const OTHER = [
  'Fresh air and a long walk fixes most things.',
  'Denver airport has the best pretzels, fight me.',
  'Booked a trip to Lisbon for spring, any tips?',
];
const BASE_TIME = Date.parse('2025-11-20T12:00:00.000Z');

/** Post number `index` of the run: 4 in 5 mention the brand (they get an inline control). */
function soakPost(index: number): XPostSpec {
  const mentions = index % 5 !== 4;
  const text = mentions ? COMPLAINTS[index % COMPLAINTS.length] : OTHER[index % OTHER.length];
  return {
    id: String(1_997_000_000_000_000_000n + BigInt(index)),
    displayName: `Traveller ${index}`,
    handle: `traveller_${index}`,
    text: `${text ?? ''} (#${index})`,
    postedAt: new Date(BASE_TIME - index * 1_000).toISOString(),
    replies: index % 7,
    likes: index % 40,
    views: 100 + (index % 5_000),
  };
}
const keyOfPost = (post: XPostSpec) => `x:${post.id}`;
const mentionsBrand = (post: XPostSpec) => /acme ?air/i.test(post.text);

/** Runs in the page's main world: appends cells, drops the oldest, scrolls, and reads/clicks controls. */
const PAGE_SCRIPT = `
(() => {
  const hostOf = (key) => document.querySelector('careside-inline[data-careside-post-key="' + key + '"]');
  const refPattern = /${CASE_REF_PATTERN.source}/;
  window.__soak = {
    append(html, keep) {
      const container = document.getElementById('timeline-cells');
      container.insertAdjacentHTML('beforeend', html);
      // From the top, whitespace between cells included (each cell's markup starts with a newline).
      while (container.childElementCount > keep) container.firstChild.remove();
      window.scrollTo(0, document.documentElement.scrollHeight);
      return container.children.length;
    },
    /** What each post's inline control shows: absent, "log" (a Log case button), a ref, or an error. */
    controls(keys) {
      return keys.map((key) => {
        const root = hostOf(key)?.shadowRoot;
        if (!root) return 'absent';
        const error = root.querySelector('[role="alert"]')?.textContent?.trim();
        if (error) return 'error: ' + error;
        const ref = refPattern.exec(root.querySelector('${HOOKS.inlineBadge}')?.textContent ?? '');
        if (ref) return ref[0];
        return root.querySelector('${HOOKS.inlineLog}') ? 'log' : 'empty';
      });
    },
    /** Click a post's Log case button now (both tabs of a duplicate at once); false when it shows none. */
    click(key) {
      const button = hostOf(key)?.shadowRoot?.querySelector('${HOOKS.inlineLog}');
      if (!button) return false;
      button.click();
      return true;
    },
  };
})();
`;

function soakPageHtml(): string {
  const html = xSearchPageHtml({ query: 'Acme Air', posts: [], note: 'CareSide soak page: a generated X search timeline' });
  return html.replace('</body>', `<script>${PAGE_SCRIPT}</script>\n</body>`);
}

interface SoakPageApi {
  __soak: { append(html: string, keep: number): number; controls(keys: string[]): string[]; click(key: string): boolean };
}

interface HeapSample {
  usedMb: number;
  domNodes: number;
}

interface TabLife {
  label: string;
  posts: number;
  start?: HeapSample;
  /** After the tab has read more posts than it remembers (only in a long enough life). */
  saturated?: HeapSample & { posts: number };
  end?: HeapSample;
  series: string[];
}

interface Tab {
  index: number;
  page: Page;
  cdp: CDPSession;
  life: TabLife;
}

class SoakFailure extends Error {}

/** Collect garbage in the tab's renderer, then read its JS heap and DOM node count. */
async function sampleHeap(cdp: CDPSession): Promise<HeapSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  return { usedMb: usedSize / 1024 / 1024, domNodes: nodes };
}

/** Poll the controls of `keys` until `done` says so; fails at once on a control showing an error. */
async function waitForControls(page: Page, keys: string[], done: (state: string) => boolean, what: string): Promise<string[]> {
  const deadline = Date.now() + UI_WAIT_MS;
  for (;;) {
    const states = await page.evaluate((wanted) => (window as unknown as SoakPageApi).__soak.controls(wanted), keys);
    const failed = states.findIndex((state) => state.startsWith('error'));
    if (failed >= 0) throw new SoakFailure(`${what}: the control of ${keys[failed]} shows ${states[failed]}`);
    if (states.every(done)) return states;
    if (Date.now() > deadline) {
      const stuck = keys.map((key, index) => `${key}=${states[index]}`).filter((_, index) => !done(states[index] ?? ''));
      throw new SoakFailure(
        `${what}: after ${UI_WAIT_MS} ms still ${stuck.slice(0, 5).join(', ')}${stuck.length > 5 ? ` and ${stuck.length - 5} more` : ''}; ` +
          `the page shows ${await pageState(page)}; its console: ${JSON.stringify((consoleOf.get(page) ?? []).slice(-5))}`,
      );
    }
    await page.waitForTimeout(50); // poll interval only: the condition is what the controls show
  }
}

/** What CareSide shows on a page, for a failure message. */
async function pageState(page: Page): Promise<string> {
  return page
    .evaluate(
      `(() => {
        const sidebar = document.querySelector('careside-sidebar');
        const status = sidebar?.shadowRoot?.querySelector('${HOOKS.sidebarStatus}')?.textContent ?? null;
        return JSON.stringify({ sidebar: !!sidebar, status, inline: document.querySelectorAll('${HOOKS.inlineHost}').length, cells: document.querySelectorAll('[data-testid="cellInnerDiv"]').length });
      })()`,
    )
    .then(String, (error: unknown) => `(unreadable: ${String(error)})`);
}

/** The last console errors and warnings of each tab (CareSide's included), for failure messages. */
const consoleOf = new WeakMap<Page, string[]>();

const isRef = (state: string) => CASE_REF_PATTERN.test(state);
const hasControl = (state: string) => state === 'log' || isRef(state);

/**
 * The extension's service worker as CDP reports it (ServiceWorker domain, from one tab), and a
 * stop that does what Chrome does to an idle worker: its memory is gone, the next event starts
 * a fresh one.
 */
class WorkerControl {
  private status = 'unknown';
  /** Times it was reported stopped (it may start again before a waiter looks). */
  private stoppedReports = 0;
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        if (!version.scriptURL.startsWith('chrome-extension://')) continue;
        if (version.runningStatus === 'stopped' && this.status !== 'stopped') this.stoppedReports++;
        this.status = version.runningStatus;
        for (const wake of this.waiters) wake();
      }
    });
  }

  static async attach(cdp: CDPSession): Promise<WorkerControl> {
    const control = new WorkerControl(cdp);
    await cdp.send('ServiceWorker.enable');
    return control;
  }

  /** Stop the worker and wait until it is reported stopped; false when it was not running. */
  async stop(): Promise<boolean> {
    if (this.status === 'stopped') return false;
    const before = this.stoppedReports;
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 10_000;
    while (this.stoppedReports === before) {
      if (Date.now() > deadline)
        throw new SoakFailure(`the service worker did not report stopped within 10 s (last status: ${this.status})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1_000);
        this.waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters.clear();
    }
    return true;
  }
}

export interface SoakResult {
  passed: boolean;
  failures: string[];
}

export async function runSoak(options: SoakOptions = DEFAULTS): Promise<SoakResult> {
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  if (!process.env.SOAK_NO_BUILD) {
    console.log('→ Building the extension (npx wxt build → .output/chrome-mv3)…');
    const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npx wxt build failed; see its output above');
  }

  const startedAt = Date.now();
  const shares = Array.from({ length: options.tabs }, (_, index) => (index === 0 ? 3 : 1));
  const batches = shares.map((share) => Math.round((options.postsPerRound * share) / shares.reduce((sum, each) => sum + each, 0)));
  const postsPerRound = batches.reduce((sum, each) => sum + each, 0);
  // A post shown in two tabs (every duplicateEvery rounds) is one more new post.
  const rounds = Math.ceil(options.posts / (postsPerRound + (options.tabs >= 2 ? 1 / options.duplicateEvery : 0)));
  const restartRounds = options.restartAt.map((fraction) => Math.round(rounds * fraction));
  const roundsPerStop = Math.max(1, Math.round(options.stopEverySeconds / options.roundSeconds));
  const profile = mkdtempSync(join(tmpdir(), 'careside-soak-'));

  let nextPost = 0;
  const newPost = () => soakPost(nextPost++);
  /** postKey → the ref the UI showed for it (every showing must agree). */
  const loggedRefs = new Map<string, string>();
  const loggedInSession = new Map<string, number>();
  const failures: string[] = [];
  const lives: TabLife[] = [];
  const counts = {
    clicks: 0,
    duplicatePairs: 0,
    duplicateBothClicked: 0,
    workerStops: 0,
    stopsInFlight: 0,
    restarts: 0,
    recheckedAfterRestart: 0,
  };
  const record = (key: string, ref: string, where: string) => {
    const known = loggedRefs.get(key);
    if (known !== undefined && known !== ref) failures.push(`${key} showed ${known} and then ${ref} (${where})`);
    if (known === undefined) loggedRefs.set(key, ref);
  };

  let browser: ExtensionBrowser | undefined;
  let tabs: Tab[] = [];
  let session = 0;
  let worker: WorkerControl | undefined;
  const stopWorker = async (inFlight: boolean) => {
    if (!(await worker?.stop())) return;
    counts.workerStops++;
    if (inFlight) counts.stopsInFlight++;
  };

  const openSession = async (first: boolean) => {
    browser = await launchExtensionBrowser({ headless: true, userDataDir: profile });
    // Settings are seeded once: after a restart they must come back from the profile.
    if (first) await seedSettings(browser.serviceWorker, loadDemoSettings());
    await serveSites(browser.context, { [SEARCH_PATH]: soakPageHtml() });
    tabs = [];
    for (let index = 0; index < options.tabs; index++) {
      const page = await browser.context.newPage();
      const messages: string[] = [];
      consoleOf.set(page, messages);
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') messages.push(`${message.type()}: ${message.text()}`);
        if (messages.length > 20) messages.shift();
      });
      page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
      await page.goto(tabUrl(index, session), { waitUntil: 'domcontentloaded' });
      const cdp = await browser.context.newCDPSession(page);
      if (index === 0) worker = await WorkerControl.attach(cdp);
      const life: TabLife = { label: `s${session + 1} tab ${index + 1}`, posts: 0, series: [] };
      lives.push(life);
      tabs.push({ index, page, cdp, life });
    }
  };

  const closeSession = async () => {
    for (const tab of tabs) tab.life.end = await sampleHeap(tab.cdp);
    await browser?.close();
    browser = undefined;
  };

  /** One tab's part of a round: append a batch (plus shown-again posts), wait for its controls, log some. */
  const tabRound = async (tab: Tab, posts: XPostSpec[], toLog: XPostSpec[], onClicked: () => void) => {
    const html = posts.map(xTweetCellHtml).join('');
    await tab.page.evaluate(({ html, keep }) => (window as unknown as SoakPageApi).__soak.append(html, keep), {
      html,
      keep: options.keepCells,
    });
    tab.life.posts += posts.length;
    const mentionKeys = posts.filter(mentionsBrand).map(keyOfPost);
    await waitForControls(tab.page, mentionKeys, hasControl, `${tab.life.label}: inline controls for new posts`);
    // Posts logged before (shown again here after a restart) must come to show their ref.
    const known = mentionKeys.filter((key) => loggedRefs.has(key));
    if (known.length > 0) {
      const shown = await waitForControls(tab.page, known, isRef, `${tab.life.label}: refs of posts logged before the restart`);
      known.forEach((key, index) => {
        if (shown[index] !== loggedRefs.get(key))
          failures.push(`${tab.life.label}: ${key} was logged as ${loggedRefs.get(key)} but its control shows ${shown[index]}`);
        else if (loggedInSession.get(key) !== session) counts.recheckedAfterRestart++;
      });
    }
    for (const post of toLog) {
      const key = keyOfPost(post);
      const clicked = await tab.page.evaluate((wanted) => (window as unknown as SoakPageApi).__soak.click(wanted), key);
      if (!clicked) throw new SoakFailure(`${tab.life.label}: ${key} shows no Log case button to click`);
      counts.clicks++;
      onClicked();
    }
    const keys = toLog.map(keyOfPost);
    const refs = await waitForControls(tab.page, keys, isRef, `${tab.life.label}: refs after logging`);
    keys.forEach((key, index) => {
      record(key, refs[index] ?? '', tab.life.label);
      loggedInSession.set(key, session);
    });
  };

  const heapOf = async (tab: Tab) => sampleHeap(tab.cdp);
  let loggedSoFar = 0;
  const shownAgain: XPostSpec[] = [];

  try {
    await openSession(true);
    let round = 0;
    for (; nextPost < options.posts; round++) {
      if (restartRounds.includes(round)) {
        await closeSession();
        counts.restarts++;
        session++;
        await openSession(false);
        // Show a few posts logged before the restart again: their controls must show the same refs.
        const earlier = [...loggedRefs.keys()].slice(-options.tabs * 3);
        shownAgain.push(...earlier.map((key) => soakPost(Number(BigInt(key.slice(2)) - 1_997_000_000_000_000_000n))));
      }
      // Plan the round: each tab's new posts, which of them it logs (cases in step with posts), and maybe one post in two tabs.
      const plans = tabs.map((tab) => ({ tab, posts: [] as XPostSpec[], toLog: [] as XPostSpec[] }));
      for (const plan of plans) {
        for (let i = 0; i < (batches[plan.tab.index] ?? 0) && nextPost < options.posts; i++) plan.posts.push(newPost());
        plan.posts.push(...shownAgain.splice(0, 3));
      }
      let toLogThisRound = Math.round((options.cases * nextPost) / options.posts) - loggedSoFar;
      let duplicate: { post: XPostSpec; tabs: [Tab, Tab] } | undefined;
      if (round % options.duplicateEvery === 0 && toLogThisRound > 0 && tabs.length >= 2 && nextPost < options.posts) {
        const post = newPost();
        const first = tabs[round % tabs.length] as Tab;
        const second = tabs[(round + 1) % tabs.length] as Tab;
        plans[first.index]?.posts.push(post);
        plans[second.index]?.posts.push(post);
        if (mentionsBrand(post)) {
          duplicate = { post, tabs: [first, second] };
          toLogThisRound--;
        }
      }
      // Spread the logs over the tabs, taking fresh brand mentions from each tab's batch.
      for (let i = 0; toLogThisRound > 0; i++) {
        const plan = plans[i % plans.length];
        const candidate = plan?.posts.find(
          (post) => mentionsBrand(post) && !loggedRefs.has(keyOfPost(post)) && !plan.toLog.includes(post) && post !== duplicate?.post,
        );
        if (!plan || !candidate) {
          if (
            plans.every(
              (each) =>
                !each.posts.some(
                  (post) =>
                    mentionsBrand(post) && !loggedRefs.has(keyOfPost(post)) && !each.toLog.includes(post) && post !== duplicate?.post,
                ),
            )
          )
            break;
          continue;
        }
        plan.toLog.push(candidate);
        toLogThisRound--;
      }

      // Every 30 s of simulated time the worker is stopped; every other time while logs are in flight.
      const stopNow = (round + 1) % roundsPerStop === 0;
      const inFlight = stopNow && counts.workerStops % 2 === 1;
      let firstClick!: () => void;
      const clicked = new Promise<void>((resolve) => (firstClick = resolve));
      const work = Promise.all(plans.map((plan) => tabRound(plan.tab, plan.posts, plan.toLog, firstClick)));
      if (inFlight && plans.some((plan) => plan.toLog.length > 0)) {
        await Promise.all([work, clicked.then(() => stopWorker(true))]);
      } else {
        await work;
        if (stopNow) await stopWorker(false);
      }
      loggedSoFar += plans.reduce((sum, plan) => sum + plan.toLog.length, 0);

      if (duplicate) {
        // The same post in two tabs, both still offering "Log case": click both at once.
        const key = keyOfPost(duplicate.post);
        const [a, b] = duplicate.tabs;
        counts.duplicatePairs++;
        const clicks = await Promise.all(
          [a, b].map((tab) => tab.page.evaluate((wanted) => (window as unknown as SoakPageApi).__soak.click(wanted), key)),
        );
        counts.clicks += clicks.filter(Boolean).length;
        if (clicks.every(Boolean)) counts.duplicateBothClicked++;
        for (const tab of [a, b]) {
          const [ref] = await waitForControls(tab.page, [key], isRef, `${tab.life.label}: ref of a post logged from two tabs`);
          record(key, ref ?? '', `${tab.life.label} (logged from two tabs)`);
        }
        loggedInSession.set(key, session);
        loggedSoFar++;
      }

      for (const tab of tabs) {
        if (!tab.life.start) tab.life.start = await heapOf(tab);
        else if (!tab.life.saturated && tab.life.posts >= SATURATED_POSTS)
          tab.life.saturated = { ...(await heapOf(tab)), posts: tab.life.posts };
        if (options.heapEvery > 0 && Math.floor(tab.life.posts / options.heapEvery) > tab.life.series.length) {
          const sample = await heapOf(tab);
          tab.life.series.push(`${tab.life.posts}:${sample.usedMb.toFixed(1)}MB/${sample.domNodes}n`);
          console.log(`  heap ${tab.life.label} (posts:MB) ${tab.life.series.join(' ')}`);
        }
      }
      if (round % 20 === 0 || nextPost >= options.posts) {
        console.log(
          `  round ${round + 1}/~${rounds} (simulated ${formatSimulated((round + 1) * options.roundSeconds)}): ${nextPost} posts, ${loggedRefs.size} cases, ` +
            `${counts.workerStops} worker stops, ${counts.restarts} restarts, ${Math.round((Date.now() - startedAt) / 1000)} s`,
        );
      }
    }

    // Read everything back from a fresh worker: stop it once more, then page through cases/query.
    await stopWorker(false);
    if (!browser) throw new Error('no browser');
    const popupPage = await openPopup(browser.context, browser.extensionId);
    const stored = await readAllCases(popupPage);
    const popupTotal = await new PopupUi(popupPage).openTotal();
    const badge = await badgeText(await currentServiceWorker(browser.context));
    await closeSession();

    const byPost = new Map<string, StoredCase[]>();
    const byRef = new Map<string, number>();
    for (const found of stored.cases) {
      byPost.set(found.postKey, [...(byPost.get(found.postKey) ?? []), found]);
      byRef.set(found.ref, (byRef.get(found.ref) ?? 0) + 1);
    }
    const lost = [...loggedRefs.keys()].filter((key) => !byPost.has(key));
    const twice = [...byPost].filter(([, cases]) => cases.length > 1);
    const duplicateRefs = [...byRef].filter(([, count]) => count > 1);
    const mismatched = [...loggedRefs].filter(([key, ref]) => byPost.get(key)?.[0] && byPost.get(key)?.[0]?.ref !== ref);
    const unexpected = [...byPost.keys()].filter((key) => !loggedRefs.has(key));
    const expectedBadge = stored.cases.length > 999 ? '999+' : String(stored.cases.length);

    if (lost.length > 0) failures.push(`${lost.length} logged post(s) have no case: ${lost.slice(0, 5).join(', ')}`);
    if (twice.length > 0)
      failures.push(
        `${twice.length} post(s) have more than one case: ${twice
          .slice(0, 5)
          .map(([key, cases]) => `${key} (${cases.map((c) => c.ref).join(', ')})`)
          .join('; ')}`,
      );
    if (duplicateRefs.length > 0)
      failures.push(
        `${duplicateRefs.length} ref(s) shared by several cases: ${duplicateRefs
          .slice(0, 5)
          .map(([ref]) => ref)
          .join(', ')}`,
      );
    if (mismatched.length > 0)
      failures.push(
        `${mismatched.length} case(s) stored with another ref than the UI showed: ${mismatched
          .slice(0, 5)
          .map(([key]) => key)
          .join(', ')}`,
      );
    if (unexpected.length > 0)
      failures.push(`${unexpected.length} case(s) for posts the soak never logged: ${unexpected.slice(0, 5).join(', ')}`);
    if (stored.total !== stored.cases.length)
      failures.push(`cases/query says total ${stored.total} but paging returned ${stored.cases.length}`);
    if (stored.cases.length !== loggedRefs.size)
      failures.push(`the store holds ${stored.cases.length} cases for ${loggedRefs.size} distinct posts logged`);
    if (popupTotal !== stored.cases.length)
      failures.push(`the popup shows ${popupTotal} open, the store holds ${stored.cases.length} (all new)`);
    if (badge !== expectedBadge)
      failures.push(`the badge says "${badge}", expected "${expectedBadge}" for ${stored.cases.length} open cases`);
    for (const life of lives) {
      if (!life.start || !life.end) failures.push(`${life.label}: no heap sample`);
      else if (life.end.usedMb > life.start.usedMb + options.heapCapsMb) {
        failures.push(
          `${life.label}: heap grew from ${life.start.usedMb.toFixed(1)} MB to ${life.end.usedMb.toFixed(1)} MB over ${life.posts} posts (allowed +${options.heapCapsMb} MB)`,
        );
      } else if (life.saturated && life.end.usedMb > life.saturated.usedMb + options.heapSlackMb) {
        failures.push(
          `${life.label}: heap grew from ${life.saturated.usedMb.toFixed(1)} MB at ${life.saturated.posts} posts to ${life.end.usedMb.toFixed(1)} MB at ${life.posts} (allowed +${options.heapSlackMb} MB once the caches are full)`,
        );
      }
    }

    printTable({
      options,
      rounds: round,
      batches,
      restartRounds,
      roundsPerStop,
      postsScrolled: nextPost,
      casesLogged: loggedRefs.size,
      counts,
      casesFound: stored.cases.length,
      postsWithSeveralCases: twice.length,
      duplicateRefs: duplicateRefs.length,
      lost: lost.length,
      popupTotal,
      badge,
      lives,
      wallMs: Date.now() - startedAt,
    });
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
    await browser?.close().catch(() => undefined);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  if (failures.length === 0) console.log('Soak passed.');
  return { passed: failures.length === 0, failures };
}

interface StoredCase {
  ref: string;
  postKey: string;
}

/** Every case, newest first, through the same cases/query paging the dashboard uses. */
async function readAllCases(extensionPage: Page): Promise<{ total: number; cases: StoredCase[] }> {
  const cases: StoredCase[] = [];
  let total = 0;
  for (let offset = 0; ; offset += 1_000) {
    const answer = (await extensionPage.evaluate((message) => (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage(message), {
      type: 'cases/query',
      payload: { filter: {}, offset, limit: 1_000 },
    })) as { ok: boolean; data?: { total: number; cases: StoredCase[] }; error?: { message: string } };
    if (!answer.ok || !answer.data) throw new SoakFailure(`cases/query failed: ${answer.error?.message ?? JSON.stringify(answer)}`);
    total = answer.data.total;
    cases.push(...answer.data.cases.map(({ ref, postKey }) => ({ ref, postKey })));
    if (answer.data.cases.length === 0 || cases.length >= total) break;
  }
  return { total, cases };
}

function formatSimulated(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

interface TableInput {
  options: SoakOptions;
  rounds: number;
  batches: number[];
  restartRounds: number[];
  roundsPerStop: number;
  postsScrolled: number;
  casesLogged: number;
  counts: {
    clicks: number;
    duplicatePairs: number;
    duplicateBothClicked: number;
    workerStops: number;
    stopsInFlight: number;
    restarts: number;
    recheckedAfterRestart: number;
  };
  casesFound: number;
  postsWithSeveralCases: number;
  duplicateRefs: number;
  lost: number;
  popupTotal: number;
  badge: string;
  lives: TabLife[];
  wallMs: number;
}

function printTable(input: TableInput): void {
  const { options, counts } = input;
  const mb = (sample: HeapSample | undefined) => (sample ? `${sample.usedMb.toFixed(1)} MB` : '?');
  const rows: [string, string][] = [
    [
      'posts scrolled (new, all tabs)',
      `${input.postsScrolled} in ${input.rounds} rounds of ${input.batches.join(' + ')} (tab 1 is the busy one); ${options.keepCells} cells kept per tab`,
    ],
    ['simulated time', `${formatSimulated(input.rounds * options.roundSeconds)} (${options.roundSeconds} s per round; nothing sleeps)`],
    ['cases logged (distinct posts)', String(input.casesLogged)],
    ['clicks on Log case', `${counts.clicks} (inline controls)`],
    [
      'duplicate logs (same post, two tabs)',
      `${counts.duplicatePairs} posts; both tabs clicked before either showed a ref: ${counts.duplicateBothClicked}`,
    ],
    ['refs re-shown after a restart', `${counts.recheckedAfterRestart} posts, same ref`],
    [
      'worker stops',
      `${counts.workerStops} (every ${options.stopEverySeconds} s simulated = ${input.roundsPerStop} rounds; ${counts.stopsInFlight} with logs in flight; +1 before the read-back)`,
    ],
    ['browser restarts', `${counts.restarts} (before rounds ${input.restartRounds.map((round) => round + 1).join(' and ')})`],
    ['cases found (cases/query)', String(input.casesFound)],
    ['posts with several cases', String(input.postsWithSeveralCases)],
    ['duplicate refs', String(input.duplicateRefs)],
    ['lost cases', String(input.lost)],
    ['popup open total / badge', `${input.popupTotal} / "${input.badge}"`],
    ...input.lives.map((life): [string, string] => [
      `heap ${life.label} start → end`,
      `${mb(life.start)} → ${mb(life.end)} over ${life.posts} posts` +
        (life.saturated ? `; ${mb(life.saturated)} at ${life.saturated.posts} posts` : '') +
        `; DOM nodes ${life.start?.domNodes ?? '?'} → ${life.end?.domNodes ?? '?'}`,
    ]),
    [
      'heap threshold (after GC)',
      `end <= start + ${options.heapCapsMb} MB (the tab's bounded caches); past ${SATURATED_POSTS} posts (caches full) end <= that sample + ${options.heapSlackMb} MB`,
    ],
    ['heap measured', "the tab renderer's JS heap: CareSide's isolated world plus a tiny page script"],
    [
      'wall time',
      `${(input.wallMs / 1000).toFixed(0)} s (${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1) ?? '?'} at the end)`,
    ],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\nCareSide soak: ${options.tabs} x.com tabs, one profile, simulated clock`);
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
}

if (isMain(import.meta.url)) {
  runSoak()
    .then((result) => {
      if (!result.passed) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    });
}
