/**
 * Text folding for brand matching: compatibility forms (NFKC/NFKD: "ＡＣＭＥ", "𝐀𝐜𝐦𝐞", "ﬁ"),
 * case folding, accents stripped ("Àcmé" → "acme"), invisible format characters dropped
 * (zero-width joiners, bidi marks, soft hyphens) and whitespace runs collapsed to one space.
 *
 * Folding works one code point at a time so every folded unit keeps the offsets of the code
 * point it came from: matches found in the folded text map back to exact ranges of the post.
 */
export interface FoldedText {
  /** The folded text matching runs on. */
  readonly text: string;
  /** For each UTF-16 unit of `text`: where its source code point starts in the original. */
  readonly starts: Uint32Array;
  /** For each UTF-16 unit of `text`: where its source code point ends in the original. */
  readonly ends: Uint32Array;
}

const MARKS_AND_FORMAT = /[\p{M}\p{Cf}]/gu;
const WHITESPACE = /^\s+$/u;
const MAX_CACHE = 20_000;
const foldCache = new Map<string, string>();

/** Fold one code point (may yield "", one or several characters: "ß" → "ss", "ﬁ" → "fi"). */
export function foldCodePoint(codePoint: string): string {
  const cached = foldCache.get(codePoint);
  if (cached !== undefined) return cached;
  let folded = codePoint.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS_AND_FORMAT, '');
  // Full case folding beyond toLowerCase for the letters brand names meet in practice.
  folded = folded.replace(/ß/g, 'ss').replace(/ς/g, 'σ');
  if (WHITESPACE.test(folded)) folded = ' ';
  folded = folded.normalize('NFC');
  if (foldCache.size >= MAX_CACHE) foldCache.clear();
  foldCache.set(codePoint, folded);
  return folded;
}

export function foldText(original: string): FoldedText {
  // Folding never yields more than a few units per code point; size generously, then trim.
  let starts = new Uint32Array(original.length + 8);
  let ends = new Uint32Array(original.length + 8);
  let text = '';
  let length = 0;
  let offset = 0;
  for (const codePoint of original) {
    const end = offset + codePoint.length;
    const code = codePoint.charCodeAt(0);
    let folded: string;
    if (code < 0x80) {
      folded = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : codePoint;
      if (code === 9 || code === 10 || code === 13 || code === 12 || code === 11) folded = ' ';
    } else {
      folded = foldCodePoint(codePoint);
    }
    // Collapse whitespace runs so "Acme  Air" and "Acme\nAir" match the alias "Acme Air".
    if (folded === ' ' && (length === 0 || text.charCodeAt(length - 1) === 32)) folded = '';
    if (folded) {
      if (length + folded.length > starts.length) {
        const grow = (array: Uint32Array) => {
          const bigger = new Uint32Array((array.length + folded.length) * 2);
          bigger.set(array);
          return bigger;
        };
        starts = grow(starts);
        ends = grow(ends);
      }
      for (let unit = 0; unit < folded.length; unit += 1) {
        starts[length + unit] = offset;
        ends[length + unit] = end;
      }
      text += folded;
      length += folded.length;
    }
    offset = end;
  }
  return { text, starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

/** Fold a configured term the same way (no offsets needed); trims the edges. */
export function foldTerm(term: string): string {
  return foldText(term).text.trim();
}
