import type { Reach } from '../../domain/post';
import { COMPACT_SUFFIXES, REACH_WORDS, type ReachMetric } from './selectors';
import { memoByString } from '../../util/memo';

/** Every UI language's count words by first character, longest first so "replies" wins over "reply". */
const WORDS_BY_FIRST = new Map<string, { word: string; metric: ReachMetric }[]>();
for (const byMetric of Object.values(REACH_WORDS)) {
  for (const [metric, words] of Object.entries(byMetric) as [ReachMetric, readonly string[]][]) {
    for (const raw of words) {
      const word = raw.toLowerCase();
      const list = WORDS_BY_FIRST.get(word.charAt(0)) ?? [];
      list.push({ word, metric });
      list.sort((a, b) => b.word.length - a.word.length);
      WORDS_BY_FIRST.set(word.charAt(0), list);
    }
  }
}

const multiplierBySuffix = new Map<string, number>();
for (const suffixes of Object.values(COMPACT_SUFFIXES)) {
  for (const [suffix, multiplier] of Object.entries(suffixes)) multiplierBySuffix.set(suffix.toLowerCase(), multiplier);
}
const SUFFIXES = [...multiplierBySuffix.keys()].sort((a, b) => b.length - a.length);

/** Every kind of space X puts in labels: regular, no-break (U+00A0), narrow no-break (U+202F), thin. */
const SPACES = /[\s\u00a0\u2009\u202f]+/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * Read a count as X prints it: "30142", "1,234", "1.234", "1 234", "1.2K", "3,4 M", "1,2 mil",
 * "1,2 Mio.", "1.2万". With a suffix the one separator is the decimal point; without one,
 * separators must group thousands. Returns undefined for anything else rather than guessing.
 */
export function parseCount(raw: string): number | undefined {
  // Most counts are plain digits ("30142"): up to 15 of them are always a safe integer.
  if (/^\d{1,15}$/.test(raw)) return Number(raw);
  const compact = raw.replace(SPACES, '');
  const match = /^(\d[\d.,]*)(\p{L}*)\.?$/u.exec(compact);
  if (!match) return undefined;
  const digits = match[1] ?? '';
  const suffix = (match[2] ?? '').toLowerCase();
  let multiplier = 1;
  if (suffix) {
    const known = multiplierBySuffix.get(suffix);
    if (known === undefined) return undefined;
    multiplier = known;
  }
  let value: number;
  if (/^\d+$/.test(digits)) {
    value = Number(digits);
  } else if (suffix && /^\d+[.,]\d+$/.test(digits)) {
    value = Number(digits.replace(',', '.'));
  } else if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(digits) || /^\d{1,2}(?:,\d{2})+,\d{3}$/.test(digits)) {
    // Groups of three, or the Indian lakh/crore grouping ("59,79,037").
    value = Number(digits.replace(/[.,]/g, ''));
  } else {
    return undefined;
  }
  const count = Math.round(value * multiplier);
  return Number.isSafeInteger(count) ? count : undefined;
}

/** Letters, digits, single spaces, commas and dots, not at the ends: nothing to normalise but case. */
const PLAIN_LABEL = /^[A-Za-z0-9,.]+(?: [A-Za-z0-9,.]+)*$/;

