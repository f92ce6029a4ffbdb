/**
 * Train the complaint-category model on every CareSide category (CATEGORY_IDS) and write
 * lib/triage/model/category-model.ts. Training rows:
 * - the negative tweets of the airline train split, their `negativereason` mapped by NEGATIVE_REASON_CATEGORY
 *   (7 categories: no billing, account, outage or app/website bug there);
 * - the hand-labelled complaints-2019 tweets of batches 1, 3, 4 and 5 (data/complaints-2019/category-labels.csv,
 *   -3.csv, -4.csv, -5.csv: 713 tweets, all 11 categories), weighted `handWeight` each: the only rows of other
 *   industries and of the four missing categories. The second batch (category-labels-2.csv, 200) is never
 *   trained or tuned on: it is the test set. Batches 6 and 7 (120 more, the small classes) raise the CV score
 *   but push the airline held-out category macro-F1 under its 0.59 floor, so they are not trained on yet:
 *   `--search --airline --try '[{"extraBatches":[4,5,6]}]'` measures them (MODEL_CARD.md, sixth round).
 *
 *   npx tsx scripts/triage/train-category-model.ts     # train with CHOSEN settings, write the model, and print
 *                                                      # it on the test batch beside the current model and always-"other"
 *   npx tsx scripts/triage/train-category-model.ts --search [--try '<json overrides>'] [--per-class] [--confusion] [--all] [--held-out]
 *
 * Honest numbers: a hand label is only ever scored by a model that did not train on it. `--search` picks
 * settings by 5-fold CV over the 600 labels of batches 1, 3, 4 only (`row % 5`; the airline rows and `extraBatches`
 * are in every fold's training set, the airline held-out 20% in none); `--all` adds the same CV over all 800 for reference (the
 * test batch then takes part, so it never chooses anything), `--held-out` the score on the test batch.
 */
import { fileURLToPath } from 'node:url';
import { CATEGORY_IDS, type CategoryId } from '../../lib/domain/triage';
import {
  CATEGORY_PIPELINE,
  categorizeComplaint,
  categoryByModel,
  categoryFeatureCues,
  categoryModel,
  type CategoryPipeline,
} from '../../lib/triage/category';
import { NEGATIVE_REASON_CATEGORY } from '../../lib/triage/category-rules';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from '../../lib/triage/features';
import { decodeLinearModel, type LinearModel } from '../../lib/triage/linear-model';
import { brandMatcherFor, prepareText } from '../../lib/triage/prepare';
import {
  HELD_OUT_BATCH,
  loadAllCategoryLabels,
  loadCategoryLabels,
  loadTrainingCategoryLabels,
  POOL_REST_BATCH,
  type CategoryLabel,
} from './category-sample';
import { AIRLINE_BRAND_TERMS, loadAirlineTweets, splitTweets, type LabelledTweet } from './dataset';
import { encodeLinearModel } from './encode-model';
import { DEFAULT_FTRL, trainFtrl, type FtrlParams, type TrainedLinear } from './ftrl';
import { multiClassMetrics, type MultiClassMetrics } from './metrics';
import { evaluateCategories, heldOutTweets } from './evaluation';
import { buildTextExamples, writeModelFile, type Example, type LabelledText } from './training';
import { isMain } from '../is-main';

/** Model classes, in order: every CareSide category. */
export const TRAINED_CATEGORIES: readonly CategoryId[] = CATEGORY_IDS;

export interface CategoryTrainingSettings {
  features: FeatureConfig;
  ftrl: FtrlParams;
  maxWeights: number;
  /** Example weight = (mean class size / class size) ^ power: 0 = none, 1 = fully balanced (macro-F1). */
  balancePower: number;
  /** Weight of one hand-labelled tweet against one airline tweet (before class balancing). */
  handWeight: number;
  /** Weight of one airline tweet (0: the airline rows are left out). */
  airlineWeight: number;
  /** How rules, model and keyword votes are combined (lib/triage/category.ts). */
  pipeline: CategoryPipeline;
  /**
   * Labelling batches outside the sampler's 200s trained on too (category-sample.ts: POOL_REST_BATCH,
   * AIR_TRAVEL_BATCH, TARGETED_REQUESTS_BATCH): in every CV fold's training set, never scored by CV.
   */
  extraBatches: readonly number[];
}

