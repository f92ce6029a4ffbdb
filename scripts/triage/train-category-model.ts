/**
 * Train the complaint-category model on the negative tweets of the train split (their `negativereason`
 * mapped by NEGATIVE_REASON_CATEGORY) and write lib/triage/model/category-model.ts.
 *
 *   npx tsx scripts/triage/train-category-model.ts            # train with CHOSEN settings, write model
 *   npx tsx scripts/triage/train-category-model.ts --search   # compare settings (4-fold CV on train)
 *
 * Also reports, per phrase rule, how often it fires on train and how often it agrees with the label.
 */
import { fileURLToPath } from 'node:url';
import type { CategoryId } from '../../lib/domain/triage';
import { CATEGORY_RULES, NEGATIVE_REASON_CATEGORY, categoryByRule } from '../../lib/triage/category-rules';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from '../../lib/triage/features';
import { decodeLinearModel, softmaxScores } from '../../lib/triage/linear-model';
import { normalizeText } from '../../lib/triage/text';
import { foldOf, loadAirlineTweets, splitTweets, TRAIN_FOLDS, type LabelledTweet } from './dataset';
import { encodeLinearModel } from './encode-model';
import { DEFAULT_FTRL, trainFtrl, type FtrlParams } from './ftrl';
import { multiClassMetrics } from './metrics';
import { buildExamples, writeModelFile, type Example } from './training';
import { isMain } from '../is-main';

/** Categories the airline reasons map to, in model class order. */
export const TRAINED_CATEGORIES: readonly CategoryId[] = [...new Set(Object.values(NEGATIVE_REASON_CATEGORY))].sort();

export interface CategoryTrainingSettings {
  features: FeatureConfig;
  ftrl: FtrlParams;
  maxWeights: number;
  /** Example weight = (mean class size / class size) ^ power: 0 = none, 1 = fully balanced (macro-F1). */
  balancePower: number;
}

export const CHOSEN_CATEGORY_SETTINGS: CategoryTrainingSettings = {
  features: { ...DEFAULT_FEATURE_CONFIG, bits: 16, charMin: 3, charMax: 5, cueWeight: 0 },
  ftrl: { ...DEFAULT_FTRL, l1: 0.5, l2: 1 },
  maxWeights: 12_000,
  balancePower: 0.75,
};

export function categoryLabel(tweet: LabelledTweet): CategoryId | undefined {
  return NEGATIVE_REASON_CATEGORY[tweet.negativeReason];
}

function complaintTweets(tweets: readonly LabelledTweet[]): LabelledTweet[] {
  return tweets.filter((tweet) => tweet.sentiment === 'negative' && categoryLabel(tweet) !== undefined);
}

function weighted(examples: readonly Example[], power: number): Example[] {
  const counts = new Map<number, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const mean = examples.length / counts.size;
  return examples.map((e) => ({ ...e, weight: (mean / (counts.get(e.label) ?? 1)) ** power }));
}

function trainEncoded(examples: readonly Example[], settings: CategoryTrainingSettings) {
  const trained = trainFtrl(weighted(examples, settings.balancePower), TRAINED_CATEGORIES.length, settings.features.bits, settings.ftrl);
  return encodeLinearModel({
    features: settings.features,
    classes: [...TRAINED_CATEGORIES],
    bias: trained.bias,
    weights: trained.weights,
    threshold: 0,
    maxWeightsPerClass: settings.maxWeights,
  });
}

function crossValidate(tweets: readonly LabelledTweet[], examples: readonly Example[], settings: CategoryTrainingSettings) {
  const modelOnly: string[] = new Array<string>(examples.length).fill('other');
  for (const fold of TRAIN_FOLDS) {
    const model = decodeLinearModel(
      trainEncoded(
        examples.filter((e) => foldOf(e.row) !== fold),
        settings,
      ),
    );
    examples.forEach((example, i) => {
      if (foldOf(example.row) !== fold) return;
      const probabilities = softmaxScores(model, example.features);
      modelOnly[i] = model.classes[probabilities.indexOf(Math.max(...probabilities))] ?? 'other';
    });
  }
  const actual = examples.map((e) => TRAINED_CATEGORIES[e.label] as string);
  const withRules = modelOnly.map(
    (predicted, i) => categoryByRule(normalizeText((tweets[i] as LabelledTweet).text))?.category ?? predicted,
  );
  return { modelOnly: multiClassMetrics(modelOnly, actual), withRules: multiClassMetrics(withRules, actual) };
}

