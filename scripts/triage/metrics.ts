/** Binary and multi-class metrics for the triage evaluation. */

export interface BinaryMetrics {
  truePositive: number;
  falsePositive: number;
  trueNegative: number;
  falseNegative: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export function binaryMetrics(predicted: readonly boolean[], actual: readonly boolean[]): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  predicted.forEach((p, i) => {
    const a = actual[i];
    if (p && a) tp++;
    else if (p && !a) fp++;
    else if (!p && a) fn++;
    else tn++;
  });
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    truePositive: tp,
    falsePositive: fp,
    trueNegative: tn,
    falseNegative: fn,
    precision,
    recall,
    f1,
    accuracy: (tp + tn) / Math.max(1, predicted.length),
  };
}

/** Confusion counts at one cut of the scores. */
interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/**
 * The cut of `scores` that maximises `measure` (ties: the lower threshold): one sweep from the highest
 * score down, a cut between each pair of distinct scores.
 */
function bestThresholdBy(
  scores: readonly number[],
  actual: readonly boolean[],
  measure: (counts: Counts) => number,
): { threshold: number; value: number } {
  const order = scores.map((score, i) => ({ score, positive: actual[i] === true })).sort((a, b) => b.score - a.score);
  const positives = order.filter((item) => item.positive).length;
  const negatives = order.length - positives;
  let tp = 0;
  let fp = 0;
  let best = { threshold: 1, value: 0 };
  for (let i = 0; i < order.length; i++) {
    const item = order[i] as { score: number; positive: boolean };
    if (item.positive) tp++;
    else fp++;
    const next = order[i + 1];
    if (next && next.score === item.score) continue;
    const value = measure({ tp, fp, fn: positives - tp, tn: negatives - fp });
    // Midway to the next score so the cut does not sit exactly on a training example.
    if (value > best.value) best = { threshold: next ? (item.score + next.score) / 2 : item.score, value };
  }
  return best;
}

/** Threshold on scores that maximises F1 (ties: the lower threshold), with that F1. */
export function bestF1Threshold(scores: readonly number[], actual: readonly boolean[]): { threshold: number; f1: number } {
  const { threshold, value } = bestThresholdBy(scores, actual, ({ tp, fp, fn }) => (2 * tp) / (2 * tp + fp + fn));
  return { threshold, f1: value };
}

/**
 * Threshold on scores that maximises macro-F1 (mean of the positive and negative class F1), the measure
 * issue 13 sets for complaints-2019; ties: the lower threshold.
 */
export function bestMacroF1Threshold(scores: readonly number[], actual: readonly boolean[]): { threshold: number; macroF1: number } {
  const { threshold, value } = bestThresholdBy(
    scores,
    actual,
    ({ tp, fp, fn, tn }) => ((2 * tp) / Math.max(1, 2 * tp + fp + fn) + (2 * tn) / Math.max(1, 2 * tn + fn + fp)) / 2,
  );
  return { threshold, macroF1: value };
}

/** Mean of the complaint and non-complaint F1 (the macro-F1 of the complaint literature). */
export function macroF1(predicted: readonly boolean[], actual: readonly boolean[]): number {
  const positive = binaryMetrics(predicted, actual);
  const negative = binaryMetrics(
    predicted.map((p) => !p),
    actual.map((a) => !a),
  );
  return (positive.f1 + negative.f1) / 2;
}

export interface ClassMetrics {
  label: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface MultiClassMetrics {
  perClass: ClassMetrics[];
  macroF1: number;
  accuracy: number;
  /** confusion[actual][predicted] over `labels`. */
  confusion: number[][];
  labels: string[];
}

/** Per-class and macro F1 over the labels that occur in `actual` (classes never seen do not dilute it). */
export function multiClassMetrics(predicted: readonly string[], actual: readonly string[]): MultiClassMetrics {
  const labels = [...new Set(actual)].sort();
  const index = new Map(labels.map((label, i) => [label, i]));
  const extra = [...new Set(predicted)].filter((label) => !index.has(label)).sort();
  const allLabels = [...labels, ...extra];
  allLabels.forEach((label, i) => index.set(label, i));
  const confusion = allLabels.map(() => allLabels.map(() => 0));
  let correct = 0;
  predicted.forEach((p, i) => {
    const a = actual[i] as string;
    const row = confusion[index.get(a) as number] as number[];
    row[index.get(p) as number] = (row[index.get(p) as number] as number) + 1;
    if (p === a) correct++;
  });
  const perClass = labels.map((label) => {
    const k = index.get(label) as number;
    const tp = confusion[k]?.[k] ?? 0;
    const support = (confusion[k] ?? []).reduce((sum, v) => sum + v, 0);
    const predictedCount = confusion.reduce((sum, row) => sum + (row[k] ?? 0), 0);
    const precision = predictedCount > 0 ? tp / predictedCount : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, support, precision, recall, f1 };
  });
  return {
    perClass,
    macroF1: perClass.reduce((sum, c) => sum + c.f1, 0) / Math.max(1, perClass.length),
    accuracy: correct / Math.max(1, predicted.length),
    confusion,
    labels: allLabels,
  };
}

/** Cohen's κ of two labellings of the same items: agreement beyond what their label frequencies give by chance. */
export function cohensKappa(first: readonly string[], second: readonly string[]): { agreed: number; kappa: number } {
  const n = first.length;
  const agreed = first.filter((label, i) => label === second[i]).length;
  const share = (labels: readonly string[], label: string) => labels.filter((l) => l === label).length / n;
  const chance = [...new Set([...first, ...second])].reduce((sum, label) => sum + share(first, label) * share(second, label), 0);
  return { agreed, kappa: chance === 1 ? 1 : (agreed / n - chance) / (1 - chance) };
}
