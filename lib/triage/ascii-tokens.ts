/**
 * A hand-written scanner with exactly the matches of text.ts's TOKEN_RE on printable-ASCII text (most posts), in
 * one pass over the char codes: no regular expression and no match objects. At each position it tries the same
 * alternatives in the same order as the expression; a position where none matches is skipped, as `exec` does.
 * text.test.ts checks it token for token against the expression on every corpus in data/.
 */

/** Token kinds: the capture group of TOKEN_RE each corresponds to (7, emoji, has no ASCII member). */
export const KIND_URL = 1;
export const KIND_HANDLE = 2;
export const KIND_HASHTAG = 3;
export const KIND_EMOTICON = 4;
export const KIND_NUMBER = 5;
export const KIND_WORD = 6;
export const KIND_MARKS = 8;
export const KIND_BOUNDARY = 9;

/** The scanned spans, three integers each (kind, start, end), valid up to the count scanAsciiTokens returns. */
export let asciiSpans = new Int32Array(3 * 256);

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const APOSTROPHE = 39;

/** Tab, line feed, carriage return and printable ASCII only (what the scanner handles), as normalizeText's test. */
export function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 126 || (c < SPACE && c !== TAB && c !== LF && c !== CR)) return false;
  }
  return true;
}

// Character classes as bits of one table lookup (index 0 stands for "past the end": no class).
const LETTER = 1;
const DIGIT = 2;
const HANDLE = 4; // letter, digit or _
const SPACE_CLASS = 8; // \s among the characters isPlainAscii lets through
const MARK = 16; // ! ?
const BOUNDARY = 32; // . , ; :
const EYES_END = 64; // the emoticon's last character: ()[]dpo/\|*$
const NUMBER_SEPARATOR = 128; // . , : /
const CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let bits = 0;
  if (/[a-z]/i.test(ch)) bits |= LETTER | HANDLE;
  if (/[0-9]/.test(ch)) bits |= DIGIT | HANDLE;
  if (ch === '_') bits |= HANDLE;
  if (c === SPACE || c === TAB || c === LF || c === CR) bits |= SPACE_CLASS;
  if ('!?'.includes(ch)) bits |= MARK;
  if ('.,;:'.includes(ch)) bits |= BOUNDARY;
  if ('()[]dpo/\\|*$'.includes(ch)) bits |= EYES_END;
  if ('.,:/'.includes(ch)) bits |= NUMBER_SEPARATOR;
  CLASSES[c] = bits;
}
const ALNUM = LETTER | DIGIT;

/** The class bits of the character at `i` (0 past the end). The text is plain ASCII, so codes are < 128. */
function classAt(text: string, i: number): number {
  return i < text.length ? (CLASSES[text.charCodeAt(i)] as number) : 0;
}

/** The code at `i`, 0 past the end. */
function codeAt(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : 0;
}

/** End of the run of characters with any of `bits` from `i`. */
function runEnd(text: string, i: number, bits: number): number {
  let j = i;
  while (j < text.length && ((CLASSES[text.charCodeAt(j)] as number) & bits) !== 0) j++;
  return j;
}

/** End of the run of non-space characters from `i`. */
function nonSpaceEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && ((CLASSES[text.charCodeAt(j)] as number) & SPACE_CLASS) === 0) j++;
  return j;
}

/** End of a URL starting at `i` (https?://\S+ or www\.\S+), or -1. */
function urlEnd(text: string, i: number): number {
  let body = -1;
  if (text.startsWith('http://', i)) body = i + 7;
  else if (text.startsWith('https://', i)) body = i + 8;
  else if (text.startsWith('www.', i)) body = i + 4;
  if (body < 0 || body >= text.length || (classAt(text, body) & SPACE_CLASS) !== 0) return -1;
  return nonSpaceEnd(text, body);
}

/** `(?![\p{L}\p{N}])` at `i`. */
function notAlnumAt(text: string, i: number): boolean {
  return (classAt(text, i) & ALNUM) === 0;
}

