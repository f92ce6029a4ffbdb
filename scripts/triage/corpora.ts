/**
 * The multi-industry complaint data (data/complaints-2019) and the Yelp reviews (data/yelp-reviews), with their
 * fixed splits; see SOURCES.md in each folder. Used by training, the benchmark and the regression tests; never
 * by the extension.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../data');

/** The brand-directed industries of complaints-2019 (leave-one-industry-out folds). */
export const INDUSTRIES = ['apparel', 'food', 'retail', 'services', 'software', 'transport', 'other'] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const ORDINARY_DOMAINS = ['random_tweet', 'random_reply'] as const;

export interface ComplaintTweet {
  /** 1-based data row of the CSV (header excluded). */
  row: number;
  text: string;
  complaint: boolean;
  domain: Industry | (typeof ORDINARY_DOMAINS)[number];
}

let complaintsCache: ComplaintTweet[] | undefined;

export function loadComplaintTweets(): ComplaintTweet[] {
  if (complaintsCache) return complaintsCache;
  const [header, ...rows] = parseCsv(readFileSync(join(DATA_DIR, 'complaints-2019/complaints.csv'), 'utf8'));
  if (header?.join() !== 'id,text,label,domain') throw new Error(`complaints-2019: unexpected header ${header?.join()}`);
  const domains = new Set<string>([...INDUSTRIES, ...ORDINARY_DOMAINS]);
  complaintsCache = rows.map(([, text, label, domain], i) => {
    if (!domain || !domains.has(domain) || (label !== '0' && label !== '1')) throw new Error(`complaints-2019: bad row ${i + 1}`);
    return { row: i + 1, text: text ?? '', complaint: label === '1', domain: domain as ComplaintTweet['domain'] };
  });
  return complaintsCache;
}

export function isOrdinary(tweet: ComplaintTweet): boolean {
  return tweet.domain === 'random_tweet' || tweet.domain === 'random_reply';
}

/** Ordinary tweets held out from all training and tuning: rows with row % 5 === 0. */
export function isHeldOutOrdinary(tweet: ComplaintTweet): boolean {
  return isOrdinary(tweet) && tweet.row % 5 === 0;
}

export interface YelpReview {
  row: number;
  stars: number;
  text: string;
}

let yelpCache: YelpReview[] | undefined;

export function loadYelpReviews(): YelpReview[] {
  if (yelpCache) return yelpCache;
  const [header, ...rows] = parseCsv(readFileSync(join(DATA_DIR, 'yelp-reviews/yelp-reviews.csv'), 'utf8'));
  const starsAt = header?.indexOf('stars') ?? -1;
  const textAt = header?.indexOf('text') ?? -1;
  if (starsAt < 0 || textAt < 0) throw new Error('yelp-reviews: missing stars/text columns');
  yelpCache = rows.filter((row) => row.length > 1).map((row, i) => ({ row: i + 1, stars: Number(row[starsAt]), text: row[textAt] ?? '' }));
  return yelpCache;
}
