/**
 * Issue 13 item 3, "a 3★ review is flagged only when its text reports a problem", measured on CareSide's own
 * hand labels of every 3★ review in data/yelp-reviews (three-star-labels.csv; how they were read: SOURCES.md
 * there): problem / no_problem / unclear. Precision and recall count the clear labels only; the unclear ones are
 * reported as the share flagged. The rows are split by review row parity: odd rows ("dev") were looked at while
 * writing the problem phrases (lib/triage/review-problems.ts) and choosing the 3★ rating offset (RATING_LOGIT[3]);
 * even rows ("test") were labelled before any of that and never used to change it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { complaintFromPrepared, complaintModel } from '../../lib/triage/complaint';
import type { LinearModel } from '../../lib/triage/linear-model';
import { brandMatcherFor, prepareText } from '../../lib/triage/prepare';
import { loadYelpReviews } from './corpora';
import { parseCsv } from './csv';
import { isMain } from '../is-main';
import { binaryMetrics, type BinaryMetrics } from './metrics';

const LABELS_FILE = join(dirname(fileURLToPath(import.meta.url)), '../../data/yelp-reviews/three-star-labels.csv');
export const THREE_STAR_LABELS = ['problem', 'no_problem', 'unclear'] as const;
export type ThreeStarLabel = (typeof THREE_STAR_LABELS)[number];

export interface LabelledReview {
  row: number;
  text: string;
  label: ThreeStarLabel;
  note: string;
}

/** The labelled 3★ reviews; throws, naming the line, on a label or row that does not fit. */
export function loadThreeStarLabels(csv: string = readFileSync(LABELS_FILE, 'utf8')): LabelledReview[] {
  const [header, ...records] = parseCsv(csv).filter((record) => record.some((field) => field.trim() !== ''));
  if (header?.join(',') !== 'row,label,note') throw new Error('three-star-labels.csv: header must be row,label,note');
  const reviews = new Map(loadYelpReviews().map((review) => [review.row, review]));
  const seen = new Set<number>();
  return records.map(([row, label, note], i) => {
    const where = `three-star-labels.csv line ${i + 2}`;
    const review = reviews.get(Number(row));
    if (!review || review.stars !== 3) throw new Error(`${where}: row ${row} is not a 3★ review of yelp-reviews.csv`);
    if (!THREE_STAR_LABELS.includes(label as ThreeStarLabel))
      throw new Error(`${where}: label "${label}" is not one of ${THREE_STAR_LABELS.join(', ')}`);
    if (seen.has(review.row)) throw new Error(`${where}: row ${row} is labelled twice`);
    seen.add(review.row);
    return { row: review.row, text: review.text, label: label as ThreeStarLabel, note: note ?? '' };
  });
}

export interface ThreeStarSplit {
  reviews: number;
  /** CareSide's flag against the clear labels (problem = positive). */
  metrics: BinaryMetrics;
  /** Share flagged among all, problem, no_problem and unclear reviews. */
  flagged: number;
  flaggedUnclear: number;
  unclear: number;
}

export interface ThreeStarEvaluation {
  dev: ThreeStarSplit;
  test: ThreeStarSplit;
  all: ThreeStarSplit;
  /** The same on every labelled review without the rating (text alone). */
  textOnly: ThreeStarSplit;
  labels: Record<ThreeStarLabel, number>;
}

function splitOf(rows: readonly LabelledReview[], flags: ReadonlyMap<number, boolean>): ThreeStarSplit {
  const clear = rows.filter((r) => r.label !== 'unclear');
  const unclear = rows.filter((r) => r.label === 'unclear');
  const share = (list: readonly LabelledReview[]) => list.filter((r) => flags.get(r.row)).length / Math.max(1, list.length);
  return {
    reviews: rows.length,
    metrics: binaryMetrics(
      clear.map((r) => flags.get(r.row) === true),
      clear.map((r) => r.label === 'problem'),
    ),
    flagged: share(rows),
    flaggedUnclear: share(unclear),
    unclear: unclear.length,
  };
}

export function evaluateThreeStar(
  model: LinearModel = complaintModel(),
  labels: readonly LabelledReview[] = loadThreeStarLabels(),
): ThreeStarEvaluation {
  const unmasked = brandMatcherFor([]);
  const flag = (rating?: number) =>
    new Map(labels.map((r) => [r.row, complaintFromPrepared(prepareText(r.text, unmasked), model, rating).isComplaint]));
  const withRating = flag(3);
  const textAlone = flag();
  const count = (label: ThreeStarLabel) => labels.filter((r) => r.label === label).length;
  return {
    dev: splitOf(
      labels.filter((r) => r.row % 2 === 1),
      withRating,
    ),
    test: splitOf(
      labels.filter((r) => r.row % 2 === 0),
      withRating,
    ),
    all: splitOf(labels, withRating),
    textOnly: splitOf(labels, textAlone),
    labels: { problem: count('problem'), no_problem: count('no_problem'), unclear: count('unclear') },
  };
}

const f = (value: number) => value.toFixed(3);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

export function formatThreeStarReport(e: ThreeStarEvaluation): string {
  const row = (name: string, s: ThreeStarSplit) =>
    `| ${name.padEnd(34)} | ${String(s.reviews).padStart(7)} | ${f(s.metrics.precision).padStart(9)} | ${f(s.metrics.recall).padStart(6)} | ${f(s.metrics.f1).padStart(5)} | ${pct(s.flagged).padStart(7)} | ${pct(s.flaggedUnclear).padStart(15)} |`;
  const everything = e.labels.problem / Math.max(1, e.labels.problem + e.labels.no_problem);
  return [
    `3★ reviews, hand-labelled (data/yelp-reviews/three-star-labels.csv): ${e.labels.problem} report a problem, ${e.labels.no_problem} do not, ${e.labels.unclear} unclear (left out of precision/recall)`,
    '| detector                           | reviews | precision | recall | F1    | flagged | unclear flagged |',
    '|------------------------------------|---------|-----------|--------|-------|---------|-----------------|',
    row('CareSide (text + 3★), test rows', e.test),
    row('CareSide (text + 3★), dev rows', e.dev),
    row('CareSide (text + 3★), all', e.all),
    row('CareSide text only, all', e.textOnly),
    `| ${'everything flagged, all'.padEnd(34)} | ${String(e.all.reviews).padStart(7)} | ${f(everything).padStart(9)} | ${f(1).padStart(6)} | ${f((2 * everything) / (1 + everything)).padStart(5)} | ${pct(1).padStart(7)} | ${pct(1).padStart(15)} |`,
    'dev = odd review rows (looked at while writing the problem phrases and the 3★ offset), test = even rows (not).',
  ].join('\n');
}

if (isMain(import.meta.url)) console.log(formatThreeStarReport(evaluateThreeStar()));
