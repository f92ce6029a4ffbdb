import { describe, expect, it } from 'vitest';
import { byteViewOf, ByteLaneSums, LANE_LIMIT, laneCount, LaneSums, packLanes } from './class-lanes';
import type { LinearModel } from './linear-model';

/** Seeded integers in [low, high]. */
function randomInts(count: number, low: number, high: number, seed: number): Int32Array {
  let state = seed;
  return Int32Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return low + (state % (high - low + 1));
  });
}

/** A model whose table holds `values` (only the table is read here). */
function modelOf(values: ArrayLike<number>, stride: number): LinearModel {
  return { table: { values: Int8Array.from(values), stride } } as unknown as LinearModel;
}

/** Plain per-class sums of the buckets `slots` of a stride-wide int8 table. */
function plainSums(values: ArrayLike<number>, stride: number, slots: ArrayLike<number>): number[] {
  const sums = new Array<number>(stride).fill(0);
  for (let i = 0; i < slots.length; i++) {
    for (let c = 0; c < stride; c++) sums[c] = (sums[c] as number) + (values[(slots[i] as number) * stride + c] as number);
  }
  return sums;
}

describe('byte-word table sums', () => {
  const cases: [string, (count: number, seed: number) => Int32Array][] = [
    ['random weights', (count, seed) => randomInts(count, -128, 127, seed)],
    ['every weight 127', (count) => new Int32Array(count).fill(127)],
    ['every weight -128', (count) => new Int32Array(count).fill(-128)],
  ];
  for (const [name, weights] of cases) {
    for (const stride of [1, 2, 3, 4, 5, 11, 13]) {
      it(`equals the plain sums over 1,000 lookups, the last bucket included (more than one drain): ${name}, ${stride} classes`, () => {
        const buckets = 50;
        const values = weights(buckets * stride, stride);
        const slots = randomInts(1000, 0, buckets - 1, 7 + stride);
        slots[0] = buckets - 1;
        const view = byteViewOf(modelOf(values, stride));
        const sums = new Int32Array(stride + 2).fill(5);
        const lanes = new ByteLaneSums();
        lanes.begin(stride, sums, 1);
        for (const slot of slots) lanes.add(view, slot * stride);
        lanes.drain();
        const expected = plainSums(values, stride, slots).map((sum) => sum + 5);
        expect(Array.from(sums)).toEqual([5, ...expected, 5]);
      });
    }
  }
});

describe('16-bit lane sums', () => {
  for (const stride of [1, 2, 7, 11]) {
    it(`equal the plain sums of terms up to ±${LANE_LIMIT}, draining before a lane could overflow: ${stride} classes`, () => {
      const terms = 300;
      // Mostly large terms of one sign per class, so any missed drain overflows a lane.
      const values = randomInts(terms * stride, 0, LANE_LIMIT, 11 + stride).map((value, i) => ((i % stride) % 2 === 0 ? value : -value));
      const packed = new Int32Array(terms * laneCount(stride));
      const sums = new Int32Array(stride);
      const lanes = new LaneSums();
      const accumulator = lanes.begin(stride, sums, 0);
      for (let t = 0; t < terms; t++) {
        packLanes(values, t * stride, stride, packed, t * laneCount(stride));
        let magnitude = 0;
        for (let c = 0; c < stride; c++) magnitude = Math.max(magnitude, Math.abs(values[t * stride + c] as number));
        lanes.room(magnitude);
        for (let k = 0; k < laneCount(stride); k++) {
          accumulator[k] = ((accumulator[k] as number) + (packed[t * laneCount(stride) + k] as number)) | 0;
        }
      }
      lanes.drain();
      expect(Array.from(sums)).toEqual(
        plainSums(
          values,
          stride,
          Int32Array.from({ length: terms }, (_, t) => t),
        ),
      );
    });
  }
});
