/**
 * `npm run soak`: a long scripted session against the real extension in real Chromium, checking
 * that nothing is lost or duplicated and that the content script's memory stays flat.
 *
 * - One persistent profile (so the browser restarts onto the same IndexedDB); 3 tabs on generated
 *   x.com search timelines that keep appending posts as the script scrolls, old cells removed
 *   like X's virtual list (the DOM stays bounded); 20,000 new posts in all, 3 in 5 of them in the
 *   first tab (an agent's main search), the rest split between the other two.
 * - 2,000 cases logged by clicking the inline "Log case" controls (real input through the
 *   browser: CareSide ignores script-made clicks), spread over the tabs every round; every other round one post is shown in
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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { XPostSpec } from '../demo/x/markup';
import { chromiumProblem } from './browser/launch';
import { isMain } from './is-main';
import { heapFailures, sampleAfterRound } from './soak/heap';
import { defaultSoakOptions, scheduleOf, type Schedule, type SoakOptions } from './soak/options';
import { PostStream, planRound } from './soak/plan';
import { postOfKey } from './soak/posts';
import { checkStore } from './soak/read-back';
import { formatSimulated, printTable } from './soak/report';
import { SoakSession } from './soak/session';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface SoakResult {
  passed: boolean;
  failures: string[];
}

export async function runSoak(options: SoakOptions = defaultSoakOptions()): Promise<SoakResult> {
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  if (!process.env.SOAK_NO_BUILD) {
    console.log('→ Building the extension (npx wxt build → .output/chrome-mv3)…');
    const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npx wxt build failed; see its output above');
  }
  const startedAt = Date.now();
  const schedule = scheduleOf(options);
  const profile = mkdtempSync(join(tmpdir(), 'careside-soak-'));
  const soak = new SoakSession(options, profile);
  const stream = new PostStream(options.posts);
  try {
    await soak.open();
    const rounds = await runRounds(soak, stream, options, schedule, startedAt);
    const readBack = await soak.readBack();
    const store = checkStore(readBack);
    soak.failures.push(...store.failures, ...heapFailures(soak.lives, options));
    printTable({
      options,
      schedule,
      rounds,
      postsScrolled: stream.issued,
      casesLogged: soak.shown.size,
      counts: soak.counts,
      casesFound: readBack.stored.cases.length,
      store,
      popupTotal: readBack.popupTotal,
      badge: readBack.badge,
      lives: soak.lives,
      wallMs: Date.now() - startedAt,
    });
  } catch (error) {
    soak.failures.push(error instanceof Error ? error.message : String(error));
    await soak.abandon();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  for (const failure of soak.failures) console.error(`FAILED: ${failure}`);
  if (soak.failures.length === 0) console.log('Soak passed.');
  return { passed: soak.failures.length === 0, failures: soak.failures };
}

/** Every round until the stream runs out; returns the number of rounds. */
async function runRounds(
  soak: SoakSession,
  stream: PostStream,
  options: SoakOptions,
  schedule: Schedule,
  startedAt: number,
): Promise<number> {
  let loggedSoFar = 0;
  const shownAgain: XPostSpec[] = [];
  let round = 0;
  for (; !stream.done; round++) {
    if (schedule.restartRounds.includes(round)) {
      await soak.restart();
      // Show a few posts logged before the restart again: their controls must show the same refs.
      shownAgain.push(...soak.lastLogged(options.tabs * 3).map(postOfKey));
    }
    const plan = planRound(
      {
        round,
        batches: schedule.batches,
        cases: options.cases,
        duplicateEvery: options.duplicateEvery,
        loggedSoFar,
        logged: soak.shown,
        shownAgain,
      },
      stream,
    );
    // Every 30 s of simulated time the worker is stopped; every other time while logs are in flight.
    const stopNow = (round + 1) % schedule.roundsPerStop === 0;
    const inFlight = stopNow && soak.counts.workerStops % 2 === 1;
    let firstClick!: () => void;
    const clicked = new Promise<void>((resolve) => (firstClick = resolve));
    const work = Promise.all(plan.tabs.map((each) => soak.tabRound(soak.tabs[each.tab]!, each.posts, each.toLog, firstClick)));
    if (inFlight && plan.tabs.some((each) => each.toLog.length > 0)) await Promise.all([work, clicked.then(() => soak.stopWorker(true))]);
    else {
      await work;
      if (stopNow) await soak.stopWorker(false);
    }
    loggedSoFar += plan.tabs.reduce((sum, each) => sum + each.toLog.length, 0);
    if (plan.duplicate) {
      await soak.logFromTwoTabs(plan.duplicate.post, plan.duplicate.tabs);
      loggedSoFar++;
    }
    for (const tab of soak.tabs) await sampleAfterRound(tab.life, tab.cdp, options.heapEvery);
    if (round % 20 === 0 || stream.done) {
      console.log(
        `  round ${round + 1}/~${schedule.rounds} (simulated ${formatSimulated((round + 1) * options.roundSeconds)}): ${stream.issued} posts, ${soak.shown.size} cases, ` +
          `${soak.counts.workerStops} worker stops, ${soak.counts.restarts} restarts, ${Math.round((Date.now() - startedAt) / 1000)} s`,
      );
    }
  }
  return round;
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
