/**
 * Train the complaint model (negative vs not-negative tweets) and write lib/triage/model/complaint-model.ts.
 *
 *   npx tsx scripts/triage/train-complaint-model.ts            # train with CHOSEN settings, write model
 *   npx tsx scripts/triage/train-complaint-model.ts --search   # compare candidate settings (CV only)
 *
 * Only the train split is used (rows with row % 5 !== 0). Settings and the decision threshold are
 * chosen by 4-fold cross-validation inside it (folds = row % 5); the test split is for evaluate.ts.
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from '../../lib/triage/features';
import { decodeLinearModel, linearScore, sigmoid } from '../../lib/triage/linear-model';
import { foldOf, loadAirlineTweets, splitTweets, TRAIN_FOLDS, type LabelledTweet } from './dataset';
import { encodeLinearModel } from './encode-model';
import { DEFAULT_FTRL, trainFtrl, type FtrlParams } from './ftrl';
import { bestF1Threshold, binaryMetrics } from './metrics';
import { buildExamples, scaleExamples, writeModelFile, type Example } from './training';
import { isMain } from '../is-main';

/** The complaint label: the dataset's "negative" sentiment. */
export function isComplaintLabel(tweet: LabelledTweet): number {
  return tweet.sentiment === 'negative' ? 1 : 0;
}

export interface ComplaintTrainingSettings {
  features: FeatureConfig;
  ftrl: FtrlParams;
  maxWeights: number;
  /**
   * Per-bucket feature scaling learned from the training rows and folded into the exported weights
   * (so inference is unchanged): 'nb' = naive-Bayes log-count ratio (NBSVM), 'idf' = inverse document frequency.
   */
  scaling: 'none' | 'nb' | 'idf';
  /** Smoothing for 'nb'. */
  nbAlpha: number;
}

/** Settings picked with --search (cross-validated F1 on the train split); history in lib/triage/README.md. */
export const CHOSEN_SETTINGS: ComplaintTrainingSettings = {
  features: { ...DEFAULT_FEATURE_CONFIG, wordWeight: 2, bigramWeight: 1.5, charWeight: 3 },
  ftrl: { ...DEFAULT_FTRL, l2: 3 },
  maxWeights: 60_000,
  scaling: 'nb',
  nbAlpha: 0.25,
};

function featureScales(examples: readonly Example[], settings: ComplaintTrainingSettings): Float64Array | undefined {
  if (settings.scaling === 'none') return undefined;
  const size = 2 ** settings.features.bits;
  const scales = new Float64Array(size);
  if (settings.scaling === 'idf') {
    const documents = new Float64Array(size);
    for (const e of examples) for (const b of e.features.buckets) documents[b] = (documents[b] as number) + 1;
    for (let b = 0; b < size; b++) scales[b] = Math.log((1 + examples.length) / (1 + (documents[b] as number))) + 1;
    return scales;
  }
  const positive = new Float64Array(size).fill(settings.nbAlpha);
  const negative = new Float64Array(size).fill(settings.nbAlpha);
  for (const e of examples) {
    const counts = e.label === 1 ? positive : negative;
    for (const b of e.features.buckets) counts[b] = (counts[b] as number) + 1;
  }
  const positiveTotal = positive.reduce((sum, v) => sum + v, 0);
  const negativeTotal = negative.reduce((sum, v) => sum + v, 0);
  for (let b = 0; b < size; b++) {
    scales[b] = Math.abs(Math.log((positive[b] as number) / positiveTotal / ((negative[b] as number) / negativeTotal)));
  }
  return scales;
}

function trainEncoded(rawExamples: readonly Example[], settings: ComplaintTrainingSettings, threshold: number) {
  const scales = featureScales(rawExamples, settings);
  const examples = scaleExamples(rawExamples, scales);
  const trained = trainFtrl(examples, 1, settings.features.bits, settings.ftrl);
  const weights = trained.weights[0] as Float64Array;
  if (scales) for (let b = 0; b < weights.length; b++) weights[b] = (weights[b] as number) * (scales[b] as number);
  return encodeLinearModel({
    features: settings.features,
    classes: ['complaint'],
    bias: trained.bias,
    weights: trained.weights,
    threshold,
    maxWeightsPerClass: settings.maxWeights,
  });
}

/** Out-of-fold probabilities from the shipped (quantised) form of each fold model. */
function crossValidate(examples: readonly Example[], settings: ComplaintTrainingSettings) {
  const scores = new Array<number>(examples.length).fill(0);
  for (const fold of TRAIN_FOLDS) {
    const model = decodeLinearModel(
      trainEncoded(
        examples.filter((e) => foldOf(e.row) !== fold),
        settings,
        0.5,
      ),
    );
    examples.forEach((example, i) => {
      if (foldOf(example.row) === fold) scores[i] = sigmoid(linearScore(model, example.features));
    });
  }
  const actual = examples.map((e) => e.label === 1);
  const best = bestF1Threshold(scores, actual);
  const atBest = binaryMetrics(
    scores.map((s) => s >= best.threshold),
    actual,
  );
  return { threshold: best.threshold, metrics: atBest };
}

