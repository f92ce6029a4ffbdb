/**
 * How small can the category model ship, and does a prior-shift correction help? Each CV fold's model (and the
 * full model) is trained once, then encoded at several weight budgets per class (largest weights kept) and scored
 * with its biases moved by several multiples of `priorCorrection` (train-category-model.ts), so one training gives
 * the whole grid: CV macro-F1 over the training batches (the same folds as `train-category-model.ts --search`), the
 * airline held-out macro-F1 (floor 0.59), and the table's size. The test batch is never scored here.
 *
 *   npx tsx scripts/triage/category-prune.ts 12000,6000,3000 [0,0.5,1] [--try '<json override>']
 */
import { CATEGORY_IDS } from '../../lib/domain/triage';
import { categorizeComplaint } from '../../lib/triage/category';
import { decodeLinearModel, type LinearModel } from '../../lib/triage/linear-model';
import { loadCategoryLabels, loadTrainingCategoryLabels, type CategoryLabel } from './category-sample';
import { evaluateCategories, heldOutTweets } from './evaluation';
import type { TrainedLinear } from './ftrl';
import { multiClassMetrics } from './metrics';
import type { Example } from './training';
import {
  airlineItems,
  categoryExamples,
  CHOSEN_CATEGORY_SETTINGS,
  encodeCategoryWeights,
  HAND_FOLDS,
  handFoldOf,
  handItems,
  priorCorrection,
  trainCategoryWeights,
  trainingHandLabels,
  withOverride,
  type CategoryTrainingSettings,
  type Override,
} from './train-category-model';
import { isMain } from '../is-main';

export interface GridPoint {
  maxWeights: number;
  shift: number;
  cvMacroF1: number;
  cvAccuracy: number;
  airlineMacroF1: number;
  buckets: number;
  /** Raw table bytes: the bitmap plus one int8 per bucket and class. */
  tableBytes: number;
}

interface Grid {
  sizes: readonly number[];
  shifts: readonly number[];
}

/** Every (budget, shift) model of one training: `visit(model, cell index)`. */
function eachModel(
  trained: TrainedLinear,
  examples: readonly Example[],
  settings: CategoryTrainingSettings,
  grid: Grid,
  visit: (model: LinearModel, cell: number, buckets: number) => void,
) {
  const correction = priorCorrection(examples, settings);
  grid.sizes.forEach((size, s) => {
    const encoded = encodeCategoryWeights(trained, settings, size);
    const model = decodeLinearModel(encoded);
    grid.shifts.forEach((shift, k) => {
      const bias = model.bias.map((b, c) => b + shift * (correction[c] as number));
      visit({ ...model, bias }, s * grid.shifts.length + k, encoded.buckets);
    });
  });
}

function crossValidatedGrid(settings: CategoryTrainingSettings, grid: Grid, labels: readonly CategoryLabel[]) {
  const fixed = categoryExamples(
    [
      ...airlineItems(settings),
      ...handItems(
        settings.extraBatches.flatMap((b) => loadCategoryLabels(b)),
        settings,
      ),
    ],
    settings.features,
  );
  const hand = categoryExamples(handItems(labels, settings), settings.features);
  const said = grid.sizes.flatMap(() => grid.shifts.map(() => new Array<string>(labels.length).fill('other')));
  for (const fold of HAND_FOLDS) {
    const training = [...fixed, ...hand.filter((_, i) => handFoldOf(labels[i] as CategoryLabel) !== fold)];
    eachModel(trainCategoryWeights(training, settings), training, settings, grid, (model, cell) => {
      labels.forEach((label, i) => {
        if (handFoldOf(label) === fold)
          (said[cell] as string[])[i] = categorizeComplaint(label.text, { model, pipeline: settings.pipeline }).category;
      });
    });
  }
  const actual = labels.map((label) => label.category);
  return said.map((predicted) => multiClassMetrics(predicted, actual));
}

export function categoryGrid(settings: CategoryTrainingSettings, grid: Grid): GridPoint[] {
  const cv = crossValidatedGrid(settings, grid, loadTrainingCategoryLabels());
  const examples = categoryExamples([...airlineItems(settings), ...handItems(trainingHandLabels(settings), settings)], settings.features);
  const tweets = heldOutTweets();
  const points: GridPoint[] = [];
  eachModel(trainCategoryWeights(examples, settings), examples, settings, grid, (model, cell, buckets) => {
    const metrics = cv[cell];
    points.push({
      maxWeights: grid.sizes[Math.floor(cell / grid.shifts.length)] ?? 0,
      shift: grid.shifts[cell % grid.shifts.length] ?? 0,
      cvMacroF1: metrics?.macroF1 ?? 0,
      cvAccuracy: metrics?.accuracy ?? 0,
      airlineMacroF1: evaluateCategories(tweets, model, settings.pipeline).shipped.macroF1,
      buckets,
      tableBytes: 2 ** settings.features.bits / 8 + buckets * CATEGORY_IDS.length,
    });
  });
  return points;
}

const numbers = (arg: string | undefined, fallback: string) => (arg && !arg.startsWith('--') ? arg : fallback).split(',').map(Number);

function main(): void {
  const sizes = numbers(process.argv[2], '12000');
  const shifts = numbers(process.argv[3], '0');
  if (sizes.some((size) => !Number.isInteger(size) || size <= 0))
    throw new Error(`weight budgets: positive integers, got ${process.argv[2]}`);
  if (shifts.some((shift) => !Number.isFinite(shift))) throw new Error(`prior shifts: numbers, got ${process.argv[3]}`);
  const tryIndex = process.argv.indexOf('--try');
  const override = tryIndex >= 0 ? (JSON.parse(process.argv[tryIndex + 1] ?? '{}') as Override) : {};
  const settings = withOverride(CHOSEN_CATEGORY_SETTINGS, override);
  console.log(`| weights per class | prior shift | CV macro-F1 | CV accuracy | airline held-out (floor 0.59) | buckets | table KiB |`);
  for (const p of categoryGrid(settings, { sizes, shifts }))
    console.log(
      `| ${p.maxWeights} | ${p.shift} | ${p.cvMacroF1.toFixed(4)} | ${p.cvAccuracy.toFixed(3)} | ${p.airlineMacroF1.toFixed(4)} | ${p.buckets} | ${(p.tableBytes / 1024).toFixed(0)} |`,
    );
}

if (isMain(import.meta.url)) main();
