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

/** `array` zeroed over [0, width), or a new one when it is shorter. */
function cleared(array: Int32Array, width: number): Int32Array {
  const out = width > array.length ? new Int32Array(width) : array;
  out.fill(0, 0, width);
  return out;
}

/** Where an accumulator's sums go: `stride` classes added to target[offset, offset + stride). */
class SumTarget {
  protected stride = 0;
  protected target: Int32Array = new Int32Array(0);
  protected offset = 0;

  protected aim(stride: number, target: Int32Array, offset: number): void {
    this.stride = stride;
    this.target = target;
    this.offset = offset;
  }
}

/**
 * A running sum in lanes (one per call site at a time: scoring is synchronous). `room(m)` before adding a term
 * of magnitude ≤ m unpacks first when the bound would pass LANE_LIMIT; `drain` adds the sums into plain integers.
 */
export class LaneSums extends SumTarget {
  lanes: Int32Array = new Int32Array(8);
  /** Upper bound of |sum| of any class in the lanes. */
  bound = 0;

  /** Start summing `stride` classes that will be added to target[offset, offset + stride). */
  begin(stride: number, target: Int32Array, offset: number): Int32Array {
    this.lanes = cleared(this.lanes, laneCount(stride));
    this.bound = 0;
    this.aim(stride, target, offset);
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
 * The model's int8 table viewed 4 classes to a little-endian int32 read (unaligned, in place: no copy at first
 * use, which for a re-laid table cost a cold worker 30-50 ms). A bucket's last read may take up to 3 bytes of the
 * next bucket; those land in lanes of classes ≥ stride, which are never read.
 */
export function byteViewOf(model: LinearModel): DataView {
  let view = byteViews.get(model);
  if (!view) {
    const { values } = model.table;
    view = new DataView(values.buffer, values.byteOffset, values.byteLength);
    byteViews.set(model, view);
  }
  return view;
}

const byteViews = new WeakMap<LinearModel, DataView>();

/** int8 → weight + 128 in each byte of a word. */
const BIAS_BYTES = 0x80808080;

/** Biased bytes of at most 255 summed in an unsigned 16-bit lane. */
const BYTE_TERMS = 257;

/**
 * A running sum of byte-table words: per word the even bytes (classes 4j, 4j + 2) and the odd ones (4j + 1,
 * 4j + 3) in two accumulators of two unsigned 16-bit lanes, drained every BYTE_TERMS terms.
 */
export class ByteLaneSums extends SumTarget {
  even: Int32Array = new Int32Array(4);
  odd: Int32Array = new Int32Array(4);
  terms = 0;

  /** Start summing `stride` classes that will be added to target[offset, offset + stride). */
  begin(stride: number, target: Int32Array, offset: number): void {
    this.even = cleared(this.even, byteWordCount(stride));
    this.odd = cleared(this.odd, byteWordCount(stride));
    this.terms = 0;
    this.aim(stride, target, offset);
  }

  /** Add the `stride` int8 weights of one bucket, starting at byte `at` of `view` (byteViewOf). */
  add(view: DataView, at: number): void {
    if (this.terms === BYTE_TERMS) this.drain();
    this.terms++;
    const { even, odd } = this;
    const width = byteWordCount(this.stride);
    if (at + 4 * width > view.byteLength) return this.addLast(view, at);
    for (let j = 0; j < width; j++) {
      const word = view.getInt32(at + 4 * j, true) ^ BIAS_BYTES;
      even[j] = ((even[j] as number) + (word & 0x00ff00ff)) | 0;
      odd[j] = ((odd[j] as number) + ((word >>> 8) & 0x00ff00ff)) | 0;
    }
  }

  /** The table's last bucket, whose last word would read past its end: byte by byte. */
  private addLast(view: DataView, at: number): void {
    for (let c = 0; c < this.stride; c++) {
      const biased = view.getInt8(at + c) + INT8_MAGNITUDE;
      const lanes = (c & 1) === 0 ? this.even : this.odd;
      lanes[c >> 2] = ((lanes[c >> 2] as number) + ((c & 2) === 0 ? biased : biased * 0x10000)) | 0;
    }
    // Classes past the stride get a weight-0 byte in every other term; their lanes are never read.
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