function describe(settings: ComplaintTrainingSettings): string {
  const f = settings.features;
  const t = settings.ftrl;
  return `${settings.scaling}${settings.scaling === 'nb' ? settings.nbAlpha : ''} char ${f.charMin}-${f.charMax} w=${f.wordWeight}/${f.bigramWeight}/${f.charWeight}/${f.cueWeight} neg=${f.negationScope} | a=${t.alpha} l1=${t.l1} l2=${t.l2} ep=${t.epochs}`;
}

function search(train: readonly LabelledTweet[]): void {
  const base = CHOSEN_SETTINGS;
  const candidates: ComplaintTrainingSettings[] = [base];
  const variants: Partial<FeatureConfig>[] = [
    { negationScope: false },
    { cueWeight: 0 },
    { charWeight: 0 },
    { charMin: 3, charMax: 5 },
    { charMin: 1, charMax: 4 },
    { bigramWeight: 0 },
    { charWeight: 2 },
  ];
  for (const variant of variants) candidates.push({ ...base, features: { ...base.features, ...variant } });
  const ftrlVariants: Partial<FtrlParams>[] = [
    { l1: 0.1 },
    { l1: 1 },
    { l2: 0.1 },
    { l2: 5 },
    { alpha: 0.05 },
    { alpha: 0.3 },
    { epochs: 4 },
    { epochs: 15 },
  ];
  for (const variant of ftrlVariants) candidates.push({ ...base, ftrl: { ...base.ftrl, ...variant } });
  const tryIndex = process.argv.indexOf('--try');
  if (tryIndex >= 0) {
    // --try '[{"features":{...},"ftrl":{...}}, ...]': partial overrides of CHOSEN_SETTINGS.
    type Override = Partial<Omit<ComplaintTrainingSettings, 'features' | 'ftrl'>> & {
      features?: Partial<FeatureConfig>;
      ftrl?: Partial<FtrlParams>;
    };
    const overrides = JSON.parse(process.argv[tryIndex + 1] ?? '[]') as Override[];
    candidates.length = 0;
    for (const o of overrides) {
      candidates.push({ ...base, ...o, features: { ...base.features, ...o.features }, ftrl: { ...base.ftrl, ...o.ftrl } });
    }
  }
  const only = process.argv.includes('--features-only')
    ? candidates.slice(0, variants.length + 1)
    : process.argv.includes('--ftrl-only')
      ? [base, ...candidates.slice(variants.length + 1)]
      : candidates;
  const cache = new Map<string, Example[]>();
  for (const settings of only) {
    const key = JSON.stringify(settings.features);
    let examples = cache.get(key);
    if (!examples) {
      examples = buildExamples(train, settings.features, isComplaintLabel);
      cache.set(key, examples);
    }
    const started = performance.now();
    const { threshold, metrics } = crossValidate(examples, settings);
    console.log(
      `F1 ${metrics.f1.toFixed(4)} P ${metrics.precision.toFixed(3)} R ${metrics.recall.toFixed(3)} t=${threshold.toFixed(3)} | ${describe(settings)} (${((performance.now() - started) / 1000).toFixed(1)}s)`,
    );
  }
}

function main(): void {
  const { train } = splitTweets(loadAirlineTweets());
  if (process.argv.includes('--search')) {
    search(train);
    return;
  }
  const settings = CHOSEN_SETTINGS;
  const examples = buildExamples(train, settings.features, isComplaintLabel);
  const { threshold, metrics } = crossValidate(examples, settings);
  console.log(
    `cross-validated on train: F1 ${metrics.f1.toFixed(4)} P ${metrics.precision.toFixed(4)} R ${metrics.recall.toFixed(4)} threshold ${threshold.toFixed(4)}`,
  );
  const encoded = trainEncoded(examples, settings, Number(threshold.toFixed(4)));
  const out = fileURLToPath(new URL('../../lib/triage/model/complaint-model.ts', import.meta.url));
  const size = writeModelFile({
    path: out,
    exportName: 'COMPLAINT_MODEL',
    header: [
      'GENERATED by scripts/triage/train-complaint-model.ts — do not edit. Trained on the airline-tweets',
      'train split (data/airline-tweets, CC BY-NC-SA 4.0, see SOURCES.md there); rows with row % 5 === 0 held out.',
      `${describe(settings)}; threshold from 4-fold CV on train (F1 ${metrics.f1.toFixed(4)}).`,
    ],
    model: encoded,
  });
  console.log(`wrote ${out}: ${encoded.weights[0]?.count} weights, ${(size / 1024).toFixed(0)} KiB`);
}

// Only when run (npx tsx …): importing this file must not retrain or rewrite anything.
if (isMain(import.meta.url)) main();
