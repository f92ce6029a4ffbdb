/**
 * Complaint detection beyond the airline split: leave-one-industry-out on complaints-2019, false flags on
 * held-out ordinary tweets, Yelp reviews with their star rating, and length drift. Each detector is shown
 * beside the naive word list and "everything is a complaint", computed in the same run.
 * Used by scripts/triage/bench.ts and scripts/triage/heldout.test.ts.
 */
import { complaintFromPrepared, complaintModel } from '../../lib/triage/complaint';
import { decodeLinearModel, type LinearModel } from '../../lib/triage/linear-model';
import { brandMatcherFor, prepareText } from '../../lib/triage/prepare';
import { INDUSTRIES, isHeldOutOrdinary, loadComplaintTweets, loadYelpReviews, type Industry } from './corpora';
import { loadHeldOutOrdinaryAudit } from './ordinary-audit';
import { lexiconIsComplaint } from './evaluation';
import { binaryMetrics, macroF1, type BinaryMetrics } from './metrics';
import { CHOSEN_SETTINGS, leaveOneIndustryOut } from './train-complaint-model';

export { macroF1 };

export interface DetectorScores {
  shipped: number;
  lexicon: number;
  everything: number;
}

export interface IndustryResult extends DetectorScores {
  industry: Industry;
  count: number;
}

const detect = (text: string, model: LinearModel, rating?: number) =>
  complaintFromPrepared(prepareText(text, brandMatcherFor([])), model, rating).isComplaint;

/**
 * For each industry, a model trained without it (same settings; its threshold from CV on the pool without the
 * industry), then macro-F1 on that industry's tweets. Trains 35 models: about a minute.
 */
export function evaluateLeaveOneIndustryOut(): { perIndustry: IndustryResult[]; mean: DetectorScores } {
  const models = leaveOneIndustryOut(CHOSEN_SETTINGS);
  const tweets = loadComplaintTweets();
  const perIndustry = INDUSTRIES.map((industry): IndustryResult => {
    const model = decodeLinearModel(models.get(industry) ?? (undefined as never));
    const rows = tweets.filter((tweet) => tweet.domain === industry);
    const actual = rows.map((tweet) => tweet.complaint);
    return {
      industry,
      count: rows.length,
      shipped: macroF1(
        rows.map((tweet) => detect(tweet.text, model)),
        actual,
      ),
      lexicon: macroF1(
        rows.map((tweet) => lexiconIsComplaint(tweet.text)),
        actual,
      ),
      everything: macroF1(
        rows.map(() => true),
        actual,
      ),
    };
  });
  const mean = (key: keyof DetectorScores) => perIndustry.reduce((sum, r) => sum + r[key], 0) / perIndustry.length;
  return { perIndustry, mean: { shipped: mean('shipped'), lexicon: mean('lexicon'), everything: mean('everything') } };
}

/**
 * Share of the held-out ordinary tweets (all labelled not a complaint) each detector flags; `audited`: the same
 * for CareSide on the tweets CareSide's audit calls complaints to a business (ordinary-heldout-audit.csv) and on
 * the rest, reported beside the target, which counts every flag.
 */
export function evaluateOrdinaryTweets(): DetectorScores & {
  count: number;
  audited: { complaints: number; complaintsFlagged: number; restFlagged: number };
} {
  const rows = loadComplaintTweets().filter(isHeldOutOrdinary);
  const model = complaintModel();
  const share = (flags: boolean[]) => flags.filter(Boolean).length / Math.max(1, flags.length);
  const flags = rows.map((tweet) => detect(tweet.text, model));
  const audit = loadHeldOutOrdinaryAudit();
  const isAuditedComplaint = rows.map((tweet) => audit.get(tweet.row) === 1);
  return {
    count: rows.length,
    shipped: share(flags),
    lexicon: share(rows.map((tweet) => lexiconIsComplaint(tweet.text))),
    everything: 1,
    audited: {
      complaints: isAuditedComplaint.filter(Boolean).length,
      complaintsFlagged: flags.filter((flag, i) => flag && isAuditedComplaint[i]).length,
      restFlagged: share(flags.filter((_, i) => !isAuditedComplaint[i])),
    },
  };
}

export interface YelpEvaluation {
  /** 1-2★ = complaint, 4-5★ = not; 3★ left out. */
  count: number;
  withRating: BinaryMetrics;
  textOnly: BinaryMetrics;
  ratingOnly: BinaryMetrics;
  lexicon: BinaryMetrics;
  everything: BinaryMetrics;
  /** Share of reviews flagged, by stars (index 1-5), with the rating. */
  flaggedByStars: number[];
  flaggedByStarsTextOnly: number[];
}

export function evaluateYelp(): YelpEvaluation {
  const model = complaintModel();
  const reviews = loadYelpReviews();
  const withRating = reviews.map((r) => detect(r.text, model, r.stars));
  const textOnly = reviews.map((r) => detect(r.text, model));
  const scored = reviews.map((r, i) => ({ r, withRating: withRating[i] === true, textOnly: textOnly[i] === true }));
  const judged = scored.filter(({ r }) => r.stars !== 3);
  const actual = judged.map(({ r }) => r.stars <= 2);
  const share = (stars: number, key: 'withRating' | 'textOnly') => {
    const rows = scored.filter(({ r }) => r.stars === stars);
    return rows.filter((row) => row[key]).length / Math.max(1, rows.length);
  };
  return {
    count: judged.length,
    withRating: binaryMetrics(
      judged.map((j) => j.withRating),
      actual,
    ),
    textOnly: binaryMetrics(
      judged.map((j) => j.textOnly),
      actual,
    ),
    ratingOnly: binaryMetrics(
      judged.map(({ r }) => r.stars <= 2),
      actual,
    ),
    lexicon: binaryMetrics(
      judged.map(({ r }) => lexiconIsComplaint(r.text)),
      actual,
    ),
    everything: binaryMetrics(
      judged.map(() => true),
      actual,
    ),
    flaggedByStars: [0, 1, 2, 3, 4, 5].map((s) => (s === 0 ? 0 : share(s, 'withRating'))),
    flaggedByStarsTextOnly: [0, 1, 2, 3, 4, 5].map((s) => (s === 0 ? 0 : share(s, 'textOnly'))),
  };
}

