import type { Reach } from '../../domain/post';
import { COMPACT_SUFFIXES, REACH_WORDS, type ReachMetric } from './selectors';

const metricByWord = new Map<string, ReachMetric>();
for (const words of Object.values(REACH_WORDS)) {
  for (const [metric, list] of Object.entries(words) as [ReachMetric, readonly string[]][]) {
    for (const word of list) metricByWord.set(word.toLowerCase(), metric);
  }
}

const multiplierBySuffix = new Map<string, number>();
for (const suffixes of Object.values(COMPACT_SUFFIXES)) {
  for (const [suffix, multiplier] of Object.entries(suffixes)) multiplierBySuffix.set(suffix.toLowerCase(), multiplier);
}

const SPACES = /[\s\u00a0\u202f]+/g;

/**
 * Read a count as X prints it: "30142", "1,234", "1.234", "1.2K", "3,4 M", "25K".
 * With a suffix the one separator is the decimal point; without one, separators must group
 * thousands. Returns undefined for anything else rather than guessing.
 */
export function parseCount(raw: string): number | undefined {
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
  } else if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(digits)) {
    value = Number(digits.replace(/[.,]/g, ''));
  } else {
    return undefined;
  }
  const count = Math.round(value * multiplier);
  return Number.isSafeInteger(count) ? count : undefined;
}

/** One "<count> <word>" phrase ("152 reposts", "3,4 M likes") → metric and count. */
function parsePhrase(phrase: string): { metric: ReachMetric; count: number } | null {
  const tokens = phrase.trim().split(SPACES).filter(Boolean);
  const numberAt = tokens.findIndex((token) => /^\d/.test(token));
  if (numberAt < 0) return null;
  let numberText = tokens[numberAt] ?? '';
  let wordAt = numberAt + 1;
  const next = tokens[wordAt];
  if (next !== undefined && multiplierBySuffix.has(next.toLowerCase().replace(/\.$/, ''))) {
    numberText += next;
    wordAt += 1;
  }
  const word = tokens[wordAt]?.toLowerCase().replace(/[.:]$/, '');
  const metric = word === undefined ? undefined : metricByWord.get(word);
  const count = parseCount(numberText);
  if (metric === undefined || count === undefined) return null;
  return { metric, count };
}

/**
 * Parse the action bar's aria-label ("48 replies, 152 reposts, 553 likes, 9 bookmarks, 30142 views").
 * Phrases are separated by a comma (or Arabic comma / semicolon) followed by a space, so
 * "1,234 likes" stays one phrase. Unknown phrases (bookmarks) are skipped.
 */
export function parseReachLabel(label: string): Reach {
  const reach: Reach = {};
  for (const phrase of label.split(/[,،;]\s+/)) {
    const parsed = parsePhrase(phrase);
    if (parsed && reach[parsed.metric] === undefined) reach[parsed.metric] = parsed.count;
  }
  return reach;
}

/** Parse one action button's label ("48 Replies. Reply", "2596467 views. View post analytics"). */
export function parseButtonLabel(label: string): { metric: ReachMetric; count: number } | null {
  const firstSentence = label.split(/\.\s/)[0] ?? '';
  return parsePhrase(firstSentence);
}
