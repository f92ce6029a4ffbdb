/**
 * A digest of everything triage outputs on every text in data/ (airline tweets, complaints-2019, Yelp reviews):
 * tokens, complaint cues, urgency cues, `detectComplaint`, `categorizeComplaint` and `triagePost` with three
 * option sets. A change meant to be speed-only must leave the digest as it was: run this before and after
 * (`npx tsx scripts/triage/output-digest.ts [--dump file.jsonl]`; the dump lets two runs be diffed line by line).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { categorizeComplaint, detectComplaint, triagePost } from '../../lib/triage';
import { findComplaintCues } from '../../lib/triage/cues';
import { brandMatcherFor } from '../../lib/triage/prepare';
import { normalizeText, tokenize } from '../../lib/triage/text';
import { findUrgencyCues } from '../../lib/triage/urgency';
import { isMain } from '../is-main';
import { loadComplaintTweets, loadYelpReviews } from './corpora';
import { AIRLINE_BRAND_TERMS, loadAirlineTweets } from './dataset';

export interface CorpusText {
  text: string;
  rating?: number;
  reposts?: number;
}

/** Every text in data/, with its rating (Yelp) or reposts (airline tweets). */
export function corpusTexts(): CorpusText[] {
  return [
    ...loadAirlineTweets().map((tweet) => ({ text: tweet.text, reposts: tweet.retweets })),
    ...loadComplaintTweets().map((tweet) => ({ text: tweet.text })),
    ...loadYelpReviews().map((review) => ({ text: review.text, rating: review.stars })),
  ];
}

const NOW = Date.UTC(2026, 0, 15);
const DAY = 86_400_000;

/** One line per output, in a fixed order. */
export function* triageOutputs(texts: readonly CorpusText[]): Generator<string> {
  const brands = brandMatcherFor(AIRLINE_BRAND_TERMS);
  const withBrands = { brandTerms: AIRLINE_BRAND_TERMS };
  for (const [i, { text, rating, reposts }] of texts.entries()) {
    const normalized = normalizeText(text);
    const reach = { ...(rating !== undefined ? { rating } : {}), ...(reposts !== undefined ? { reposts } : {}) };
    yield JSON.stringify([
      i,
      tokenize(normalized, brands),
      tokenize(normalized),
      findComplaintCues(normalized),
      findUrgencyCues(normalized),
      detectComplaint(text, { ...withBrands, ...(rating !== undefined ? { rating } : {}) }),
      categorizeComplaint(text, withBrands),
      triagePost({ kind: 'post', text, reach }, withBrands),
      triagePost(
        { kind: 'comment', text, reach, postedAt: new Date(NOW - (i % 30) * DAY).toISOString() },
        { categorize: 'always', now: NOW },
      ),
      triagePost(
        {
          kind: 'review',
          text,
          reach,
          ...(i % 7 === 0 ? { sponsored: true as const } : {}),
          answeredBy: i % 5 === 0 ? '@acme' : undefined,
        },
        withBrands,
      ),
    ]);
  }
}

function main(): void {
  const dumpAt = process.argv.indexOf('--dump');
  const dumpPath = dumpAt >= 0 ? process.argv[dumpAt + 1] : undefined;
  const hash = createHash('sha256');
  const lines: string[] = [];
  let count = 0;
  for (const line of triageOutputs(corpusTexts())) {
    hash.update(line).update('\n');
    if (dumpPath) lines.push(line);
    count++;
  }
  if (dumpPath) writeFileSync(dumpPath, lines.join('\n') + '\n');
  console.log(`${count} texts × 9 outputs, sha256 ${hash.digest('hex')}`);
}

if (isMain(import.meta.url)) main();
