/**
 * CareSide's categoriser against the hand-labelled complaints-2019 tweets (data/complaints-2019/
 * category-labels*.csv, CATEGORY_LABELS.md), all 11 categories. The shipped category model trains on every batch
 * but the second (train-category-model.ts trainingHandLabels), so the number that counts is the second batch (200),
 * which no model trained or was tuned on; the training batches are reported too, marked in-sample.
 */
import { categorizeComplaint } from '../../lib/triage/category';
import { HELD_OUT_BATCH, loadCategoryLabels, loadSecondReading, type CategoryLabel } from './category-sample';
import { cohensKappa, multiClassMetrics, type MultiClassMetrics } from './metrics';
import { trainedBatchNames, trainingHandLabels } from './train-category-model';

export interface HandLabelEvaluation {
  /** The second batch: never trained on. */
  heldOut: MultiClassMetrics;
  /** The training batches: the category model trained on them. */
  trainedOn: MultiClassMetrics;
  /** Baseline on the held-out batch: every complaint gets the most frequent category of the training batches. */
  majority: MultiClassMetrics;
  majorityLabel: string;
  counts: { heldOut: number; trainedOn: number };
  /** A second, blind reading of 50 test tweets against their stored labels. */
  secondReading: { agreed: number; count: number; kappa: number };
}

function score(labels: readonly CategoryLabel[]): MultiClassMetrics {
  return multiClassMetrics(
    labels.map((label) => categorizeComplaint(label.text).category),
    labels.map((label) => label.category),
  );
}

function mostFrequent(labels: readonly CategoryLabel[]): string {
  const frequency = new Map<string, number>();
  for (const label of labels) frequency.set(label.category, (frequency.get(label.category) ?? 0) + 1);
  return [...frequency.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'other';
}

export function evaluateHandLabels(
  trainedOn: readonly CategoryLabel[] = trainingHandLabels(),
  heldOut: readonly CategoryLabel[] = loadCategoryLabels(HELD_OUT_BATCH),
): HandLabelEvaluation {
  const majorityLabel = mostFrequent(trainedOn);
  return {
    heldOut: score(heldOut),
    trainedOn: score(trainedOn),
    majority: multiClassMetrics(
      heldOut.map(() => majorityLabel),
      heldOut.map((label) => label.category),
    ),
    majorityLabel,
    counts: { heldOut: heldOut.length, trainedOn: trainedOn.length },
    secondReading: secondReadingAgreement(),
  };
}

/** How often a second, blind reading of test tweets gives their stored label: a ceiling for any model. */
export function secondReadingAgreement(
  second: readonly CategoryLabel[] = loadSecondReading(),
  stored: readonly CategoryLabel[] = loadCategoryLabels(HELD_OUT_BATCH),
): { agreed: number; count: number; kappa: number } {
  const storedByRow = new Map(stored.map((label) => [label.row, label.category]));
  const { agreed, kappa } = cohensKappa(
    second.map((label) => storedByRow.get(label.row) ?? ''),
    second.map((label) => label.category),
  );
  return { agreed, count: second.length, kappa };
}

const f = (value: number) => value.toFixed(3);

export function formatHandLabelReport(evaluation: HandLabelEvaluation): string {
  const row = (name: string, count: number, m: MultiClassMetrics) =>
    `| ${name.padEnd(52)} | ${String(count).padStart(6)} | ${f(m.accuracy).padStart(8)} | ${f(m.macroF1).padStart(8)} |`;
  const lines = [
    'Category, hand-labelled complaints-2019 tweets of other industries (11 CareSide categories)',
    '| categoriser                                          | tweets | accuracy | macro-F1 |',
    '|------------------------------------------------------|--------|----------|----------|',
    row('CareSide, second batch (never trained on)', evaluation.counts.heldOut, evaluation.heldOut),
    row(`CareSide, batches ${trainedBatchNames()} (in-sample)`, evaluation.counts.trainedOn, evaluation.trainedOn),
    row(`baseline: always ${evaluation.majorityLabel}, second batch`, evaluation.counts.heldOut, evaluation.majority),
    `| category (second batch, ${evaluation.counts.heldOut}) | support | precision | recall | F1    |`,
    '|--------------------------------|---------|-----------|--------|-------|',
  ];
  for (const c of evaluation.heldOut.perClass) {
    lines.push(
      `| ${c.label.padEnd(30)} | ${String(c.support).padStart(7)} | ${f(c.precision).padStart(9)} | ${f(c.recall).padStart(6)} | ${f(c.f1)} |`,
    );
  }
  const { agreed, count, kappa } = evaluation.secondReading;
  lines.push(
    `Label ceiling: a second, blind reading of ${count} test tweets agrees with the stored label on ${agreed} (${f(agreed / count)}, Cohen's kappa ${f(kappa)}).`,
  );
  return lines.join('\n');
}