export const CHOSEN_CATEGORY_SETTINGS: CategoryTrainingSettings = {
  features: { ...DEFAULT_FEATURE_CONFIG, bits: 16, charMin: 3, charMax: 5, cueWeight: 1 },
  ftrl: { ...DEFAULT_FTRL, l1: 0.5, l2: 1 },
  maxWeights: 6_000,
  balancePower: 0.75,
  handWeight: 10,
  airlineWeight: 1,
  pipeline: CATEGORY_PIPELINE,
  extraBatches: [POOL_REST_BATCH],
};

/** Hand labels are split into CV folds by their complaints-2019 row. */
export const HAND_FOLDS = [0, 1, 2, 3, 4] as const;
export const handFoldOf = (label: CategoryLabel) => label.row % 5;

export function categoryLabel(tweet: LabelledTweet): CategoryId | undefined {
  return NEGATIVE_REASON_CATEGORY[tweet.negativeReason];
}

export function airlineItems(settings: CategoryTrainingSettings): LabelledText[] {
  if (settings.airlineWeight === 0) return [];
  return splitTweets(loadAirlineTweets())
    .train.filter((tweet) => tweet.sentiment === 'negative' && categoryLabel(tweet) !== undefined)
    .map((tweet) => ({
      row: tweet.row,
      text: tweet.text,
      label: TRAINED_CATEGORIES.indexOf(categoryLabel(tweet) as CategoryId),
      brandTerms: AIRLINE_BRAND_TERMS,
      weight: settings.airlineWeight,
      group: 'airline',
    }));
}

export function handItems(labels: readonly CategoryLabel[], settings: CategoryTrainingSettings): LabelledText[] {
  return labels.map((label) => ({
    row: 100_000 + label.row,
    text: label.text,
    label: TRAINED_CATEGORIES.indexOf(label.category as CategoryId),
    // Their brands are named only by @handle, which become <user>.
    brandTerms: [],
    weight: settings.handWeight,
    group: 'hand',
  }));
}

/**
 * Per class, log(share among the hand labels) − log(share of the balanced training weight): added to the biases
 * (times a factor), it moves the model's prior from the airline-heavy training mix towards the classes complaints of
 * other industries have (a prior-shift correction; MODEL_CARD.md).
 */
export function priorCorrection(examples: readonly Example[], settings: CategoryTrainingSettings): number[] {
  const trained = new Array<number>(TRAINED_CATEGORIES.length).fill(0);
  const hand = new Array<number>(TRAINED_CATEGORIES.length).fill(0);
  for (const e of balanced(examples, settings.balancePower)) {
    trained[e.label] = (trained[e.label] ?? 0) + (e.weight ?? 1);
    if (e.group === 'hand') hand[e.label] = (hand[e.label] ?? 0) + 1;
  }
  const share = (counts: number[]) => {
    const total = counts.reduce((a, b) => a + b, 0);
    return counts.map((n) => (n + 0.5) / (total + 0.5 * counts.length));
  };
  const trainedShare = share(trained);
  return share(hand).map((p, c) => Math.log(p) - Math.log(trainedShare[c] as number));
}

function balanced(examples: readonly Example[], power: number): Example[] {
  const counts = new Map<number, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + (e.weight ?? 1));
  const mean = [...counts.values()].reduce((a, b) => a + b, 0) / counts.size;
  return examples.map((e) => ({ ...e, weight: (e.weight ?? 1) * (mean / (counts.get(e.label) ?? 1)) ** power }));
}

/** Examples with the cues the category model sees (category.ts categoryFeatureCues). */
export const categoryExamples = (items: readonly LabelledText[], features: FeatureConfig) =>
  buildTextExamples(items, features, (prepared) => categoryFeatureCues(prepared));

/** The trained float weights, before they are pruned and quantised for shipping. */
export const trainCategoryWeights = (examples: readonly Example[], settings: CategoryTrainingSettings): TrainedLinear =>
  trainFtrl(balanced(examples, settings.balancePower), TRAINED_CATEGORIES.length, settings.features.bits, settings.ftrl);

/** Keep at most `maxWeights` weights per class (largest first), int8, in the shipped format. */
export function encodeCategoryWeights(trained: TrainedLinear, settings: CategoryTrainingSettings, maxWeights = settings.maxWeights) {
  return encodeLinearModel({
    features: settings.features,
    classes: [...TRAINED_CATEGORIES],
    bias: trained.bias,
    weights: trained.weights,
    threshold: 0,
    maxWeightsPerClass: maxWeights,
  });
}