/** `[:;=]'?-?[()[\]dpo/\\|*$]` then no letter or digit, trying the optional parts greedily first, as the expression backtracks. */
function eyesEnd(text: string, i: number): number {
  const quote = codeAt(text, i + 1) === APOSTROPHE ? 1 : 0;
  for (let q = quote; q >= 0; q--) {
    const dash = codeAt(text, i + 1 + q) === 45 ? 1 : 0;
    for (let d = dash; d >= 0; d--) {
      const last = i + 1 + q + d;
      if ((classAt(text, last) & EYES_END) !== 0 && notAlnumAt(text, last + 1)) return last + 1;
    }
  }
  return -1;
}

/** End of an emoticon starting at `i` (TOKEN_RE group 4), or -1. */
function emoticonEnd(text: string, i: number, c: number): number {
  if (i > 0 && (classAt(text, i - 1) & ALNUM) !== 0) return -1;
  const next = codeAt(text, i + 1);
  if (c === 58 || c === 59 || c === 61) return eyesEnd(text, i);
  if (c === 60) return next === 51 && notAlnumAt(text, i + 2) ? i + 2 : -1; // <3
  if (c === 41) return (next === 58 || next === 59) && notAlnumAt(text, i + 2) ? i + 2 : -1; // ):
  // (: or ( : — \s? is greedy, so the form with a space is tried first.
  if ((classAt(text, i + 1) & SPACE_CLASS) !== 0 && codeAt(text, i + 2) === 58 && notAlnumAt(text, i + 3)) return i + 3;
  return next === 58 && notAlnumAt(text, i + 2) ? i + 2 : -1;
}

/** Whether an emoticon can start with code `c`: : ; = < ) ( */
const startsEmoticon = (c: number) => c === 58 || c === 59 || c === 61 || c === 60 || c === 41 || c === 40;

/** Digits, then any number of [.,:/] + digits. */
function numberEnd(text: string, i: number): number {
  let j = runEnd(text, i, DIGIT);
  while ((classAt(text, j) & NUMBER_SEPARATOR) !== 0 && (classAt(text, j + 1) & DIGIT) !== 0) j = runEnd(text, j + 1, DIGIT);
  return j;
}

/** Letters, then any number of ' + letters. */
function wordEnd(text: string, i: number): number {
  let j = runEnd(text, i, LETTER);
  while (codeAt(text, j) === APOSTROPHE && (classAt(text, j + 1) & LETTER) !== 0) j = runEnd(text, j + 1, LETTER);
  return j;
}

/** The match starting at `i` as end × 16 + kind (no tuple per match), or 0 when no alternative matches there. */
function matchAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const bits = CLASSES[c] as number;
  if (c === 104 || c === 119) {
    const end = urlEnd(text, i);
    if (end > 0) return end * 16 + KIND_URL;
  }
  if ((c === 64 || c === 35) && (classAt(text, i + 1) & HANDLE) !== 0)
    return runEnd(text, i + 1, HANDLE) * 16 + (c === 64 ? KIND_HANDLE : KIND_HASHTAG);
  if (startsEmoticon(c)) {
    const end = emoticonEnd(text, i, c);
    if (end > 0) return end * 16 + KIND_EMOTICON;
  }
  if ((bits & DIGIT) !== 0) return numberEnd(text, i) * 16 + KIND_NUMBER;
  if ((bits & LETTER) !== 0) return wordEnd(text, i) * 16 + KIND_WORD;
  if ((bits & MARK) !== 0) return runEnd(text, i, MARK) * 16 + KIND_MARKS;
  if ((bits & BOUNDARY) !== 0) return runEnd(text, i, BOUNDARY) * 16 + KIND_BOUNDARY;
  return 0;
}

/** Scan plain-ASCII `text` (isPlainAscii) into asciiSpans; returns the number of spans. */
export function scanAsciiTokens(text: string): number {
  let count = 0;
  let i = 0;
  while (i < text.length) {
    const packed = matchAt(text, i);
    if (packed === 0) {
      i++;
      continue;
    }
    const end = packed >>> 4;
    if (3 * count + 3 > asciiSpans.length) {
      const grown = new Int32Array(asciiSpans.length * 2);
      grown.set(asciiSpans);
      asciiSpans = grown;
    }
    asciiSpans[3 * count] = packed & 15;
    asciiSpans[3 * count + 1] = i;
    asciiSpans[3 * count + 2] = end;
    count++;
    i = end;
  }
  return count;
}
