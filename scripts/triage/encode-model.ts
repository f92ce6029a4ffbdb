/** Encode trained weights into the compact shipped format viewed by lib/triage/linear-model.ts. */
import type { FeatureConfig } from '../../lib/triage/features';
import { LINEAR_MODEL_FORMAT, type EncodedLinearModel } from '../../lib/triage/linear-model';

/** One class's weights, int8-quantised: the kept buckets (ascending) and their values. */
export interface QuantizedWeights {
  scale: number;
  /** bucket → int8 value, only the kept (non-zero) ones. */
  kept: Map<number, number>;
}

/** Quantise to int8 (scale = max |w| / 127) and keep at most `maxWeights` largest-magnitude non-zero weights. */
export function quantizeWeights(weights: Float64Array | Float32Array, maxWeights: number): QuantizedWeights {
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
  const values = new Map<number, number>();
  for (const bucket of kept) values.set(bucket, Math.max(-127, Math.min(127, Math.round((weights[bucket] as number) / scale))));
  return { scale, kept: values };
}

/**
 * The shipped table: a bitmap of the buckets any class keeps, then each such bucket's int8 values, one per class
 * (0 where a class does not keep it), base64. Little-endian words, as the format says.
 */
export function encodeTable(classes: readonly QuantizedWeights[], bits: number): { buckets: number; table: string } {
  const size = 2 ** bits;
  const bitmap = new Uint8Array(size / 8);
  const present = [...new Set(classes.flatMap((weights) => [...weights.kept.keys()]))].sort((a, b) => a - b);
  for (const bucket of present) {
    if (bucket < 0 || bucket >= size) throw new Error(`encode: bucket ${bucket} outside ${size} buckets`);
    // Byte-wise little-endian: bit b % 32 of word b / 32 is bit b % 8 of byte b / 8.
    bitmap[bucket >>> 3] = (bitmap[bucket >>> 3] as number) | (1 << (bucket & 7));
  }
  const values = new Int8Array(present.length * classes.length);
  present.forEach((bucket, slot) => {
    classes.forEach((weights, c) => {
      values[slot * classes.length + c] = weights.kept.get(bucket) ?? 0;
    });
  });
  const bytes = new Uint8Array(bitmap.length + values.length);
  bytes.set(bitmap, 0);
  bytes.set(new Uint8Array(values.buffer), bitmap.length);
  return { buckets: present.length, table: Buffer.from(bytes).toString('base64') };
}

export function encodeLinearModel(options: {
  features: FeatureConfig;
  classes: string[];
  bias: number[];
  weights: (Float64Array | Float32Array)[];
  threshold: number;
  maxWeightsPerClass: number;
}): EncodedLinearModel {
  const quantized = options.weights.map((weights) => quantizeWeights(weights, options.maxWeightsPerClass));
  return {
    format: LINEAR_MODEL_FORMAT,
    features: options.features,
    classes: options.classes,
    bias: options.bias,
    scales: quantized.map((weights) => weights.scale),
    ...encodeTable(quantized, options.features.bits),
    threshold: options.threshold,
  };
}
