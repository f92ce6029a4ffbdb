/**
 * Train the complaint model and write lib/triage/model/complaint-model.ts.
 *
 *   npx tsx scripts/triage/train-complaint-model.ts                  # train with CHOSEN settings, write model
 *   npx tsx scripts/triage/train-complaint-model.ts --search [--loio [--curve]] [--try '<json overrides>']   # compare settings
 *   (--curve: the pool's CV numbers and LOIO again with every threshold moved, the trade-off between them)
 *
 * Training pool (see complaintTrainingPool): the airline-tweets train split (rows with row % 5 !== 0; complaint
 * = negative sentiment), every industry tweet of complaints-2019 (annotators' complaint labels) and the ordinary
 * tweets of complaints-2019 outside their held-out 20%. Held out from everything: the airline test split and the
 * ordinary tweets with row % 5 === 0. The decision threshold comes from 4-fold cross-validation on the pool.
 * Generalisation to unseen industries is measured by leaving one industry out (leaveOneIndustryOut, the bench).
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from '../../lib/triage/features';
import { decodeLinearModel, linearScore, sigmoid, type EncodedLinearModel } from '../../lib/triage/linear-model';
import { INDUSTRIES, isHeldOutOrdinary, isOrdinary, loadComplaintTweets, type Industry } from './corpora';
import { AIRLINE_BRAND_TERMS, foldOf, loadAirlineTweets, splitTweets, TRAIN_FOLDS, type LabelledTweet } from './dataset';
import { encodeLinearModel } from './encode-model';
import { DEFAULT_FTRL, trainFtrl, type FtrlParams } from './ftrl';
import { complaintFromPrepared } from '../../lib/triage/complaint';
import { brandMatcherFor, prepareText } from '../../lib/triage/prepare';
import { complaintFeatureCues } from '../../lib/triage/service-terms';
import { loadOrdinaryAudit } from './ordinary-audit';
import { bestF1Threshold, bestMacroF1Threshold, binaryMetrics, macroF1 } from './metrics';
import { buildTextExamples, scaleExamples, writeModelFile, type Example, type LabelledText } from './training';
import { isMain } from '../is-main';

/** The airline complaint label: the dataset's "negative" sentiment. */
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
  /** Example weight of complaints-2019 industry tweets (the airline tweets weigh 1). */
  industryWeight: number;
  /** Example weight of complaints-2019 industry tweets labelled not a complaint (default: industryWeight). */
  industryNonComplaintWeight?: number;
  /** Example weight of complaints-2019 ordinary tweets. */
  ordinaryWeight: number;
  /** Example weight of airline tweets (their label is sentiment, not complaint). */
  airlineWeight: number;
  /**
   * How the decision threshold is chosen on the out-of-fold scores of the training pool: 'f1' = best complaint
   * F1 over every row; 'macro-c19' = best macro-F1 over the complaints-2019 rows (industries and ordinary tweets),
   * the measure and the kind of posts issue 13 sets its targets on.
   */
  thresholdRule: 'f1' | 'macro-c19' | 'f1-ordinary-cap';
  /** For 'f1-ordinary-cap': the F1 threshold is raised until at most this share of the pool's ordinary tweets is flagged. */
  ordinaryCap?: number;
  /**
   * Share of a second model, trained on the complaints-2019 rows alone (real complaint labels, no airline
   * sentiment), in the shipped weights: both are linear on the same features, so averaging their weights is
   * averaging their log-odds, at no cost at run time. 0 = the pooled model only.
   */
  complaintsOnlyMix: number;
  /** Train on CareSide's audited labels of the pool's ordinary tweets (ordinary-audit.ts) instead of the all-0 default. */
  ordinaryAudit: boolean;
  /**
   * Source-specific weights (feature augmentation, Daumé 2007): the rows `of` one source also get a copy of their
   * features, times `scale`, in weights of their own (plus an intercept) trained beside the shared ones. The
   * airline label is sentiment, not complaint: 'airline' lets what only the airline rows say ("negative =
   * complaint") go into their copy, which is then dropped (the shipped model is the shared weights);
   * 'complaints' gives the complaints-2019 rows (real complaint labels) their own copy, which is kept (shipped
   * = shared + scale × copy, intercept into the bias). Absent = off.
   */
  sourceCopies?: { of: 'airline' | 'complaints'; scale: number };
}