const trainEncoded = (examples: readonly Example[], settings: CategoryTrainingSettings) =>
  encodeCategoryWeights(trainCategoryWeights(examples, settings), settings);

export interface HandLabelCrossValidation {
  /** The shipped pipeline: phrase rules, then the model plus keyword votes. */
  shipped: MultiClassMetrics;
  modelOnly: MultiClassMetrics;
  /** Phrase rules, then the model, no keyword votes. */
  rulesAndModel: MultiClassMetrics;
  /** Per labelling batch (0: the first 200, 1: the next 200, …), shipped pipeline. */
  byBatch: MultiClassMetrics[];
}

/**
 * 5-fold CV over the hand labels (by default the training batches only, so that settings chosen on it never
 * saw the test batch): each fold's tweets are categorised by a model trained on the airline rows and the other
 * four folds' hand labels.
 */
export function crossValidateHandLabels(
  settings: CategoryTrainingSettings = CHOSEN_CATEGORY_SETTINGS,
  labels: readonly CategoryLabel[] = loadTrainingCategoryLabels(),
): HandLabelCrossValidation {
  const airline = categoryExamples(airlineItems(settings), settings.features);
  const hand = categoryExamples(handItems(labels, settings), settings.features);
  const extra = categoryExamples(handItems(extraLabels(settings), settings), settings.features);
  const shipped: string[] = new Array<string>(labels.length).fill('other');
  const modelOnly: string[] = [...shipped];
  const rulesAndModel: string[] = [...shipped];
  for (const fold of HAND_FOLDS) {
    const training = [...airline, ...extra, ...hand.filter((_, i) => handFoldOf(labels[i] as CategoryLabel) !== fold)];
    const model: LinearModel = decodeLinearModel(trainEncoded(training, settings));
    labels.forEach((label, i) => {
      if (handFoldOf(label) !== fold) return;
      shipped[i] = categorizeComplaint(label.text, { model, pipeline: settings.pipeline }).category;
      modelOnly[i] = categoryByModel(prepareText(label.text, brandMatcherFor([])), model).category;
      rulesAndModel[i] = categorizeComplaint(label.text, { model, pipeline: { rules: true, keywordVote: 0 } }).category;
    });
  }
  const actual = labels.map((label) => label.category);
  const batches = [...new Set(labels.map((label) => label.batch))].sort();
  return {
    shipped: multiClassMetrics(shipped, actual),
    modelOnly: multiClassMetrics(modelOnly, actual),
    rulesAndModel: multiClassMetrics(rulesAndModel, actual),
    byBatch: batches.map((batch) =>
      multiClassMetrics(
        shipped.filter((_, i) => labels[i]?.batch === batch),
        actual.filter((_, i) => labels[i]?.batch === batch),
      ),
    ),
  };
}

function describe(settings: CategoryTrainingSettings): string {
  const f = settings.features;
  const t = settings.ftrl;
  const p = settings.pipeline;
  return `extra batches ${settings.extraBatches.map((b) => b + 1).join('+') || 'none'} | bits ${f.bits} ≤${settings.maxWeights} weights/class char ${f.charMin}-${f.charMax} w=${f.wordWeight}/${f.bigramWeight}/${f.charWeight}/${f.cueWeight} balance ${settings.balancePower} hand×${settings.handWeight} airline×${settings.airlineWeight} | a=${t.alpha} l1=${t.l1} l2=${t.l2} ep=${t.epochs} | rules ${p.rules ? (p.ruleClasses?.join('+') ?? 'on') : 'off'} votes ${p.keywordVote}`;
}

export type Override = Partial<Omit<CategoryTrainingSettings, 'features' | 'ftrl' | 'pipeline'>> & {
  features?: Partial<FeatureConfig>;
  ftrl?: Partial<FtrlParams>;
  pipeline?: Partial<CategoryPipeline>;
};

export function withOverride(base: CategoryTrainingSettings, o: Override): CategoryTrainingSettings {
  return {
    ...base,
    ...o,
    features: { ...base.features, ...o.features },
    ftrl: { ...base.ftrl, ...o.ftrl },
    pipeline: { ...base.pipeline, ...o.pipeline },
  };
}

