/**
 * The complaints-2019 complaint tweets whose category was labelled by hand, in batches of 200
 * (data/complaints-2019/category-labels*.csv; how and by whom: data/complaints-2019/CATEGORY_LABELS.md).
 *
 * Sampler (seeded, so the same rows come out every time): the industry tweets labelled complaint, minus
 * those about air travel (the airline data already covers it), stratified by industry with proportional
 * allocation (largest remainder), then a seeded shuffle within each industry; batch b takes the b-th n of it.
 *
 *   npx tsx scripts/triage/category-sample.ts [batch]    # print a batch (0: the first 200, 1: the next, …) as CSV rows (row,domain,text)
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORY_IDS } from '../../lib/domain/triage';
import { seededRandom } from '../../lib/util/random';
import { isMain } from '../is-main';
import { INDUSTRIES, loadComplaintTweets, type ComplaintTweet, type Industry } from './corpora';
import { parseCsv } from './csv';

export const CATEGORY_SAMPLE_SIZE = 200;
export const CATEGORY_SAMPLE_SEED = 2019;

/** Air-travel tweets (airlines, flights, airports) are left out: "non-airline" complaints. */
const AIR_TRAVEL =
  /\b(?:flights?|airlines?|airways|airport|plane|boarding|layover|jetblue|southwestair|united|americanair|delta|alaskaair|virginamerica|usairways|british_airways|ryanair|easyjet)\b/i;

export function isAirTravel(text: string): boolean {
  return AIR_TRAVEL.test(text);
}

/** Proportional allocation of `total` over the counts, largest remainder first (ties: list order). */
export function allocate(counts: readonly number[], total: number): number[] {
  const sum = counts.reduce((a, b) => a + b, 0);
  const exact = counts.map((c) => (c * total) / sum);
  const result = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; result.reduce((a, b) => a + b, 0) < total; k++) {
    const at = (order[k % order.length] as { i: number }).i;
    result[at] = (result[at] as number) + 1;
  }
  return result;
}

/**
 * Batch 0 is the first 200 labelled; batch 1 the next 200 of the same seeded shuffle (same quotas per industry),
 * batches 2 and 3 the 200 after each: the batches never overlap. An industry whose shuffle runs out gives fewer
 * (from batch 4 on: 113 in all).
 */
export function categorySample(tweets: readonly ComplaintTweet[] = loadComplaintTweets(), batch = 0): ComplaintTweet[] {
  const byIndustry = INDUSTRIES.map((industry: Industry) =>
    tweets.filter((tweet) => tweet.domain === industry && tweet.complaint && !isAirTravel(tweet.text)),
  );
  const quotas = allocate(
    byIndustry.map((rows) => rows.length),
    CATEGORY_SAMPLE_SIZE,
  );
  const random = seededRandom(CATEGORY_SAMPLE_SEED);
  return byIndustry.flatMap((rows, k) => {
    const shuffled = [...rows];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as ComplaintTweet, shuffled[i] as ComplaintTweet];
    }
    const quota = quotas[k] ?? 0;
    return shuffled.slice(quota * batch, quota * (batch + 1)).sort((a, b) => a.row - b.row);
  });
}

export interface CategoryLabel {
  row: number;
  domain: string;
  /** One of the 11 categories (CATEGORY_LABELS.md), e.g. 'app_bug'. */
  category: string;
  text: string;
  /** Which labelling batch (categorySample's `batch`) the row came from. */
  batch: number;
}

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../data/complaints-2019');
/** One file per labelling batch: category-labels.csv (batch 0), category-labels-2.csv (batch 1), … -4.csv (batch 3). */
export const LABEL_BATCHES = 4;
/** The batch no model trains on or is tuned on: the reported category test set. */
export const HELD_OUT_BATCH = 1;
/**
 * Batches outside the sampler's 200s, never scored by cross-validation (CATEGORY_LABELS.md): 4 is what the
 * sampler's pool had left (113, category-labels-5.csv); 5 the 75 complaints it leaves out as air travel
 * (category-labels-6.csv); 6 brand tweets the annotators marked not-a-complaint that ask about cancelling,
 * bookings, accounts or lost items, found by keyword to feed the smallest classes (category-labels-7.csv).
 */
export const POOL_REST_BATCH = 4;
export const AIR_TRAVEL_BATCH = 5;
export const TARGETED_REQUESTS_BATCH = 6;
const labelsPath = (batch: number) => join(DATA_DIR, batch === 0 ? 'category-labels.csv' : `category-labels-${batch + 1}.csv`);

const CATEGORIES = new Set<string>(CATEGORY_IDS);

/** One labels file's CSV text; a bad header, row number or category throws, naming the file and line. */
export function parseCategoryLabels(csv: string, batch: number, file = `batch ${batch}`): CategoryLabel[] {
  const [header, ...rows] = parseCsv(csv);
  if (header?.join() !== 'row,domain,category,text') throw new Error(`${file}: unexpected header ${header?.join()}`);
  return rows
    .filter((row) => row.length > 1)
    .map(([row, domain, category, text], i) => {
      if (!/^[1-9]\d*$/.test(row ?? '')) throw new Error(`${file}, line ${i + 2}: bad row number "${row}"`);
      if (!CATEGORIES.has(category ?? '')) throw new Error(`${file}, line ${i + 2}: unknown category "${category}"`);
      return { row: Number(row), domain: domain ?? '', category: category ?? '', text: text ?? '', batch };
    });
}

export function loadCategoryLabels(batch = 0): CategoryLabel[] {
  const path = labelsPath(batch);
  return parseCategoryLabels(readFileSync(path, 'utf8'), batch, basename(path));
}

/** 50 test-batch tweets labelled a second time, blind to the stored labels (CATEGORY_LABELS.md). */
export function loadSecondReading(): CategoryLabel[] {
  const path = join(DATA_DIR, 'category-labels-2-second-reading.csv');
  return parseCategoryLabels(readFileSync(path, 'utf8'), HELD_OUT_BATCH, basename(path));
}

/** Every hand label, batch 0 first. */
export function loadAllCategoryLabels(): CategoryLabel[] {
  return Array.from({ length: LABEL_BATCHES }, (_, batch) => loadCategoryLabels(batch)).flat();
}

/** The hand labels models may train and be tuned on: every batch but the held-out one. */
export function loadTrainingCategoryLabels(): CategoryLabel[] {
  return loadAllCategoryLabels().filter((label) => label.batch !== HELD_OUT_BATCH);
}

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

if (isMain(import.meta.url)) {
  const batch = Number(process.argv[2] ?? 0);
  for (const tweet of categorySample(loadComplaintTweets(), batch))
    console.log([String(tweet.row), tweet.domain, csvField(tweet.text)].join(','));
}
