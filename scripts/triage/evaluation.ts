/**
 * Held-out evaluation of the shipped triage models on the airline-tweets test split (row % 5 === 0).
 * Shared by scripts/triage/evaluate.ts, scripts/triage/bench.ts and the regression test.
 */
import {
  CATEGORY_PIPELINE,
  categorizeFromPrepared,
  categoryByModel,
  categoryModel,
  NEGATIVE_REASON_CATEGORY,
  type CategoryPipeline,
} from '../../lib/triage/category';
import { complaintFromPrepared, complaintModel, complaintProbability } from '../../lib/triage/complaint';
import { brandMatcherFor, prepareText } from '../../lib/triage/prepare';
import type { LinearModel } from '../../lib/triage/linear-model';
import { normalizeText } from '../../lib/triage/text';
import { AIRLINE_BRAND_TERMS, loadAirlineTweets, splitTweets, type LabelledTweet } from './dataset';
import { binaryMetrics, multiClassMetrics, type BinaryMetrics, type MultiClassMetrics } from './metrics';

export function heldOutTweets(): LabelledTweet[] {
  return splitTweets(loadAirlineTweets()).test;
}

export function isComplaintTweet(tweet: LabelledTweet): boolean {
  return tweet.sentiment === 'negative';
}

export interface ComplaintEvaluation {
  /** The shipped detector: model + post-rules, tuned threshold. */
  shipped: BinaryMetrics;
  /** Model probability alone at the same threshold (no post-rules). */
  modelOnly: BinaryMetrics;
  /** Naive baseline: any word of NAIVE_NEGATIVE_WORDS. */
  lexicon: BinaryMetrics;
  /** Baseline: every post is a complaint. */
  everything: BinaryMetrics;
  threshold: number;
}

/** A deliberately simple baseline: a post is a complaint if it contains any of these words. */
export const NAIVE_NEGATIVE_WORDS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'worst',
  'bad',
  'terrible',
  'awful',
  'delayed',
  'delay',
  'cancelled',
  'lost',
  'late',
  'rude',
  'fail',
  'disappointed',
  'sucks',
  'cant',
  'wont',
  'dont',
  'hours',
  'hold',
  'waiting',
  'why',
]);

export function lexiconIsComplaint(text: string): boolean {
  for (const word of normalizeText(text)
    .replaceAll("'", '')
    .split(/[^\p{L}]+/u)) {
    if (NAIVE_NEGATIVE_WORDS.has(word)) return true;
  }
  return false;
}

export function evaluateComplaints(tweets: readonly LabelledTweet[] = heldOutTweets()): ComplaintEvaluation {
  const brands = brandMatcherFor(AIRLINE_BRAND_TERMS);
  const model = complaintModel();
  const actual = tweets.map(isComplaintTweet);
  const shipped: boolean[] = [];
  const modelOnly: boolean[] = [];
  for (const tweet of tweets) {
    const prepared = prepareText(tweet.text, brands);
    shipped.push(complaintFromPrepared(prepared, model).isComplaint);
    modelOnly.push(complaintProbability(prepared, model) >= model.threshold);
  }
  return {
    shipped: binaryMetrics(shipped, actual),
    modelOnly: binaryMetrics(modelOnly, actual),
    lexicon: binaryMetrics(
      tweets.map((tweet) => lexiconIsComplaint(tweet.text)),
      actual,
    ),
    everything: binaryMetrics(
      tweets.map(() => true),
      actual,
    ),
    threshold: model.threshold,
  };
}

export interface CategoryEvaluation {
  /** As shipped: rules, then model probabilities plus keyword votes. */
  shipped: MultiClassMetrics;
  modelOnly: MultiClassMetrics;
  /** How many held-out complaints a rule or keywords decided (against the model's own choice). */
  ruleDecided: number;
  count: number;
}