function ruleReport(tweets: readonly LabelledTweet[]): void {
  for (const [category, pattern] of CATEGORY_RULES) {
    const fired = tweets.filter((tweet) => pattern.test(normalizeText(tweet.text)));
    const agree = fired.filter((tweet) => categoryLabel(tweet) === category).length;
    console.log(`rule ${category}: fires on ${fired.length} train complaints, agrees with label on ${agree}`);
  }
}

function describe(settings: CategoryTrainingSettings): string {
  const f = settings.features;
  const t = settings.ftrl;
  return `bits ${f.bits} char ${f.charMin}-${f.charMax} w=${f.wordWeight}/${f.bigramWeight}/${f.charWeight}/${f.cueWeight} balance ${settings.balancePower} | a=${t.alpha} l1=${t.l1} l2=${t.l2} ep=${t.epochs}`;
}

function main(): void {
  const tweets = complaintTweets(splitTweets(loadAirlineTweets()).train);
  const labelOf = (tweet: LabelledTweet) => TRAINED_CATEGORIES.indexOf(categoryLabel(tweet) as CategoryId);
  const base = CHOSEN_CATEGORY_SETTINGS;
  if (process.argv.includes('--search')) {
    ruleReport(tweets);
    type Override = Partial<Omit<CategoryTrainingSettings, 'features' | 'ftrl'>> & {
      features?: Partial<FeatureConfig>;
      ftrl?: Partial<FtrlParams>;
    };
    const tryIndex = process.argv.indexOf('--try');
    const overrides = tryIndex >= 0 ? (JSON.parse(process.argv[tryIndex + 1] ?? '[]') as Override[]) : [{}];
    for (const o of overrides) {
      const settings = { ...base, ...o, features: { ...base.features, ...o.features }, ftrl: { ...base.ftrl, ...o.ftrl } };
      const { modelOnly, withRules } = crossValidate(tweets, buildExamples(tweets, settings.features, labelOf), settings);
      if (process.argv.includes('--per-class'))
        for (const c of modelOnly.perClass)
          console.log(`  ${c.label.padEnd(15)} n=${c.support} P ${c.precision.toFixed(3)} R ${c.recall.toFixed(3)} F1 ${c.f1.toFixed(3)}`);
      console.log(
        `macro-F1 model ${modelOnly.macroF1.toFixed(4)} +rules ${withRules.macroF1.toFixed(4)} acc ${withRules.accuracy.toFixed(3)} | ${describe(settings)}`,
      );
    }
    return;
  }
  const examples = buildExamples(tweets, base.features, labelOf);
  const { modelOnly, withRules } = crossValidate(tweets, examples, base);
  console.log(
    `cross-validated on train complaints: macro-F1 model ${modelOnly.macroF1.toFixed(4)}, with rules ${withRules.macroF1.toFixed(4)}`,
  );
  const encoded = trainEncoded(examples, base);
  const out = fileURLToPath(new URL('../../lib/triage/model/category-model.ts', import.meta.url));
  const size = writeModelFile({
    path: out,
    exportName: 'CATEGORY_MODEL',
    header: [
      'GENERATED by scripts/triage/train-category-model.ts — do not edit. Trained on the negative tweets of the',
      'airline-tweets train split (data/airline-tweets, CC BY-NC-SA 4.0, see SOURCES.md there).',
      `${describe(base)}; 4-fold CV macro-F1 ${withRules.macroF1.toFixed(4)} (with rules).`,
    ],
    model: encoded,
  });
  console.log(`wrote ${out}: ${encoded.buckets} buckets × ${encoded.classes.length} classes, ${(size / 1024).toFixed(0)} KiB`);
}

// Only when run (npx tsx …): importing this file must not retrain or rewrite anything.
if (isMain(import.meta.url)) main();
