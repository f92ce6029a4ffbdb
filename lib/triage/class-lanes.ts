/**
 * Multi-class integer sums with several classes to an int32 lane, so the 11-class category model adds 3 or 6
 * int32s per lookup instead of 11 int8s (the per-class loop was the largest single cost of scoring). Sums stay
 * exact: int32 additions wrap modulo 2^32 and every 16-bit half is recovered exactly as long as its running sum
 * fits in 16 bits, so an accumulator is unpacked into plain per-class integers before its bound could pass that.
 *
 * - Lanes (`LaneSums`, the per-token cached sums): class 2k in the low signed 16-bit half, 2k + 1 in the high.
 * - Byte words (`ByteLaneSums`, table lookups): the int8 table re-laid as weight + 128 in bytes, 4 classes a word;
 *   a word's even and odd bytes are masked out into two accumulators of unsigned 16-bit lanes.
 */
import type { LinearModel } from './linear-model';

/** Largest |sum| a 16-bit lane holds. */
export const LANE_LIMIT = 0x7fff;
/** Largest |weight| of one int8 table entry. */
export const INT8_MAGNITUDE = 128;

/** Int32 lanes needed for `stride` classes. */
export function laneCount(stride: number): number {
  return (stride + 1) >> 1;
}

/** Pack `stride` integers of `from` at `offset` (each within ±LANE_LIMIT) into lanes of `to` at `at`. */
export function packLanes(from: ArrayLike<number>, offset: number, stride: number, to: Int32Array, at: number): void {
  for (let k = 0; k < laneCount(stride); k++) {
    const low = from[offset + 2 * k] as number;
    const high = 2 * k + 1 < stride ? (from[offset + 2 * k + 1] as number) : 0;
    to[at + k] = (high * 0x10000 + low) | 0;
  }
}

/**
 * A running sum in lanes (one per call site at a time: scoring is synchronous). `room(m)` before adding a term
 * of magnitude ≤ m unpacks first when the bound would pass LANE_LIMIT; `drain` adds the sums into plain integers.
 */
export class LaneSums {
  lanes = new Int32Array(8);
  /** Upper bound of |sum| of any class in the lanes. */
  bound = 0;
  private stride = 0;
  private target: Int32Array = new Int32Array(0);
  private offset = 0;

  /** Start summing `stride` classes that will be added to target[offset, offset + stride). */
  begin(stride: number, target: Int32Array, offset: number): Int32Array {
    const width = laneCount(stride);
    if (width > this.lanes.length) this.lanes = new Int32Array(width);
    this.lanes.fill(0, 0, width);
    this.bound = 0;
    this.stride = stride;
    this.target = target;
    this.offset = offset;
    return this.lanes;
  }

  /** Make room for a term of magnitude `magnitude` (≤ LANE_LIMIT). */
  room(magnitude: number): void {
    if (this.bound + magnitude > LANE_LIMIT) this.drain();
    this.bound += magnitude;
  }

  /** Add the lanes into the target as plain integers and clear them. */
  drain(): void {
    const { lanes, stride, target, offset } = this;
    for (let k = 0; k < laneCount(stride); k++) {
      const packed = lanes[k] as number;
      const low = (packed << 16) >> 16;
      target[offset + 2 * k] = (target[offset + 2 * k] as number) + low;
      if (2 * k + 1 < stride) target[offset + 2 * k + 1] = (target[offset + 2 * k + 1] as number) + ((packed - low) >> 16);
      lanes[k] = 0;
    }
    this.bound = 0;
  }
}

/** Int32 words per bucket of the biased byte table: 4 classes a word. */
export function byteWordCount(stride: number): number {
  return (stride + 3) >> 2;
}

/**
 * The model's int8 table as biased bytes (weight + 128), 4 classes to an int32 word, byteWordCount(stride) words
 * per present bucket (padding bytes hold weight 0). Half the memory of the lanes above: a lookup is mostly a
 * cache miss, so the smaller table is the faster one.
 */
export function byteTableOf(model: LinearModel): Int32Array {
  let words = byteTables.get(model);
  if (!words) {
    const { values, stride } = model.table;
    const width = byteWordCount(stride);
    const buckets = values.length / stride;
    words = new Int32Array(buckets * width);
    for (let slot = 0; slot < buckets; slot++) {
      for (let j = 0; j < width; j++) {
        let word = 0;
        for (let b = 3; b >= 0; b--) {
          const c = 4 * j + b;
          word = word * 0x100 + (c < stride ? (values[slot * stride + c] as number) + INT8_MAGNITUDE : INT8_MAGNITUDE);
        }
        words[slot * width + j] = word | 0;
      }
    }
    byteTables.set(model, words);
  }
  return words;
}

const byteTables = new WeakMap<LinearModel, Int32Array>();

/** Biased bytes of at most 255 summed in an unsigned 16-bit lane. */
const BYTE_TERMS = 257;

/**
 * A running sum of byte-table words: per word the even bytes (classes 4j, 4j + 2) and the odd ones (4j + 1,
 * 4j + 3) in two accumulators of two unsigned 16-bit lanes, drained every BYTE_TERMS terms.
 */
export class ByteLaneSums {
  even = new Int32Array(4);
  odd = new Int32Array(4);
  terms = 0;
  private stride = 0;
  private target: Int32Array = new Int32Array(0);
  private offset = 0;

  begin(stride: number, target: Int32Array, offset: number): void {
    const width = byteWordCount(stride);
    if (width > this.even.length) {
      this.even = new Int32Array(width);
      this.odd = new Int32Array(width);
    }
    this.even.fill(0, 0, width);
    this.odd.fill(0, 0, width);
    this.terms = 0;
    this.stride = stride;
    this.target = target;
    this.offset = offset;
  }

  /** Add the words of one bucket, table[base, base + byteWordCount(stride)). */
  add(table: Int32Array, base: number): void {
    if (this.terms === BYTE_TERMS) this.drain();
    this.terms++;
    const { even, odd } = this;
    const width = byteWordCount(this.stride);
    for (let j = 0; j < width; j++) {
      const word = table[base + j] as number;
      even[j] = ((even[j] as number) + (word & 0x00ff00ff)) | 0;
      odd[j] = ((odd[j] as number) + ((word >>> 8) & 0x00ff00ff)) | 0;
    }
  }

  drain(): void {
    const { even, odd, stride, target, offset } = this;
    const bias = INT8_MAGNITUDE * this.terms;
    for (let c = 0; c < stride; c++) {
      // Byte b of word j: even bytes in `even`, odd ones in `odd`; bytes 0-1 in the low lanes, 2-3 in the high.
      const word = ((c & 1) === 0 ? even[c >> 2] : odd[c >> 2]) as number;
      const lane = (c & 2) === 0 ? word & 0xffff : word >>> 16;
      target[offset + c] = (target[offset + c] as number) + lane - bias;
    }
    even.fill(0);
    odd.fill(0);
    this.terms = 0;
  }
}