/** Settings picked with --search (cross-validated); history in lib/triage/README.md. */
export const CHOSEN_SETTINGS: ComplaintTrainingSettings = {
  features: { ...DEFAULT_FEATURE_CONFIG, charMin: 3, wordWeight: 9, bigramWeight: 7, charWeight: 60, lengthNorm: 'mean' },
  ftrl: { ...DEFAULT_FTRL, l2: 3, epochs: 5 },
  maxWeights: 60_000,
  scaling: 'nb',
  nbAlpha: 0.25,
  industryWeight: 3,
  ordinaryWeight: 3,
  airlineWeight: 1,
  thresholdRule: 'f1',
  complaintsOnlyMix: 0,
  ordinaryAudit: false,
};

/** Where a pool row comes from: 'airline', an industry of complaints-2019, or 'ordinary'. */
export type PoolGroup = 'airline' | Industry | 'ordinary';

export interface PoolText extends LabelledText {
  group: PoolGroup;
}

/** Every training row (no held-out row), each with its CV fold. Airline rows keep their row; others are offset. */
export function complaintTrainingPool(settings: ComplaintTrainingSettings = CHOSEN_SETTINGS): PoolText[] {
  const pool: PoolText[] = splitTweets(loadAirlineTweets()).train.map((tweet) => ({
    row: tweet.row,
    text: tweet.text,
    label: isComplaintLabel(tweet),
    brandTerms: AIRLINE_BRAND_TERMS,
    ...(settings.airlineWeight !== 1 ? { weight: settings.airlineWeight } : {}),
    fold: foldOf(tweet.row),
    group: 'airline',
  }));
  const audit = settings.ordinaryAudit ? loadOrdinaryAudit() : new Map<number, number>();
  for (const tweet of loadComplaintTweets()) {
    if (isHeldOutOrdinary(tweet)) continue;
    const ordinary = isOrdinary(tweet);
    pool.push({
      row: 100_000 + tweet.row,
      text: tweet.text,
      label: audit.get(tweet.row) ?? (tweet.complaint ? 1 : 0),
      // Other @handles become <user>; these tweets name their brand only by its handle.
      brandTerms: [],
      weight: ordinary
        ? settings.ordinaryWeight
        : tweet.complaint
          ? settings.industryWeight
          : (settings.industryNonComplaintWeight ?? settings.industryWeight),
      fold: (tweet.row % 4) + 1,
      group: ordinary ? 'ordinary' : (tweet.domain as Industry),
    });
  }
  return pool;
}

function featureScales(examples: readonly Example[], settings: ComplaintTrainingSettings, bits: number): Float64Array | undefined {
  if (settings.scaling === 'none') return undefined;
  const size = 2 ** bits;
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
    const weight = e.weight ?? 1;
    for (const b of e.features.buckets) counts[b] = (counts[b] as number) + weight;
  }
  const positiveTotal = positive.reduce((sum, v) => sum + v, 0);
  const negativeTotal = negative.reduce((sum, v) => sum + v, 0);
  for (let b = 0; b < size; b++) {
    scales[b] = Math.abs(Math.log((positive[b] as number) / positiveTotal / ((negative[b] as number) / negativeTotal)));
  }
  return scales;
}

/**
 * The `copied` rows' features again, times `scale`, in the upper half of a doubled bucket space, and an
 * intercept in its last bucket (shared with the copy of bucket 2^bits − 1, a collision like any other);
 * other rows unchanged.
 */
export function withSourceCopies(examples: readonly Example[], copied: (e: Example) => boolean, scale: number, bits: number): Example[] {
  const size = 2 ** bits;
  return examples.map((e) => {
    if (!copied(e)) return e;
    const { buckets, values } = e.features;
    return {
      ...e,
      features: {
        buckets: [...buckets, ...buckets.map((b) => b + size), 2 * size - 1],
        values: [...values, ...values.map((v) => v * scale), scale],
      },
    };
  });
}

const isAirlineRow = (e: Example) => e.group === 'airline';

