/** The table a soak run prints at the end. */
import { cpus, loadavg } from 'node:os';
import type { HeapSample, TabLife } from './heap';
import { SATURATED_POSTS, type Schedule, type SoakOptions } from './options';
import type { StoreCheck } from './read-back';

export interface SoakCounts {
  clicks: number;
  duplicatePairs: number;
  duplicateBothClicked: number;
  workerStops: number;
  stopsInFlight: number;
  restarts: number;
  recheckedAfterRestart: number;
}

export const emptyCounts = (): SoakCounts => ({
  clicks: 0,
  duplicatePairs: 0,
  duplicateBothClicked: 0,
  workerStops: 0,
  stopsInFlight: 0,
  restarts: 0,
  recheckedAfterRestart: 0,
});

export function formatSimulated(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export interface TableInput {
  options: SoakOptions;
  schedule: Schedule;
  rounds: number;
  postsScrolled: number;
  casesLogged: number;
  counts: SoakCounts;
  casesFound: number;
  store: StoreCheck;
  popupTotal: number;
  badge: string;
  lives: TabLife[];
  wallMs: number;
}

export function printTable(input: TableInput): void {
  const { options, counts, schedule } = input;
  const mb = (sample: HeapSample | undefined) => (sample ? `${sample.usedMb.toFixed(1)} MB` : '?');
  const rows: [string, string][] = [
    [
      'posts scrolled (new, all tabs)',
      `${input.postsScrolled} in ${input.rounds} rounds of ${schedule.batches.join(' + ')} (tab 1 is the busy one); ${options.keepCells} cells kept per tab`,
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
      `${counts.workerStops} (every ${options.stopEverySeconds} s simulated = ${schedule.roundsPerStop} rounds; ${counts.stopsInFlight} with logs in flight; +1 before the read-back)`,
    ],
    ['browser restarts', `${counts.restarts} (before rounds ${schedule.restartRounds.map((round) => round + 1).join(' and ')})`],
    ['cases found (cases/query)', String(input.casesFound)],
    ['posts with several cases', String(input.store.postsWithSeveralCases)],
    ['duplicate refs', String(input.store.duplicateRefs)],
    ['lost cases', String(input.store.lost)],
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