export const NEUTRAL_SENTENCE = 'We had dinner there on Friday with friends.';
export const COMPLAINT_SENTENCE = 'They charged my card twice and nobody has answered my emails for two weeks.';
export const LENGTH_REPEATS = [1, 2, 4, 8, 16] as const;

/** Confidence of a neutral sentence repeated n times, and of one complaint sentence after n neutral ones. */
export function evaluateLengthDrift(): { repeats: number[]; neutral: number[]; padded: number[]; threshold: number } {
  const model = complaintModel();
  const confidence = (text: string) => complaintFromPrepared(prepareText(text, brandMatcherFor([])), model).confidence;
  const neutral = LENGTH_REPEATS.map((n) => confidence(Array.from({ length: n }, () => NEUTRAL_SENTENCE).join(' ')));
  const padded = LENGTH_REPEATS.map((n) =>
    confidence([...Array.from({ length: n }, () => NEUTRAL_SENTENCE), COMPLAINT_SENTENCE].join(' ')),
  );
  return { repeats: [...LENGTH_REPEATS], neutral, padded, threshold: model.threshold };
}

const f = (value: number) => value.toFixed(3);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

export function formatMultiReport(
  loio: ReturnType<typeof evaluateLeaveOneIndustryOut>,
  ordinary: ReturnType<typeof evaluateOrdinaryTweets>,
  yelp: YelpEvaluation,
  drift: ReturnType<typeof evaluateLengthDrift>,
): string {
  const lines = [
    'Complaints-2019, leave-one-industry-out (model trained without the industry; macro-F1 = mean of complaint and non-complaint F1)',
    '| held-out industry | tweets | CareSide | naive word list | everything is a complaint |',
    '|-------------------|--------|----------|-----------------|---------------------------|',
    ...loio.perIndustry.map(
      (r) =>
        `| ${r.industry.padEnd(17)} | ${String(r.count).padStart(6)} | ${f(r.shipped).padStart(8)} | ${f(r.lexicon).padStart(15)} | ${f(r.everything).padStart(25)} |`,
    ),
    `| **mean**          |        | ${f(loio.mean.shipped).padStart(8)} | ${f(loio.mean.lexicon).padStart(15)} | ${f(loio.mean.everything).padStart(25)} |`,
    '',
    `Ordinary tweets and replies (complaints-2019 held-out 20%, ${ordinary.count}, all labelled not a complaint): share flagged`,
    '| CareSide | naive word list | everything is a complaint |',
    '|----------|-----------------|---------------------------|',
    `| ${pct(ordinary.shipped).padStart(8)} | ${pct(ordinary.lexicon).padStart(15)} | ${pct(ordinary.everything).padStart(25)} |`,
    `Of them ${ordinary.audited.complaints} are complaints to a business by CareSide's audit (ordinary-heldout-audit.csv): CareSide flags ${ordinary.audited.complaintsFlagged} of those and ${pct(ordinary.audited.restFlagged)} of the other ${ordinary.count - ordinary.audited.complaints}.`,
    '',
    `Yelp reviews (${yelp.count}; 1-2★ = complaint, 4-5★ = not, 3★ left out)`,
    '| detector                   | precision | recall | F1    | 5★ flagged | 4★ flagged |',
    '|----------------------------|-----------|--------|-------|------------|------------|',
  ];
  const yelpRow = (name: string, m: BinaryMetrics, five: string, four: string) =>
    `| ${name.padEnd(26)} | ${f(m.precision).padStart(9)} | ${f(m.recall).padStart(6)} | ${f(m.f1)} | ${five.padStart(10)} | ${four.padStart(10)} |`;
  lines.push(
    yelpRow('CareSide (text + rating)', yelp.withRating, pct(yelp.flaggedByStars[5] ?? 0), pct(yelp.flaggedByStars[4] ?? 0)),
    yelpRow('CareSide text only', yelp.textOnly, pct(yelp.flaggedByStarsTextOnly[5] ?? 0), pct(yelp.flaggedByStarsTextOnly[4] ?? 0)),
    yelpRow('rating alone (≤ 2★)', yelp.ratingOnly, '0.0%', '0.0%'),
    yelpRow('naive word list', yelp.lexicon, '', ''),
    yelpRow('everything is a complaint', yelp.everything, '100.0%', '100.0%'),
    `3★ reviews flagged (text decides): ${pct(yelp.flaggedByStars[3] ?? 0)}; 1★ ${pct(yelp.flaggedByStars[1] ?? 0)}, 2★ ${pct(yelp.flaggedByStars[2] ?? 0)}`,
    '',
    `Length drift (threshold ${drift.threshold}): confidence of "${NEUTRAL_SENTENCE}" × n, and of one complaint sentence after n of them`,
    `| n                         | ${drift.repeats.map((n) => String(n).padStart(5)).join(' | ')} |`,
    `|---------------------------|${drift.repeats.map(() => '-------').join('|')}|`,
    `| neutral × n               | ${drift.neutral.map((v) => f(v)).join(' | ')} |`,
    `| neutral × n + complaint   | ${drift.padded.map((v) => f(v)).join(' | ')} |`,
  );
  return lines.join('\n');
}
