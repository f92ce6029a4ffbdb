/**
 * The airline-tweets benchmark (data/airline-tweets/tweets.json, see SOURCES.md there) and its fixed split.
 * Used by training, evaluation, the benchmark and the held-out regression test; never by the extension.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Sentiment = 'negative' | 'neutral' | 'positive';

export interface LabelledTweet {
  /** 1-based data row of the source CSV: the tweet's id here. */
  row: number;
  sentiment: Sentiment;
  /** Dataset complaint reason ("Late Flight", "Lost Luggage"...), '' when not negative. */
  negativeReason: string;
  airline: string;
  retweets: number;
  text: string;
}

// Path string maths rather than `new URL(...)`: test environments such as happy-dom replace the URL global.
export const DATASET_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../data/airline-tweets/tweets.json');

/** Held out: rows whose number is a multiple of 5 (20%). Never used to train or tune. */
export function isTestRow(row: number): boolean {
  return row % 5 === 0;
}

/** Cross-validation fold (1-4) of a training row. */
export function foldOf(row: number): number {
  return row % 5;
}

export const TRAIN_FOLDS = [1, 2, 3, 4] as const;

let cache: LabelledTweet[] | undefined;

export function loadAirlineTweets(): LabelledTweet[] {
  if (cache) return cache;
  const parsed = JSON.parse(readFileSync(DATASET_PATH, 'utf8')) as { columns: string[]; rows: unknown[][] };
  const expected = ['row', 'airline_sentiment', 'negativereason', 'airline', 'retweet_count', 'text'];
  if (parsed.columns.join() !== expected.join()) throw new Error(`unexpected columns ${parsed.columns.join()}`);
  cache = parsed.rows.map(([row, sentiment, reason, airline, retweets, text]) => ({
    row: row as number,
    sentiment: sentiment as Sentiment,
    negativeReason: reason as string,
    airline: airline as string,
    retweets: retweets as number,
    text: text as string,
  }));
  return cache;
}

export function splitTweets(tweets: readonly LabelledTweet[]): { train: LabelledTweet[]; test: LabelledTweet[] } {
  return {
    train: tweets.filter((tweet) => !isTestRow(tweet.row)),
    test: tweets.filter((tweet) => isTestRow(tweet.row)),
  };
}

/**
 * Airline names, handles and nicknames masked as <brand> during training and evaluation, so the
 * model learns complaint language rather than which airline people complain about most.
 */
export const AIRLINE_BRAND_TERMS: readonly string[] = [
  'United',
  'United Airlines',
  'UnitedAirlines',
  '@united',
  'UA',
  'US Airways',
  'USAirways',
  'US Air',
  'USAir',
  '@USAirways',
  'American',
  'American Air',
  'American Airlines',
  'AmericanAir',
  'AmericanAirlines',
  '@AmericanAir',
  'AA',
  'Southwest',
  'Southwest Air',
  'Southwest Airlines',
  'SouthwestAir',
  '@SouthwestAir',
  'SWA',
  'Delta',
  'Delta Air Lines',
  'Delta Airlines',
  '@Delta',
  '@DeltaAssist',
  'JetBlue',
  'Jet Blue',
  '@JetBlue',
  'Virgin America',
  'VirginAmerica',
  'Virgin',
  '@VirginAmerica',
  'VX',
];
