/**
 * `npm run bench -- learning`: what the adaptive layer (lib/triage/adaptive.ts) gains from a team's own
 * calls. For each complaints-2019 industry: 50 of its tweets (seeded draw) are fed as corrections, the
 * layer is fitted on them, and complaint F1 on the rest of that industry is compared before and after,
 * averaged over several draws. The base model is the one trained WITHOUT that industry (same settings as
 * the shipped one, leave-one-industry-out: seven models, about a minute), because the shipped model was
 * trained on all seven and is near-perfect on them: a new install's industry is one the model never saw.
 */
import { adaptiveFeatures, adjustComplaint, fitAdaptiveLayer, marginOf, type LearningExample } from '../../lib/triage/adaptive';
import { complaintFromPrepared } from '../../lib/triage/complaint';
import { decodeLinearModel, type LinearModel } from '../../lib/triage/linear-model';
import { brandMatcherFor, prepareText } from '../../lib/triage/prepare';
import { seededRandom } from '../../lib/util/random';
import { INDUSTRIES, loadComplaintTweets, type Industry } from './corpora';
import { binaryMetrics } from './metrics';
import { CHOSEN_SETTINGS, leaveOneIndustryOut } from './train-complaint-model';

export const CORRECTIONS = 50;
const DRAWS = 10;

interface Scored {
  complaint: boolean;
  example: LearningExample;
  shipped: { isComplaint: boolean; confidence: number; cues: string[] };
}

function scoreIndustry(industry: Industry, model: LinearModel): Scored[] {
  const threshold = model.threshold;
  const brands = brandMatcherFor([]);
  return loadComplaintTweets()
    .filter((tweet) => tweet.domain === industry)
    .map((tweet) => {
      const prepared = prepareText(tweet.text, brands);
      const shipped = complaintFromPrepared(prepared, model);
      const example = { complaint: tweet.complaint, margin: marginOf(shipped.confidence, threshold), buckets: adaptiveFeatures(prepared) };
      return { complaint: tweet.complaint, example, shipped };
    });
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export interface LearningRow {
  industry: Industry;
  corrections: number;
  evaluated: number;
  before: number;
  after: number;
}

/** F1 before/after on one industry, averaged over DRAWS seeded draws of CORRECTIONS corrections. */
export function learningGain(industry: Industry, model: LinearModel, corrections = CORRECTIONS, draws = DRAWS): LearningRow {
  const scored = scoreIndustry(industry, model);
  const threshold = model.threshold;
  let before = 0;
  let after = 0;
  for (let draw = 0; draw < draws; draw++) {
    const order = shuffled(scored, 1000 + draw);
    const fed = order.slice(0, corrections);
    const rest = order.slice(corrections);
    const layer = fitAdaptiveLayer(fed.map((item) => item.example));
    const actual = rest.map((item) => item.complaint);
    before += binaryMetrics(
      rest.map((item) => item.shipped.isComplaint),
      actual,
    ).f1;
    const adjusted = rest.map((item) => adjustComplaint(item.shipped, { buckets: item.example.buckets, threshold }, layer).isComplaint);
    after += binaryMetrics(adjusted, actual).f1;
  }
  return { industry, corrections, evaluated: scored.length - corrections, before: before / draws, after: after / draws };
}

export function runLearningBench(): void {
  const models = leaveOneIndustryOut(CHOSEN_SETTINGS);
  const rows = INDUSTRIES.map((industry) => {
    const encoded = models.get(industry);
    if (!encoded) throw new Error(`no leave-one-out model for ${industry}`);
    return learningGain(industry, decodeLinearModel(encoded));
  });
  console.log(
    `${CORRECTIONS} corrections from one industry, complaint F1 on the rest of it (model trained without it; mean of ${DRAWS} seeded draws)\n`,
  );
  console.log('| industry | tweets evaluated | F1 before | F1 after | gain |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) {
    const gain = row.after - row.before;
    console.log(
      `| ${row.industry} | ${row.evaluated} | ${row.before.toFixed(3)} | ${row.after.toFixed(3)} | ${gain >= 0 ? '+' : ''}${gain.toFixed(3)} |`,
    );
  }
  const mean = (pick: (row: LearningRow) => number) => rows.reduce((sum, row) => sum + pick(row), 0) / rows.length;
  const gain = mean((row) => row.after) - mean((row) => row.before);
  console.log(
    `| mean | | ${mean((row) => row.before).toFixed(3)} | ${mean((row) => row.after).toFixed(3)} | ${gain >= 0 ? '+' : ''}${gain.toFixed(3)} |`,
  );
}