/** FTRL weights with the NB/IDF scaling folded in, and the bias (source copies: see `sourceCopies`). */
function trainScaled(sharedExamples: readonly Example[], settings: ComplaintTrainingSettings): { weights: Float64Array; bias: number } {
  const copies = settings.sourceCopies;
  const sharedBits = settings.features.bits;
  const bits = sharedBits + (copies ? 1 : 0);
  const rawExamples = copies
    ? withSourceCopies(sharedExamples, copies.of === 'airline' ? isAirlineRow : (e) => !isAirlineRow(e), copies.scale, sharedBits)
    : sharedExamples;
  const scales = featureScales(rawExamples, settings, bits);
  const examples = scaleExamples(rawExamples, scales);
  const trained = trainFtrl(examples, 1, bits, settings.ftrl);
  const full = trained.weights[0] as Float64Array;
  if (scales) for (let b = 0; b < full.length; b++) full[b] = (full[b] as number) * (scales[b] as number);
  const size = 2 ** sharedBits;
  const weights = full.slice(0, size);
  let bias = trained.bias[0] as number;
  if (copies?.of === 'complaints') {
    // Kept: a complaints-2019 row's score is shared + scale × copy, and every post is scored like one.
    for (let b = 0; b < size - 1; b++) weights[b] = (weights[b] as number) + copies.scale * (full[b + size] as number);
    bias += copies.scale * (full[2 * size - 1] as number);
  }
  return { weights, bias };
}
export function trainEncoded(rawExamples: readonly Example[], settings: ComplaintTrainingSettings, threshold: number): EncodedLinearModel {
  const pooled = trainScaled(rawExamples, settings);
  const mix = settings.complaintsOnlyMix;
  if (mix > 0) {
    const alone = trainScaled(
      rawExamples.filter((e) => e.group !== undefined && e.group !== 'airline'),
      settings,
    );
    for (let b = 0; b < pooled.weights.length; b++) {
      pooled.weights[b] = (1 - mix) * (pooled.weights[b] as number) + mix * (alone.weights[b] as number);
    }
    pooled.bias = (1 - mix) * pooled.bias + mix * alone.bias;
  }
  return encodeLinearModel({
    features: settings.features,
    classes: ['complaint'],
    bias: [pooled.bias],
    weights: [pooled.weights],
    threshold,
    maxWeightsPerClass: settings.maxWeights,
  });
}

/** The pool as examples, with the cues the complaint model sees (its context cues included). */
export function complaintExamples(pool: readonly PoolText[], features: FeatureConfig): Example[] {
  return buildTextExamples(pool, features, (prepared) => complaintFeatureCues(prepared, features));
}

const foldOfExample = (e: Example) => e.fold ?? foldOf(e.row);

/**
 * Out-of-fold probabilities from the shipped (quantised) form of each fold model, and the threshold chosen on
 * them by `settings.thresholdRule` (`groups[i]` is the pool group of `examples[i]`).
 */
export function crossValidate(examples: readonly Example[], settings: ComplaintTrainingSettings, groups: readonly PoolGroup[]) {
  const scores = new Array<number>(examples.length).fill(0);
  for (const fold of TRAIN_FOLDS) {
    const model = decodeLinearModel(
      trainEncoded(
        examples.filter((e) => foldOfExample(e) !== fold),
        settings,
        0.5,
      ),
    );
    examples.forEach((example, i) => {
      if (foldOfExample(example) === fold) scores[i] = sigmoid(linearScore(model, example.features));
    });
  }
  const actual = examples.map((e) => e.label === 1);
  const best = chooseThreshold(scores, actual, groups, settings.thresholdRule, settings.ordinaryCap ?? 0.15);
  const atBest = binaryMetrics(
    scores.map((s) => s >= best.threshold),
    actual,
  );
  return { threshold: best.threshold, metrics: atBest, scores };
}

function chooseThreshold(
  scores: readonly number[],
  actual: readonly boolean[],
  groups: readonly PoolGroup[],
  rule: ComplaintTrainingSettings['thresholdRule'],
  ordinaryCap: number,
): { threshold: number } {
  if (rule === 'f1') return bestF1Threshold(scores, actual);
  if (rule === 'f1-ordinary-cap') {
    // Out-of-fold scores of the pool's ordinary tweets, highest first: flagging at most `cap` of them needs a
    // threshold above the (cap × n + 1)-th highest.
    const ordinary = groups.flatMap((group, i) => (group === 'ordinary' ? [scores[i] as number] : [])).sort((a, b) => b - a);
    const limit = ordinary[Math.floor(ordinaryCap * ordinary.length)] ?? 0;
    return { threshold: Math.max(bestF1Threshold(scores, actual).threshold, limit + 1e-6) };
  }
  const c19 = groups.map((group, i) => (group === 'airline' ? -1 : i)).filter((i) => i >= 0);
  return bestMacroF1Threshold(
    c19.map((i) => scores[i] as number),
    c19.map((i) => actual[i] === true),
  );
}