const extraLabels = (settings: CategoryTrainingSettings): CategoryLabel[] =>
  settings.extraBatches.flatMap((batch) => loadCategoryLabels(batch));

/** The hand labels the shipped model trains on: every batch but the second, which is the test set. */
export const trainingHandLabels = (settings: CategoryTrainingSettings = CHOSEN_CATEGORY_SETTINGS): CategoryLabel[] => [
  ...loadTrainingCategoryLabels(),
  ...extraLabels(settings),
];
export const testHandLabels = (): CategoryLabel[] => loadCategoryLabels(HELD_OUT_BATCH);

/** Train on the airline rows and the training batches; return the encoded model. */
export function trainShippedCategoryModel(settings: CategoryTrainingSettings = CHOSEN_CATEGORY_SETTINGS) {
  return trainEncoded(
    categoryExamples([...airlineItems(settings), ...handItems(trainingHandLabels(settings), settings)], settings.features),
    settings,
  );
}

/** 1-based batch numbers, as CATEGORY_LABELS.md names them: "1, 3, 4, 5". */
export const trainedBatchNames = (settings: CategoryTrainingSettings = CHOSEN_CATEGORY_SETTINGS): string =>
  [...new Set(trainingHandLabels(settings).map((label) => label.batch + 1))].sort((a, b) => a - b).join(', ');

const pipelineName = (p: CategoryPipeline) =>
  [p.rules ? (p.ruleClasses ? `rules of ${p.ruleClasses.join(', ')}` : 'rules') : '', 'model', p.keywordVote > 0 ? 'keyword votes' : '']
    .filter(Boolean)
    .join(', ');

function heldOutScore(model: LinearModel, pipeline: CategoryPipeline = CATEGORY_PIPELINE): MultiClassMetrics {
  const labels = testHandLabels();
  return multiClassMetrics(
    labels.map((label) => categorizeComplaint(label.text, { model, pipeline }).category),
    labels.map((label) => label.category),
  );
}

const f3 = (value: number) => value.toFixed(3);

function cvLine(name: string, cv: HandLabelCrossValidation, settings: CategoryTrainingSettings): string {
  const batches = cv.byBatch.map((m) => f3(m.macroF1)).join(' / ');
  return `${name} macro-F1 ${cv.shipped.macroF1.toFixed(4)} acc ${f3(cv.shipped.accuracy)} (model only ${cv.modelOnly.macroF1.toFixed(4)}, rules+model ${cv.rulesAndModel.macroF1.toFixed(4)}; by batch ${batches}) | ${describe(settings)}`;
}

function printPerClass(metrics: MultiClassMetrics): void {
  for (const c of metrics.perClass)
    console.log(`  ${c.label.padEnd(15)} n=${c.support} P ${f3(c.precision)} R ${f3(c.recall)} F1 ${f3(c.f1)}`);
}

/** Rows: the hand label; columns: what the categoriser said (first 7 letters of each class), to see which pairs trade places. */
export function formatConfusion(metrics: MultiClassMetrics): string {
  const head = `  ${'label \\ said'.padEnd(15)} ${metrics.labels.map((l) => l.slice(0, 7).padStart(7)).join(' ')}`;
  const rows = metrics.confusion.map(
    (row, k) => `  ${(metrics.labels[k] ?? '').padEnd(15)} ${row.map((n) => String(n).padStart(7)).join(' ')}`,
  );
  return [head, ...rows].join('\n');
}

