/**
 * CareSide's categoriser against the 200 hand-labelled complaints-2019 tweets (data/complaints-2019/
 * category-labels.csv, CATEGORY_LABELS.md). The labels use 11 categories; CareSide has no `app_bug`, so those
 * count as `product_defect` (its "Product defect" covers software). Reported on all 200 and on each half of the
 * fixed split: odd rows may be used to develop rules, even rows are the untouched half.
 */
import { categorizeComplaint } from '../../lib/triage/category';
import { loadCategoryLabels, type CategoryLabel } from './category-sample';
import { multiClassMetrics, type MultiClassMetrics } from './metrics';

/** Hand-label category → the CareSide category it is scored as. */
export function asCareSideCategory(label: string): string {
  return label === 'app_bug' ? 'product_defect' : label;
}

export const isDevelopmentRow = (label: CategoryLabel) => label.row % 2 === 1;

export interface HandLabelEvaluation {
  all: MultiClassMetrics;
  development: MultiClassMetrics;
  untouched: MultiClassMetrics;
  /** Baseline: every complaint is the most frequent hand label's category. */
  majority: MultiClassMetrics;
  majorityLabel: string;
  counts: { all: number; development: number; untouched: number };
}

function score(labels: readonly CategoryLabel[]): MultiClassMetrics {
  return multiClassMetrics(
    labels.map((label) => categorizeComplaint(label.text).category),
    labels.map((label) => asCareSideCategory(label.category)),
  );
}

export function evaluateHandLabels(labels: readonly CategoryLabel[] = loadCategoryLabels()): HandLabelEvaluation {
  const development = labels.filter(isDevelopmentRow);
  const untouched = labels.filter((label) => !isDevelopmentRow(label));
  const frequency = new Map<string, number>();
  for (const label of labels)
    frequency.set(asCareSideCategory(label.category), (frequency.get(asCareSideCategory(label.category)) ?? 0) + 1);
  const majorityLabel = [...frequency.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'other';
  return {
    all: score(labels),
    development: score(development),
    untouched: score(untouched),
    majority: multiClassMetrics(
      labels.map(() => majorityLabel),
      labels.map((label) => asCareSideCategory(label.category)),
    ),
    majorityLabel,
    counts: { all: labels.length, development: development.length, untouched: untouched.length },
  };
}

const f = (value: number) => value.toFixed(3);

export function formatHandLabelReport(evaluation: HandLabelEvaluation): string {
  const row = (name: string, count: number, m: MultiClassMetrics) =>
    `| ${name.padEnd(44)} | ${String(count).padStart(6)} | ${f(m.accuracy).padStart(8)} | ${f(m.macroF1).padStart(8)} |`;
  const lines = [
    'Category, 200 hand-labelled complaints-2019 tweets (10 CareSide categories; app/website bug scored as product defect)',
    '| categoriser                                  | tweets | accuracy | macro-F1 |',
    '|----------------------------------------------|--------|----------|----------|',
    row('CareSide, all', evaluation.counts.all, evaluation.all),
    row('CareSide, odd rows (rules developed on)', evaluation.counts.development, evaluation.development),
    row('CareSide, even rows (untouched)', evaluation.counts.untouched, evaluation.untouched),
    row(`baseline: always ${evaluation.majorityLabel}`, evaluation.counts.all, evaluation.majority),
    '| category (all 200) | support | precision | recall | F1    |',
    '|--------------------|---------|-----------|--------|-------|',
  ];
  for (const c of evaluation.all.perClass) {
    lines.push(
      `| ${c.label.padEnd(18)} | ${String(c.support).padStart(7)} | ${f(c.precision).padStart(9)} | ${f(c.recall).padStart(6)} | ${f(c.f1)} |`,
    );
  }
  return lines.join('\n');
}
