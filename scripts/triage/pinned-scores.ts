/**
 * Pinned triage scores: what the shipped models say about a fixed set of real posts (airline held-out tweets,
 * complaints-2019 tweets, Yelp reviews long enough to be scored in pieces, a few edge cases), so a change to how
 * the models are encoded, loaded or scored is proved not to move any score (pinned-scores.test.ts).
 * The posts' texts are copied from data/airline-tweets (CC BY-NC-SA 4.0), data/complaints-2019 and
 * data/yelp-reviews (their licences and sources are in those folders).
 * The file carries a fingerprint of the models' weights: after a retraining it no longer matches, and the
 * test says to pin again with
 *
 *   npx tsx scripts/triage/pinned-scores.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { triagePost } from '../../lib/triage';
import { categoryModel } from '../../lib/triage/category';
import { complaintModel, complaintProbability } from '../../lib/triage/complaint';
import { fnv1a } from '../../lib/triage/hash';
import { weightAt, type LinearModel } from '../../lib/triage/linear-model';
import { brandMatcherFor, prepareText } from '../../lib/triage/prepare';
import { isMain } from '../is-main';
import { loadComplaintTweets, loadYelpReviews } from './corpora';
import { AIRLINE_BRAND_TERMS } from './dataset';
import { heldOutTweets } from './evaluation';

export const PINNED_SCORES_PATH = join(dirname(fileURLToPath(import.meta.url)), 'pinned-scores.json');

export interface PinnedPost {
  text: string;
  rating?: number;
}

export interface PinnedScore {
  /** The complaint model's probability (before post-rules and rating). */
  model: number;
  /** triagePost's verdict. */
  complaint: number;
  category: string;
  categoryConfidence: number;
}

export interface PinnedScores {
  fingerprint: string;
  posts: PinnedPost[];
  scores: PinnedScore[];
}

/** A hash of every weight, bias and threshold of a model, independent of how it is encoded. */
export function modelFingerprint(model: LinearModel): string {
  const size = 2 ** model.features.bits;
  const parts: string[] = [JSON.stringify(model.features), model.classes.join(), model.bias.join(), String(model.threshold)];
  let hash = 0x811c9dc5;
  for (let bucket = 0; bucket < size; bucket++) {
    for (let c = 0; c < model.classes.length; c++) {
      const weight = weightAt(model, bucket, c);
      if (weight !== 0) hash = fnv1a(`${bucket}:${c}:${weight}`, hash);
    }
  }
  parts.push(hash.toString(16));
  return fnv1a(parts.join('|')).toString(16);
}

export function shippedFingerprint(): string {
  return `${modelFingerprint(complaintModel())}-${modelFingerprint(categoryModel())}`;
}

/** The posts: every 20th of each corpus, plus edge cases (empty, other languages, a very long post). */
export function pinnedPosts(): PinnedPost[] {
  const every = <T>(items: readonly T[], step: number) => items.filter((_, i) => i % step === 0);
  const long = every(heldOutTweets(), 40)
    .map((tweet) => tweet.text)
    .join(' ');
  return [
    ...every(heldOutTweets(), 20).map((tweet) => ({ text: tweet.text })),
    ...every(loadComplaintTweets(), 20).map((tweet) => ({ text: tweet.text })),
    ...every(loadYelpReviews(), 30).map((review) => ({ text: review.text, rating: review.stars })),
    { text: '' },
    { text: '@united https://t.co/abc' },
    { text: 'Mi maleta se perdió y nadie responde desde hace tres días.' },
    { text: '我的行李丟了，三天沒有回覆。' },
    { text: long },
  ];
}

export function scorePinned(posts: readonly PinnedPost[]): PinnedScore[] {
  const brands = brandMatcherFor(AIRLINE_BRAND_TERMS);
  return posts.map((post) => {
    const triage = triagePost(
      { kind: 'post', text: post.text, reach: post.rating !== undefined ? { rating: post.rating } : {} },
      // Every post's category, complaint or not: the pins are about the models.
      { brandTerms: AIRLINE_BRAND_TERMS, categorize: 'always' },
    );
    return {
      model: complaintProbability(prepareText(post.text, brands)),
      complaint: triage.complaint.confidence,
      category: triage.category.category,
      categoryConfidence: triage.category.confidence,
    };
  });
}

if (isMain(import.meta.url)) {
  const posts = pinnedPosts();
  const pinned: PinnedScores = { fingerprint: shippedFingerprint(), posts, scores: scorePinned(posts) };
  writeFileSync(PINNED_SCORES_PATH, `${JSON.stringify(pinned, null, 2)}\n`);
  console.log(`Pinned ${posts.length} posts' scores (models ${pinned.fingerprint}) in ${PINNED_SCORES_PATH}`);
}