/** Category of each held-out complaint (gold negative tweets with a mapped reason). */
export function evaluateCategories(
  tweets: readonly LabelledTweet[] = heldOutTweets(),
  model: LinearModel = categoryModel(),
  pipeline: CategoryPipeline = CATEGORY_PIPELINE,
): CategoryEvaluation {
  const brands = brandMatcherFor(AIRLINE_BRAND_TERMS);
  const complaints = tweets.filter((tweet) => isComplaintTweet(tweet) && NEGATIVE_REASON_CATEGORY[tweet.negativeReason]);
  const actual = complaints.map((tweet) => NEGATIVE_REASON_CATEGORY[tweet.negativeReason] as string);
  const shipped: string[] = [];
  const modelOnly: string[] = [];
  let ruleDecided = 0;
  for (const tweet of complaints) {
    const prepared = prepareText(tweet.text, brands);
    const result = categorizeFromPrepared(prepared, model, pipeline);
    if (result.source === 'rule') ruleDecided++;
    modelOnly.push(categoryByModel(prepared, model).category);
    shipped.push(result.category);
  }
  return {
    shipped: multiClassMetrics(shipped, actual),
    modelOnly: multiClassMetrics(modelOnly, actual),
    ruleDecided,
    count: complaints.length,
  };
}

const pct = (value: number) => value.toFixed(4);

export function formatComplaintReport(evaluation: ComplaintEvaluation, count: number): string {
  const row = (name: string, m: BinaryMetrics) =>
    `| ${name.padEnd(22)} | ${pct(m.precision)} | ${pct(m.recall)} | ${pct(m.f1)} | ${pct(m.accuracy)} |`;
  const m = evaluation.shipped;
  return [
    `Complaint detection, airline held-out split (${count} tweets, row % 5 === 0), threshold ${evaluation.threshold}`,
    '| detector               | precision | recall | F1     | accuracy |',
    '|------------------------|-----------|--------|--------|----------|',
    row('shipped (model+rules)', evaluation.shipped),
    row('model only', evaluation.modelOnly),
    row('naive lexicon baseline', evaluation.lexicon),
    row('everything a complaint', evaluation.everything),
    '',
    'Confusion matrix (shipped), rows = actual:',
    '|               | predicted complaint | predicted not |',
    '|---------------|---------------------|---------------|',
    `| complaint     | ${String(m.truePositive).padStart(19)} | ${String(m.falseNegative).padStart(13)} |`,
    `| not complaint | ${String(m.falsePositive).padStart(19)} | ${String(m.trueNegative).padStart(13)} |`,
  ].join('\n');
}

export function formatCategoryReport(evaluation: CategoryEvaluation): string {
  const lines = [
    `Category, held-out complaints (${evaluation.count}; rules or keywords decided ${evaluation.ruleDecided})`,
    `macro-F1 shipped (rules+model+keywords) ${pct(evaluation.shipped.macroF1)}, model only ${pct(evaluation.modelOnly.macroF1)}; accuracy shipped ${pct(evaluation.shipped.accuracy)}`,
    '| category        | support | precision | recall | F1     | F1 model only |',
    '|-----------------|---------|-----------|--------|--------|---------------|',
  ];
  for (const c of evaluation.shipped.perClass) {
    const modelOnly = evaluation.modelOnly.perClass.find((m) => m.label === c.label);
    lines.push(
      `| ${c.label.padEnd(15)} | ${String(c.support).padStart(7)} | ${pct(c.precision).padStart(9)} | ${pct(c.recall)} | ${pct(c.f1)} | ${pct(modelOnly?.f1 ?? 0).padStart(13)} |`,
    );
  }
  const extra = evaluation.shipped.labels.filter((label) => !evaluation.shipped.perClass.some((c) => c.label === label));
  if (extra.length > 0) {
    const index = (label: string) => evaluation.shipped.labels.indexOf(label);
    const counts = extra.map((label) => `${label} ${evaluation.shipped.confusion.reduce((sum, row) => sum + (row[index(label)] ?? 0), 0)}`);
    lines.push(`Predicted categories the dataset has no label for (counted as misses): ${counts.join(', ')}`);
  }
  return lines.join('\n');
}
