/**
 * Text folding for brand matching: compatibility forms (NFKC/NFKD: "ＡＣＭＥ", "𝐀𝐜𝐦𝐞", "ﬁ"),
 * case folding, accents stripped ("Àcmé" → "acme"), invisible format characters dropped
 * (zero-width joiners, bidi marks, soft hyphens) and whitespace runs collapsed to one space.
 *
 * Folding works one code point at a time so every folded unit keeps the offsets of the code
 * point it came from: matches found in the folded text map back to exact ranges of the post.
 */

import { memoByString } from '../util/memo';

export interface FoldedText {
  /** The folded text matching runs on. */
  readonly text: string;
  /**
   * For each UTF-16 unit of `text`: where its source code point starts in the original. Absent
   * for a plain text folded unit for unit (unit i came from unit i): most posts, which then
   * allocate no tables.
   */
  readonly starts?: Uint32Array;
  /** For each UTF-16 unit of `text`: where its source code point ends in the original (absent as above). */
  readonly ends?: Uint32Array;
}

const MARKS_AND_FORMAT = /[\p{M}\p{Cf}]/gu;
const WHITESPACE = /^\s+$/u;
const MAX_CACHE = 20_000;
/** Fold one code point (may yield "", one or several characters: "ß" → "ss", "ﬁ" → "fi"). */
export const foldCodePoint: (codePoint: string) => string = memoByString(foldUncached, MAX_CACHE);

function foldUncached(codePoint: string): string {
  let folded = codePoint.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS_AND_FORMAT, '');
  // Full case folding beyond toLowerCase for the letters brand names meet in practice.
  folded = folded.replace(/ß/g, 'ss').replace(/ς/g, 'σ');
  if (WHITESPACE.test(folded)) folded = ' ';
  return folded.normalize('NFC');
}

/** Longest run of units turned into a string at once (keeps spread arguments well under engine limits). */
const DECODE_CHUNK = 8_192;

function decodeUnits(units: Uint16Array, length: number): string {
  let text = '';
  for (let start = 0; start < length; start += DECODE_CHUNK) {
    text += String.fromCharCode.apply(null, units.subarray(start, Math.min(length, start + DECODE_CHUNK)) as unknown as number[]);
  }
  return text;
}

/** Printable ASCII with single spaces, not starting with one: folding only lowers the case. */
const PLAIN_ASCII = /^(?:[!-~]| (?! ))*$/;

/** Where folded unit `unit` starts in the original text. */
export function sourceStart(folded: FoldedText, unit: number): number {
  return folded.starts ? (folded.starts[unit] ?? 0) : unit;
}

/** Where folded unit `unit` ends in the original text. */
export function sourceEnd(folded: FoldedText, unit: number): number {
  return folded.ends ? (folded.ends[unit] ?? unit + 1) : unit + 1;
}

export function foldText(original: string): FoldedText {
  if (original.length > 0 && original.charCodeAt(0) !== 32 && PLAIN_ASCII.test(original)) {
    return { text: original.toLowerCase() };
  }
  // Folding never yields more than a few units per code point; size generously, grow if needed.
  let capacity = original.length + 8;
  let units = new Uint16Array(capacity);
  let starts = new Uint32Array(capacity);
  let ends = new Uint32Array(capacity);
  let length = 0;
  const reserve = (extra: number) => {
    if (length + extra <= capacity) return;
    capacity = (capacity + extra) * 2;
    const grow = <T extends Uint16Array | Uint32Array>(array: T, make: (size: number) => T): T => {
      const bigger = make(capacity);
      bigger.set(array);
      return bigger;
    };
    units = grow(units, (size) => new Uint16Array(size));
    starts = grow(starts, (size) => new Uint32Array(size));
    ends = grow(ends, (size) => new Uint32Array(size));
  };

  for (let offset = 0; offset < original.length;) {
    const code = original.charCodeAt(offset);
    if (code < 0x80) {
      // ASCII, most of every post: fold without building strings.
      let unit = code >= 65 && code <= 90 ? code + 32 : code;
      if (unit === 9 || unit === 10 || unit === 11 || unit === 12 || unit === 13) unit = 32;
      // Collapse whitespace runs so "Acme  Air" and "Acme\nAir" match the alias "Acme Air".
      if (unit !== 32 || (length > 0 && units[length - 1] !== 32)) {
        reserve(1);
        units[length] = unit;
        starts[length] = offset;
        ends[length] = offset + 1;
        length += 1;
      }
      offset += 1;
      continue;
    }
    const codePoint = String.fromCodePoint(original.codePointAt(offset) ?? code);
    const end = offset + codePoint.length;
    let folded = foldCodePoint(codePoint);
    if (folded === ' ' && (length === 0 || units[length - 1] === 32)) folded = '';
    reserve(folded.length);
    for (let unit = 0; unit < folded.length; unit += 1) {
      units[length] = folded.charCodeAt(unit);
      starts[length] = offset;
      ends[length] = end;
      length += 1;
    }
    offset = end;
  }
  return { text: decodeUnits(units, length), starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

/** Fold a configured term the same way (no offsets needed); trims the edges. */
export function foldTerm(term: string): string {
  return foldText(term).text.trim();
}
