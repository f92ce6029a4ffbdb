/**
 * Triage benchmark: per-post time of detectComplaint and triagePost against baselines measured in the
 * same run (toLowerCase, normalise+tokenise, a naive lexicon), then the held-out quality metrics: airline split,
 * categories on the airline split and on 200 hand-labelled complaints-2019 tweets, leave-one-industry-out on
 * complaints-2019 (retrains 35 models, one to a few minutes), ordinary tweets, Yelp reviews with ratings,
 * length drift, and the hand-labelled 3★ reviews.
 *
 *   npx tsx scripts/triage/bench.ts        (or call runTriageBench() from scripts/bench.ts)
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Post } from '../../lib/domain/post';
import { MAX_POST_TEXT } from '../../lib/domain/post';
import { triageForWire } from '../../lib/background/triage';
import { detectComplaint, triagePost } from '../../lib/triage';
import { brandMatcherFor } from '../../lib/triage/prepare';
import { expressionTokens, normalizeText, tokenize } from '../../lib/triage/text';
import { evaluateHandLabels, formatHandLabelReport } from './category-labels';
import { evaluateThreeStar, formatThreeStarReport } from './three-star';
import { AIRLINE_BRAND_TERMS } from './dataset';
import {
  evaluateCategories,
  evaluateComplaints,
  formatCategoryReport,
  formatComplaintReport,
  heldOutTweets,
  lexiconIsComplaint,
} from './evaluation';
import {
  evaluateLeaveOneIndustryOut,
  evaluateLengthDrift,
  evaluateOrdinaryTweets,
  evaluateYelp,
  formatMultiReport,
} from './multi-evaluation';

const ROUNDS = 7;

export interface BenchRow {
  name: string;
  /** Median over rounds of the mean time per post, in microseconds. */
  microsPerPost: number;
  /** Fastest round: less affected by other processes on a busy machine. */
  bestMicrosPerPost: number;
}

/** Median per-post time of `work` over the texts; the checksum keeps the JIT from skipping work. */
function measure<T>(name: string, inputs: readonly T[], work: (input: T) => unknown): BenchRow {
  let checksum = 0;
  const consume = (value: unknown) => {
    if (value) checksum++;
  };
  for (const input of inputs) consume(work(input)); // warm-up
  const perPost: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (const input of inputs) consume(work(input));
    perPost.push(((performance.now() - started) * 1000) / inputs.length);
  }
  perPost.sort((a, b) => a - b);
  if (checksum < 0) console.log(checksum);
  return { name, microsPerPost: perPost[Math.floor(perPost.length / 2)] as number, bestMicrosPerPost: perPost[0] as number };
}

function formatTimings(rows: readonly BenchRow[], count: number): string {
  const lower = rows[0]?.microsPerPost ?? 1;
  const tokens = rows[1]?.microsPerPost ?? 1;
  const lines = [
    `Per-post time, ${count} held-out tweets × ${ROUNDS} rounds, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs`,
    '| operation                              | µs/post (median) | µs/post (best) | × toLowerCase | × tokenise |',
    '|----------------------------------------|------------------|----------------|---------------|------------|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.name.padEnd(38)} | ${row.microsPerPost.toFixed(2).padStart(16)} | ${row.bestMicrosPerPost.toFixed(2).padStart(14)} | ${(row.microsPerPost / lower).toFixed(1).padStart(13)} | ${(row.microsPerPost / tokens).toFixed(2).padStart(10)} |`,
    );
  }
  lines.push('Ratios use medians.');
  return lines.join('\n');
}

/** The µs-per-post table (also `npm run bench -- triage-speed`, without the quality tables). */
export function runTriageTimings(): void {
  const tweets = heldOutTweets();
  const texts = tweets.map((tweet) => tweet.text);
  const brands = brandMatcherFor(AIRLINE_BRAND_TERMS);
  const options = { brandTerms: AIRLINE_BRAND_TERMS };
  const posts: Post[] = tweets.map((tweet) => ({
    platform: 'x',
    postId: String(tweet.row),
    kind: 'post',
    url: `https://x.com/i/status/${tweet.row}`,
    authorName: 'bench',
    text: tweet.text,
    reach: { reposts: tweet.retweets },
  }));
  const longText = texts.join(' ').slice(0, MAX_POST_TEXT);

  const rows = [
    measure('baseline: text.toLowerCase()', texts, (text) => text.toLowerCase()),
    measure('baseline: normalise + tokenise', texts, (text) => tokenize(normalizeText(text), brands)),
    measure('baseline: naive lexicon', texts, lexiconIsComplaint),
    measure('detectComplaint', texts, (text) => detectComplaint(text, options).isComplaint),
    measure('triagePost (complaint+category+prio)', posts, (post) => triagePost(post, options).priority),
    measure(`detectComplaint, one ${MAX_POST_TEXT}-char post`, [longText], (text) => detectComplaint(text, options)),
    // What triagePost cost before it categorised complaints only (and what logging a case costs).
    measure('triagePost, every post categorised', posts, (post) => triagePost(post, { ...options, categorize: 'always' }).priority),
    // The tokeniser before the ASCII scanner (the baseline of the rounds before it), for comparison across rounds.
    measure('baseline: normalise + expression tokens', texts, (text) => expressionTokens(normalizeText(text), brands)),
    // What posts/triage does per post in the background: the verdict at the current time, clipped for the wire.
    measure(
      'posts/triage per post (background)',
      posts,
      (post) => triageForWire(triagePost(post, { ...options, now: Date.now() })).priority,
    ),
  ];
  console.log(formatTimings(rows, texts.length));
  const triage = rows[4]?.microsPerPost ?? 0;
  console.log(`triagePost budget 30 µs/post (median): ${triage <= 30 ? 'OK' : 'OVER'} (${triage.toFixed(1)} µs)`);
}

export function runTriageBench(): void {
  runTriageTimings();
  const tweets = heldOutTweets();
  console.log('');
  console.log(formatComplaintReport(evaluateComplaints(tweets), tweets.length));
  console.log('');
  console.log(formatCategoryReport(evaluateCategories(tweets)));
  console.log('');
  console.log(formatHandLabelReport(evaluateHandLabels()));
  console.log('');
  console.log(formatMultiReport(evaluateLeaveOneIndustryOut(), evaluateOrdinaryTweets(), evaluateYelp(), evaluateLengthDrift()));
  console.log('');
  console.log(formatThreeStarReport(evaluateThreeStar()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runTriageBench();