/**
 * Leave-one-industry-out: for each industry of complaints-2019, a model trained on the pool without it, with
 * its own threshold from 4-fold CV on that reduced pool (the held-out industry is never seen, not even to
 * choose the threshold). Returns one encoded model (threshold included) per held-out industry.
 */
export function leaveOneIndustryOut(
  settings: ComplaintTrainingSettings,
  pool: readonly PoolText[] = complaintTrainingPool(settings),
  examples: readonly Example[] = complaintExamples(pool, settings.features),
): Map<Industry, EncodedLinearModel> {
  const models = new Map<Industry, EncodedLinearModel>();
  for (const industry of INDUSTRIES) {
    const kept = pool.map((p, i) => (p.group === industry ? -1 : i)).filter((i) => i >= 0);
    const keptExamples = kept.map((i) => examples[i] as Example);
    const { threshold } = crossValidate(
      keptExamples,
      settings,
      kept.map((i) => (pool[i] as PoolText).group),
    );
    models.set(industry, trainEncoded(keptExamples, settings, threshold));
  }
  return models;
}

/** `threshold` moved by `shift` in log-odds (the trade-off curve moves every model's threshold alike). */
export function shiftThreshold(threshold: number, shift: number): number {
  return shift === 0 ? threshold : sigmoid(Math.log(threshold / (1 - threshold)) + shift);
}

/**
 * Mean over the industries of the held-out macro-F1 of leaveOneIndustryOut's models (post-rules included), once
 * per threshold shift (log-odds added to each fold model's own CV threshold; 0 = as chosen).
 */
export function leaveOneIndustryOutMeans(
  settings: ComplaintTrainingSettings,
  pool: readonly PoolText[],
  examples: readonly Example[],
  shifts: readonly number[] = [0],
): number[] {
  const models = leaveOneIndustryOut(settings, pool, examples);
  const tweets = loadComplaintTweets();
  const unmasked = brandMatcherFor([]);
  return shifts.map((shift) => {
    let total = 0;
    for (const industry of INDUSTRIES) {
      const encoded = models.get(industry) as EncodedLinearModel;
      const model = decodeLinearModel({ ...encoded, threshold: shiftThreshold(encoded.threshold, shift) });
      const rows = tweets.filter((tweet) => tweet.domain === industry);
      total += macroF1(
        rows.map((tweet) => complaintFromPrepared(prepareText(tweet.text, unmasked), model).isComplaint),
        rows.map((tweet) => tweet.complaint),
      );
    }
    return total / INDUSTRIES.length;
  });
}

function describe(settings: ComplaintTrainingSettings): string {
  const f = settings.features;
  const t = settings.ftrl;
  return `${settings.scaling}${settings.scaling === 'nb' ? settings.nbAlpha : ''} char ${f.charMin}-${f.charMax} w=${f.wordWeight}/${f.bigramWeight}/${f.charWeight}/${f.cueWeight} norm=${f.lengthNorm ?? 'sqrt'} neg=${f.negationScope}${(f.contextCues ?? 'none') === 'none' ? '' : ` ctx=${f.contextCues}`} | a=${t.alpha} l1=${t.l1} l2=${t.l2} ep=${t.epochs} | mix ${settings.complaintsOnlyMix} | airline×${settings.airlineWeight} industry×${settings.industryWeight}${settings.industryNonComplaintWeight !== undefined ? `/${settings.industryNonComplaintWeight}` : ''} ordinary×${settings.ordinaryWeight}${settings.sourceCopies ? ` | ${settings.sourceCopies.of} copies ×${settings.sourceCopies.scale}` : ''} | threshold ${settings.thresholdRule}${settings.ordinaryAudit ? ' | ordinary audited' : ''}`;
}

