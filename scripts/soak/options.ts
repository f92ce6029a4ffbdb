/** What a soak run does, with the defaults `npm run soak` uses (SOAK_* environment variables override some). */

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

export function defaultSoakOptions(): SoakOptions {
  return {
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
}

/**
 * Past this many posts every per-tab cache is full (lib/content: post-registry 3,000 posts,
 * triage 5,000 results): from here on the heap must stay flat. The last session's first tab goes far past it.
 */
export const SATURATED_POSTS = 6_000;

/** The round shape a run's options imply: posts per tab per round, rounds, restarts, rounds between worker stops. */
export interface Schedule {
  batches: number[];
  rounds: number;
  restartRounds: number[];
  roundsPerStop: number;
}

export function scheduleOf(options: SoakOptions): Schedule {
  const shares = Array.from({ length: options.tabs }, (_, index) => (index === 0 ? 3 : 1));
  const shareTotal = shares.reduce((sum, each) => sum + each, 0);
  const batches = shares.map((share) => Math.round((options.postsPerRound * share) / shareTotal));
  const postsPerRound = batches.reduce((sum, each) => sum + each, 0);
  // A post shown in two tabs (every duplicateEvery rounds) is one more new post.
  const rounds = Math.ceil(options.posts / (postsPerRound + (options.tabs >= 2 ? 1 / options.duplicateEvery : 0)));
  return {
    batches,
    rounds,
    restartRounds: options.restartAt.map((fraction) => Math.round(rounds * fraction)),
    roundsPerStop: Math.max(1, Math.round(options.stopEverySeconds / options.roundSeconds)),
  };
}
