/**
 * `npm run bench`: every CareSide benchmark, each printing a table with ratios against a
 * baseline measured in the same run (speed targets live here, not in timed unit tests).
 * Pick some with `npm run bench -- triage matcher`.
 */
import { runColdStartBench } from './bench/coldstart';
import { runMatcherBench } from './bench/matcher';
import { runPopupBenchAndPrint } from './bench/popup-100k';
import { runIdleFramesBench } from './bench/idle-frames';
import { runStartupBench } from './bench/startup';
import { runTeamSyncBench } from './bench/team-sync';
import { runTimelineBench } from './bench/timeline';
import { runTriageBench, runTriageTimings } from './triage/bench';
import { runLearningBench } from './triage/learning-bench';

/** X keeps about 30 cells live; a fast scroll shows about 10 new posts a frame (each stays ~3 frames). */
const RECYCLED_LIVE_CELLS = 30;
const RECYCLED_BATCH = 10;

type Bench = { name: string; describe: string; run: () => void | Promise<void> };

const BENCHES: Bench[] = [
  {
    name: 'triage',
    describe: 'complaint detection (airline held-out, leave-one-industry-out, ordinary tweets, Yelp, length drift) and µs per post',
    run: runTriageBench,
  },
  {
    name: 'triage-speed',
    describe: 'µs per post of triagePost and detectComplaint only (the first table of `triage`, in seconds instead of minutes)',
    run: runTriageTimings,
  },
  {
    name: 'learning',
    describe: 'adaptive layer: 50 corrections from one complaints-2019 industry, F1 on the rest of it before/after',
    run: runLearningBench,
  },
  {
    name: 'matcher',
    describe: '1,000 brand terms over 5 MB of posts: our Aho-Corasick vs one combined RegExp vs indexOf',
    run: () => void runMatcherBench(),
  },
  {
    name: 'timeline',
    describe: 'real Chromium, 2,000-post X timeline: content-script cost per post vs reading textContent once',
    run: async () => void (await runTimelineBench()),
  },
  {
    name: 'coldstart',
    describe:
      'real Chromium: stopped service worker to the first triage answer for a content script, vs a warm worker and an empty extension',
    run: async () => void (await runColdStartBench()),
  },
  {
    name: 'timeline-recycled',
    describe: 'the same on a virtualised X timeline: 30 live cells recycled for 2,000 posts, 10 per frame',
    run: async () => void (await runTimelineBench({ liveCells: RECYCLED_LIVE_CELLS, batchSize: RECYCLED_BATCH })),
  },
  {
    name: 'frames',
    describe: 'real Chromium, idle frames on a 200- and a 2,000-post non-virtualised timeline: CareSide share of a frame',
    run: async () => void (await runIdleFramesBench()),
  },
  {
    name: 'startup',
    describe: 'real Chromium: navigation to the first sidebar render vs an empty content script',
    run: async () => void (await runStartupBench()),
  },
  {
    name: 'popup',
    describe: 'real Chromium, 1k / 100k / 1M stored cases: seeding, popup, search and stats vs a bare IndexedDB count',
    run: runPopupBenchAndPrint,
  },
  {
    name: 'team',
    describe:
      'team sync on a PouchDB Server in this process: initial sync of 10,000 cases, three agents writing 1,000 events at once, vs bulk PUT',
    run: runTeamSyncBench,
  },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !BENCHES.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${BENCHES.map((b) => b.name).join(', ')}`);
    process.exit(2);
  }
  for (const bench of BENCHES.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
    console.log(`\n=== ${bench.name}: ${bench.describe} ===\n`);
    await bench.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