/** CV summary per group: airline F1, industry F1, ordinary flag rate at the chosen threshold. */
function summarise(pool: readonly PoolText[], scores: readonly number[], threshold: number): string {
  const pick = (test: (p: PoolText) => boolean) => {
    const idx = pool.map((p, i) => (test(p) ? i : -1)).filter((i) => i >= 0);
    return binaryMetrics(
      idx.map((i) => (scores[i] as number) >= threshold),
      idx.map((i) => pool[i]?.label === 1),
    );
  };
  const airline = pick((p) => p.group === 'airline');
  const industry = pick((p) => p.group !== 'airline' && p.group !== 'ordinary');
  const ordinary = pick((p) => p.group === 'ordinary');
  return `airline F1 ${airline.f1.toFixed(3)} | industries F1 ${industry.f1.toFixed(3)} | ordinary flagged ${(ordinary.falsePositive / Math.max(1, ordinary.falsePositive + ordinary.trueNegative)).toFixed(3)}`;
}

type Override = Partial<Omit<ComplaintTrainingSettings, 'features' | 'ftrl'>> & {
  features?: Partial<FeatureConfig>;
  ftrl?: Partial<FtrlParams>;
};

function search(): void {
  const base = CHOSEN_SETTINGS;
  const tryIndex = process.argv.indexOf('--try');
  const overrides: Override[] = tryIndex >= 0 ? (JSON.parse(process.argv[tryIndex + 1] ?? '[]') as Override[]) : [{}];
  for (const o of overrides) {
    const settings = { ...base, ...o, features: { ...base.features, ...o.features }, ftrl: { ...base.ftrl, ...o.ftrl } };
    const started = performance.now();
    const pool = complaintTrainingPool(settings);
    const examples = complaintExamples(pool, settings.features);
    const { threshold, metrics, scores } = crossValidate(
      examples,
      settings,
      pool.map((p) => p.group),
    );
    const shifts = process.argv.includes('--curve') ? CURVE_SHIFTS : [0];
    const loio = process.argv.includes('--loio') ? leaveOneIndustryOutMeans(settings, pool, examples, shifts) : undefined;
    console.log(
      `pooled CV F1 ${metrics.f1.toFixed(4)} t=${threshold.toFixed(3)} | ${summarise(pool, scores, threshold)}${loio ? ` | LOIO ${(loio[shifts.indexOf(0)] as number).toFixed(3)}` : ''} | ${describe(settings)} (${((performance.now() - started) / 1000).toFixed(1)}s)`,
    );
    if (shifts.length > 1) {
      for (const [k, shift] of shifts.entries()) {
        const moved = shiftThreshold(threshold, shift);
        console.log(
          `  threshold shift ${shift >= 0 ? '+' : ''}${shift.toFixed(2)} (t=${moved.toFixed(3)}): ${summarise(pool, scores, moved)}${loio ? ` | LOIO ${(loio[k] as number).toFixed(3)}` : ''}`,
        );
      }
    }
  }
}

/** Log-odds shifts of the threshold for the trade-off curve (`--search --loio --curve`). */
const CURVE_SHIFTS = [-0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8];

function main(): void {
  if (process.argv.includes('--search')) {
    search();
    return;
  }
  const settings = CHOSEN_SETTINGS;
  const pool = complaintTrainingPool(settings);
  const examples = complaintExamples(pool, settings.features);
  const { threshold, metrics, scores } = crossValidate(
    examples,
    settings,
    pool.map((p) => p.group),
  );
  console.log(
    `cross-validated on the pool: F1 ${metrics.f1.toFixed(4)} threshold ${threshold.toFixed(4)}; ${summarise(pool, scores, threshold)}`,
  );
  const encoded = trainEncoded(examples, settings, Number(threshold.toFixed(4)));
  const out = fileURLToPath(new URL('../../lib/triage/model/complaint-model.ts', import.meta.url));
  const size = writeModelFile({
    path: out,
    exportName: 'COMPLAINT_MODEL',
    header: [
      'GENERATED by scripts/triage/train-complaint-model.ts — do not edit. Trained on the airline-tweets train split',
      '(data/airline-tweets, CC BY-NC-SA 4.0) and complaints-2019 (data/complaints-2019, research data, cite the paper)',
      'minus its held-out ordinary tweets; see lib/triage/MODEL_CARD.md.',
      `${describe(settings)}; threshold from 4-fold CV on the pool (F1 ${metrics.f1.toFixed(4)}).`,
    ],
    model: encoded,
  });
  console.log(`wrote ${out}: ${encoded.buckets} weights, ${(size / 1024).toFixed(0)} KiB`);
}

// Only when run (npx tsx …): importing this file must not retrain or rewrite anything.
if (isMain(import.meta.url)) main();
