/** Encode trained weights into the compact shipped format decoded by lib/triage/linear-model.ts. */
import type { FeatureConfig } from '../../lib/triage/features';
import { LINEAR_MODEL_FORMAT, type EncodedLinearModel, type EncodedWeights } from '../../lib/triage/linear-model';

/** Quantise to int8 and keep at most `maxWeights` largest-magnitude non-zero weights. */
export function encodeWeights(weights: Float64Array | Float32Array, maxWeights: number): EncodedWeights {
  let maxAbs = 0;
  for (const w of weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs > 0 ? maxAbs / 127 : 1;
  let kept: number[] = [];
  for (let b = 0; b < weights.length; b++) {
    if (Math.round((weights[b] as number) / scale) !== 0) kept.push(b);
  }
  if (kept.length > maxWeights) {
    kept = kept
      .sort((a, b) => Math.abs(weights[b] as number) - Math.abs(weights[a] as number))
      .slice(0, maxWeights)
      .sort((a, b) => a - b);
  }
  const gaps: number[] = [];
  let previous = -1;
  for (const bucket of kept) {
    let gap = bucket - previous;
    previous = bucket;
    while (gap >= 0x80) {
      gaps.push((gap & 0x7f) | 0x80);
      gap = Math.floor(gap / 0x80);
    }
    gaps.push(gap);
  }
  const values = Int8Array.from(kept, (bucket) => Math.max(-127, Math.min(127, Math.round((weights[bucket] as number) / scale))));
  return {
    count: kept.length,
    buckets: Buffer.from(Uint8Array.from(gaps)).toString('base64'),
    values: Buffer.from(values.buffer).toString('base64'),
    scale,
  };
}

export function encodeLinearModel(options: {
  features: FeatureConfig;
  classes: string[];
  bias: number[];
  weights: (Float64Array | Float32Array)[];
  threshold: number;
  maxWeightsPerClass: number;
}): EncodedLinearModel {
  return {
    format: LINEAR_MODEL_FORMAT,
    features: options.features,
    classes: options.classes,
    bias: options.bias,
    weights: options.weights.map((weights) => encodeWeights(weights, options.maxWeightsPerClass)),
    threshold: options.threshold,
  };
}
