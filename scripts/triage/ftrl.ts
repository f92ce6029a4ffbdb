/**
 * FTRL-Proximal logistic regression (binary: sigmoid; multi-class: softmax) over hashed sparse
 * features. L1 gives sparse weights, so the exported model stays small. Deterministic: examples
 * are shuffled with a seeded PRNG.
 */
import { seededRandom } from '../../lib/util/random';
import type { SparseFeatures } from '../../lib/triage/features';

export interface FtrlParams {
  alpha: number;
  beta: number;
  l1: number;
  l2: number;
  epochs: number;
  seed: number;
}

export const DEFAULT_FTRL: FtrlParams = { alpha: 0.1, beta: 1, l1: 0.5, l2: 1, epochs: 8, seed: 42 };

export interface TrainedLinear {
  /** Per class; binary models have one. */
  weights: Float64Array[];
  bias: number[];
}

/** Sum duplicate buckets so each coordinate gets one update per example. */
export function mergeDuplicates(features: SparseFeatures): SparseFeatures {
  const sums = new Map<number, number>();
  features.buckets.forEach((bucket, i) => sums.set(bucket, (sums.get(bucket) ?? 0) + (features.values[i] as number)));
  return { buckets: [...sums.keys()], values: [...sums.values()] };
}

/**
 * Train on examples whose label is a class index: for `classes === 1` label 1 means positive, 0 negative;
 * for `classes > 1` label is the class index (softmax).
 */
export function trainFtrl(
  examples: readonly { features: SparseFeatures; label: number; weight?: number }[],
  classes: number,
  bits: number,
  params: FtrlParams,
): TrainedLinear {
  const size = 2 ** bits;
  const z = Array.from({ length: classes }, () => new Float64Array(size));
  const n = Array.from({ length: classes }, () => new Float64Array(size));
  const biasZ = new Float64Array(classes);
  const biasN = new Float64Array(classes);
  const { alpha, beta, l1, l2 } = params;

  const weightOf = (zi: number, ni: number, withL1: boolean): number => {
    const threshold = withL1 ? l1 : 0;
    if (Math.abs(zi) <= threshold) return 0;
    return -(zi - Math.sign(zi) * threshold) / ((beta + Math.sqrt(ni)) / alpha + (withL1 ? l2 : 0));
  };

  const random = seededRandom(params.seed);
  const order = examples.map((_, i) => i);
  const scores = new Float64Array(classes);
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const example = examples[index];
      if (!example) continue;
      const { buckets, values } = example.features;
      for (let c = 0; c < classes; c++) {
        let score = weightOf(biasZ[c] as number, biasN[c] as number, false);
        const zc = z[c] as Float64Array;
        const nc = n[c] as Float64Array;
        for (let k = 0; k < buckets.length; k++) {
          const b = buckets[k] as number;
          score += weightOf(zc[b] as number, nc[b] as number, true) * (values[k] as number);
        }
        scores[c] = score;
      }
      // Gradient of the log loss w.r.t. each class score.
      const gradients = new Float64Array(classes);
      if (classes === 1) {
        gradients[0] = 1 / (1 + Math.exp(-(scores[0] as number))) - example.label;
      } else {
        let max = -Infinity;
        for (let c = 0; c < classes; c++) max = Math.max(max, scores[c] as number);
        let total = 0;
        for (let c = 0; c < classes; c++) total += Math.exp((scores[c] as number) - max);
        for (let c = 0; c < classes; c++) {
          gradients[c] = Math.exp((scores[c] as number) - max) / total - (c === example.label ? 1 : 0);
        }
      }
      const exampleWeight = example.weight ?? 1;
      for (let c = 0; c < classes; c++) {
        const g = (gradients[c] as number) * exampleWeight;
        if (g === 0) continue;
        const zc = z[c] as Float64Array;
        const nc = n[c] as Float64Array;
        const update = (zArr: Float64Array, nArr: Float64Array, b: number, grad: number, withL1: boolean): void => {
          const ni = nArr[b] as number;
          const sigma = (Math.sqrt(ni + grad * grad) - Math.sqrt(ni)) / alpha;
          zArr[b] = (zArr[b] as number) + grad - sigma * weightOf(zArr[b] as number, ni, withL1);
          nArr[b] = ni + grad * grad;
        };
        update(biasZ, biasN, c, g, false);
        for (let k = 0; k < buckets.length; k++) update(zc, nc, buckets[k] as number, g * (values[k] as number), true);
      }
    }
  }
  const weights = z.map((zc, c) => {
    const nc = n[c] as Float64Array;
    const w = new Float64Array(size);
    for (let b = 0; b < size; b++) if (zc[b] !== 0) w[b] = weightOf(zc[b] as number, nc[b] as number, true);
    return w;
  });
  const bias = Array.from({ length: classes }, (_, c) => weightOf(biasZ[c] as number, biasN[c] as number, false));
  return { weights, bias };
}