/** Lower case, one kind of space and apostrophe, no typographic quotes: „Gefällt mir“ → gefällt mir. */
function normalise(label: string): string {
  // English labels (most of them) need only lower case.
  if (PLAIN_LABEL.test(label)) return label.toLowerCase();
  return label
    .toLowerCase()
    .replace(SPACES, ' ')
    .replace(/[’‘`´]/g, "'")
    .replace(/[„“”"«»「」]/g, '')
    .trim();
}

/** A word ends here when the next character is not a letter or digit (CJK words need no boundary). */
function endsWordAt(text: string, index: number, word: string): boolean {
  const next = text.charAt(index);
  if (next === '') return true;
  const last = word.charAt(word.length - 1);
  return !LATIN_LETTER.test(last) || !LETTER_OR_DIGIT.test(next);
}

/** The compact suffix at `index` ("k", "mil", "mio", "万"), with the dot some languages put after it. */
function suffixAt(text: string, index: number): { suffix: string; end: number } | null {
  for (const suffix of SUFFIXES) {
    if (!text.startsWith(suffix, index) || !endsWordAt(text, index + suffix.length, suffix)) continue;
    const end = index + suffix.length;
    return { suffix, end: text.charAt(end) === '.' ? end + 1 : end };
  }
  return null;
}

/**
 * One normalised "<count> <word>" phrase → metric and count: "152 reposts", "3,4 M likes", "1,2 k J’aime",
 * "1.2万件の表示", "10 個喜歡。喜歡", "48 Replies. Reply". Text after the word is ignored, so a
 * button's label ("… Reply") reads like the bar's phrase.
 */
function parsePhrase(text: string): ParsedPhrase | null {
  const number = /^\d[\d.,' ]*/
    .exec(text)?.[0]
    .trimEnd()
    .replace(/[.,' ]+$/, '');
  if (!number) return null;
  // Counts differ from post to post, what follows them hardly does ("k likes", " reposts"):
  // the words are looked up once per wording, the number is read each time.
  const words = wordsOfTail(text.slice(number.length));
  if (!words) return null;
  const count = parseCount(number + words.suffix);
  return count === undefined ? null : { metric: words.metric, count, rounded: words.suffix !== '' };
}

/** `rounded`: written with a compact suffix ("1,2 mil", "1.2万"), so not the exact count. */
type ParsedPhrase = { metric: ReachMetric; count: number; rounded: boolean };
/** What follows a count: the compact suffix, if any ("k", "万"), and the metric its word names. */
type PhraseWords = { suffix: string; metric: ReachMetric };

/** The suffix and metric word after a count ("k likes" → k, likes; " 件の返信" → replies). */
const wordsOfTail = memoByString(wordsOf, 500);

function wordsOf(tail: string): PhraseWords | null {
  let index = 0;
  while (tail.charAt(index) === ' ') index += 1;
  const compact = suffixAt(tail, index);
  if (compact) index = compact.end;
  const rest = tail.slice(index).replace(/^[\s\-:.]+/, '');
  const found = WORDS_BY_FIRST.get(rest.charAt(0))?.find(({ word }) => rest.startsWith(word) && endsWordAt(rest, word.length, word));
  return found ? { suffix: compact?.suffix ?? '', metric: found.metric } : null;
}

/**
 * Parse the action bar's aria-label in any listed UI language:
 * "48 replies, 152 reposts, 553 likes, 9 bookmarks, 30142 views",
 * "1 件の返信、1 件のリポスト、20 件のいいね、1 件のブックマーク、6366 件の表示".
 * Phrases are separated by a comma (or Arabic comma / semicolon) followed by a space, or by an
 * ideographic comma, so "1,234 likes" stays one phrase. Unknown phrases (bookmarks) are skipped.
 * Read two ways in one pass: `any` takes each metric's first phrase; `exact` its first phrase
 * without a compact suffix (a rounded "1,2 mil" is left to the buttons).
 */
export function readReachLabel(label: string): { any: Reach; exact: Reach } {
  const any: Reach = {};
  const exact: Reach = {};
  for (const phrase of normalise(label).split(/[、，；]|[,،;] /)) {
    const parsed = parsePhrase(phrase);
    if (!parsed) continue;
    if (any[parsed.metric] === undefined) any[parsed.metric] = parsed.count;
    if (exact[parsed.metric] === undefined && !parsed.rounded) exact[parsed.metric] = parsed.count;
  }
  return { any, exact };
}

/** Parse one action button's label ("48 Replies. Reply", "2596467 views. View post analytics", "10 個喜歡。喜歡"). */
export function parseButtonLabel(label: string): { metric: ReachMetric; count: number } | null {
  const parsed = parsePhrase(normalise(label));
  return parsed && { metric: parsed.metric, count: parsed.count };
}

/** Arabic-Indic and Persian digits, and the Arabic thousands and decimal marks, as ASCII. */
function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code === 0x066b) return '.';
    if (code === 0x066c) return ',';
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** A number as labels print it: digits, with thousands groups or a decimal part ("17.002", "1 234", "1,2"). */
const NUMBER = /\d(?:[\d.,' ]*\d)?/g;

/**
 * The one count in a label, whatever its words and their order, in any UI language:
 * "17002 Respostas. Resposta", "답글 17,002개. 답글", "48 条回复。回复", "٤٨ ردًا" (Arabic digits),
 * "1,2 mil Curtidas" (a compact suffix X knows). Undefined when the label holds no number or
 * more than one (it then says something else than one count).
 */
export const countInLabel: (label: string) => number | undefined = memoByString(parseCountInLabel, 2_000);

/** countInLabel's work; labels repeat from post to post ("Reply", "3 Replies. Reply"), so each is parsed once. */
function parseCountInLabel(label: string): number | undefined {
  const text = westernDigits(label).replace(SPACES, ' ').toLowerCase();
  const numbers = [...text.matchAll(NUMBER)];
  const [match] = numbers;
  if (numbers.length !== 1 || !match) return undefined;
  const number = match[0].replace(/[.,' ]+$/, '');
  const after = match.index + match[0].length;
  const compact = suffixAt(text, after + (text.charAt(after) === ' ' ? 1 : 0));
  return (compact ? parseCount(number + compact.suffix) : undefined) ?? parseCount(number);
}

/** The counts of the action bar's aria-label, phrase by phrase, in the bar's order (words ignored). */
export function countsInBar(label: string): (number | undefined)[] {
  return westernDigits(label)
    .split(/[、，；]|[,،;] /)
    .map((phrase) => countInLabel(phrase));
}