/** Settings are chosen on the first line only (CV over the training batches); the others are for reference. */
function search(): void {
  const tryIndex = process.argv.indexOf('--try');
  const overrides = tryIndex >= 0 ? (JSON.parse(process.argv[tryIndex + 1] ?? '[]') as Override[]) : [{}];
  const perClass = process.argv.includes('--per-class');
  for (const o of overrides) {
    const settings = withOverride(CHOSEN_CATEGORY_SETTINGS, o);
    const cv = crossValidateHandLabels(settings);
    console.log(cvLine(`training-batch CV (${loadTrainingCategoryLabels().length})`, cv, settings));
    if (perClass) printPerClass(cv.shipped);
    if (process.argv.includes('--confusion')) console.log(formatConfusion(cv.shipped));
    if (process.argv.includes('--all')) {
      const all = crossValidateHandLabels(settings, loadAllCategoryLabels());
      console.log(cvLine('  reference: CV over all batches', all, settings));
      if (perClass) printPerClass(all.shipped);
    }
    const airline = process.argv.includes('--airline');
    const heldOut = process.argv.includes('--held-out');
    if (!airline && !heldOut) continue;
    const model = decodeLinearModel(trainShippedCategoryModel(settings));
    if (airline) {
      const { shipped, modelOnly } = evaluateCategories(heldOutTweets(), model, settings.pipeline);
      console.log(`  airline held-out macro-F1 ${shipped.macroF1.toFixed(4)} (model only ${modelOnly.macroF1.toFixed(4)})`);
    }
    if (heldOut) {
      const test = heldOutScore(model, settings.pipeline);
      console.log(`  test batch macro-F1 ${test.macroF1.toFixed(4)} acc ${f3(test.accuracy)}`);
    }
  }
}

/** The new model on the test batch beside the current shipped one and always-"other", in one run. */
function printComparison(rows: readonly { name: string; metrics: MultiClassMetrics }[]): void {
  console.log(`test batch (category-labels-2.csv, ${testHandLabels().length} tweets, never trained or tuned on)`);
  console.log(`| ${'categoriser'.padEnd(44)} | accuracy | macro-F1 |`);
  for (const { name, metrics } of rows)
    console.log(`| ${name.padEnd(44)} | ${f3(metrics.accuracy).padStart(8)} | ${f3(metrics.macroF1).padStart(8)} |`);
  console.log(`| ${'F1 per class'.padEnd(15)} | ${rows.map((row) => row.name.slice(0, 12).padStart(12)).join(' | ')} |`);
  for (const c of rows[0]?.metrics.perClass ?? []) {
    const cells = rows.map((row) => f3(row.metrics.perClass.find((p) => p.label === c.label)?.f1 ?? 0).padStart(12));
    console.log(`| ${`${c.label} (${c.support})`.padEnd(15)} | ${cells.join(' | ')} |`);
  }
}

function main(): void {
  if (process.argv.includes('--search')) return search();
  // --try/--out: a candidate trained in parallel with its CV run, written elsewhere until CV has chosen it.
  const tryIndex = process.argv.indexOf('--try');
  const override = tryIndex >= 0 ? (JSON.parse(process.argv[tryIndex + 1] ?? '{}') as Override) : {};
  const settings = withOverride(CHOSEN_CATEGORY_SETTINGS, override);
  const encoded = trainShippedCategoryModel(settings);
  const heldOut = heldOutScore(decodeLinearModel(encoded));
  const test = testHandLabels();
  printComparison([
    { name: `new model (${pipelineName(settings.pipeline)})`, metrics: heldOut },
    { name: 'current model (the file before this run)', metrics: heldOutScore(categoryModel()) },
    {
      name: 'always "other"',
      metrics: multiClassMetrics(
        test.map(() => 'other'),
        test.map((label) => label.category),
      ),
    },
  ]);
  const labels = trainingHandLabels(settings);
  const outIndex = process.argv.indexOf('--out');
  const out =
    outIndex >= 0
      ? (process.argv[outIndex + 1] ?? '')
      : fileURLToPath(new URL('../../lib/triage/model/category-model.ts', import.meta.url));
  const size = writeModelFile({
    path: out,
    exportName: 'CATEGORY_MODEL',
    header: [
      'GENERATED by scripts/triage/train-category-model.ts — do not edit. Trained on the negative tweets of the',
      'airline-tweets train split (data/airline-tweets, CC BY-NC-SA 4.0, see SOURCES.md there) and the',
      `${labels.length} hand-labelled complaints-2019 tweets of batches ${trainedBatchNames(settings)} (data/complaints-2019/CATEGORY_LABELS.md).`,
      `${describe(settings)}; held-out second batch macro-F1 ${heldOut.macroF1.toFixed(4)} (${pipelineName(settings.pipeline)}).`,
    ],
    model: encoded,
  });
  console.log(`wrote ${out}: ${encoded.buckets} buckets × ${encoded.classes.length} classes, ${(size / 1024).toFixed(0)} KiB`);
}

// Only when run (npx tsx …): importing this file must not retrain or rewrite anything.
if (isMain(import.meta.url)) main();
