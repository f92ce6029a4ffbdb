/**
 * Text normalisation and tokenisation shared by model training and inference: any change here
 * changes the features, so the shipped models must be retrained (scripts/triage/train-complaint-model.ts).
 */

import {
  asciiSpans,
  isPlainAscii,
  KIND_EMOTICON,
  KIND_HANDLE,
  KIND_HASHTAG,
  KIND_NUMBER,
  KIND_URL,
  KIND_WORD,
  KIND_BOUNDARY,
  scanAsciiTokens,
} from './ascii-tokens';

/** Placeholder tokens. They contain "<", which the tokenizer never emits, so page text cannot forge them. */
export const URL_TOKEN = '<url>';
export const USER_TOKEN = '<user>';
export const BRAND_TOKEN = '<brand>';
export const NUMBER_TOKEN = '<num>';
/** Clause boundary (. , ; :) kept so features can scope negation; never a unigram feature. */
export const BOUNDARY_TOKEN = '.';

const HTML_ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&nbsp;': ' ',
};
const HTML_ENTITY_RE = /&(?:amp|lt|gt|quot|#39|apos|nbsp);/g;
const SMART_QUOTE_RE = /[\u2018\u2019\u201a\u201b\u2032\u00b4`]|[\u201c\u201d\u201e\u201f\u2033]/g;
// Only Latin-style accents (Combining Diacritical Marks) are stripped: other scripts' marks carry meaning.
const LATIN_ACCENT_RE = /[\u0300-\u036f]/g;
// Variation selectors and zero-width characters only change how emoji/letters are drawn.
const INVISIBLE_RE = /[\ufe00-\ufe0f\u200b\u200c\u200e\u200f\u2060\ufeff]/g;
const ASCII_RE = /^[\t\n\r\x20-\x7e]*$/;

/**
 * NFKC, HTML-entity decoding (scraped text often carries `&amp;`), straight quotes, lower case,
 * Latin accents stripped ("café" → "cafe"), invisible characters removed.
 */
export function normalizeText(text: string): string {
  let out = text.replace(HTML_ENTITY_RE, (entity) => HTML_ENTITIES[entity] ?? entity);
  if (!ASCII_RE.test(out)) {
    out = out
      .normalize('NFKC')
      .replace(SMART_QUOTE_RE, (quote) => ((quote >= '\u201c' && quote <= '\u201f') || quote === '\u2033' ? '"' : "'"))
      .normalize('NFD')
      .replace(LATIN_ACCENT_RE, '')
      .replace(INVISIBLE_RE, '')
      .normalize('NFC');
  }
  return out.toLowerCase();
}

/** Brand terms compiled for masking: names/aliases as word sequences, handles, and compact forms for tags. */
export interface BrandMatcher {
  /** First word → word sequences starting with it, longest first. */
  readonly phrases: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Handles without "@", lower-cased. */
  readonly handles: ReadonlySet<string>;
  /** Brand names with spaces removed ("jetblue"), longest first, for hashtags and handles. */
  readonly compact: readonly string[];
}

export const EMPTY_BRAND_MATCHER: BrandMatcher = { phrases: new Map(), handles: new Set(), compact: [] };

// Shorter compact forms ("aa", "vx") would mask unrelated hashtags such as #aaa or #vxlan.
const MIN_COMPACT_LENGTH = 4;

/**
 * Compile brand terms ("Acme", "Acme Air", "@AcmeHelp", "#acme") for `tokenize`.
 * Names match whole words; handles and hashtags that contain a brand name are masked too.
 */
export function createBrandMatcher(terms: readonly string[]): BrandMatcher {
  const phrases = new Map<string, string[][]>();
  const handles = new Set<string>();
  const compact = new Set<string>();
  for (const raw of terms) {
    const term = normalizeText(raw).trim();
    if (term.startsWith('@') || term.startsWith('#')) {
      const body = term.slice(1).replace(/[^\p{L}\p{N}_]/gu, '');
      if (!body) continue;
      if (term.startsWith('@')) handles.add(body);
      if (body.length >= MIN_COMPACT_LENGTH) compact.add(body);
      continue;
    }
    const words = tokenize(term).filter((token) => !token.startsWith('<') && token !== BOUNDARY_TOKEN);
    const first = words[0];
    if (first === undefined) continue;
    const list = phrases.get(first) ?? [];
    if (!list.some((existing) => existing.join(' ') === words.join(' '))) list.push(words);
    phrases.set(first, list);
    const joined = words.join('');
    if (joined.length >= MIN_COMPACT_LENGTH) compact.add(joined);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.length - a.length);
  return { phrases, handles, compact: [...compact].sort((a, b) => b.length - a.length) };
}

const TOKEN_RE = new RegExp(
  [
    String.raw`(https?:\/\/\S+|www\.\S+)`, // 1 URL
    String.raw`@([\p{L}\p{N}_]+)`, // 2 handle
    String.raw`#([\p{L}\p{N}_]+)`, // 3 hashtag
    String.raw`((?<![\p{L}\p{N}])(?:[:;=]'?-?[()[\]dpo/\\|*$]|<3|\)[:;]|\(\s?:)(?![\p{L}\p{N}]))`, // 4 emoticon
    String.raw`(\p{N}+(?:[.,:/]\p{N}+)*)`, // 5 number, time, date
    String.raw`([\p{L}\p{M}]+(?:'\p{L}+)*)`, // 6 word (with inner apostrophes)
    String.raw`(\p{Extended_Pictographic}|\p{Regional_Indicator}{2})`, // 7 emoji
    String.raw`([!?]+)`, // 8 kept punctuation
    String.raw`([.,;:]+)`, // 9 clause boundary
  ].join('|'),
  'gu',
);

const HAPPY_EMOTICON = /^(?:[:;=]'?-?[)dp*]|<3|\([:;]|\(\s:)$/;

function emoticonToken(raw: string): string {
  if (raw === '<3') return '<3';
  return HAPPY_EMOTICON.test(raw) ? ':)' : ':(';
}

function containsBrand(body: string, brands: BrandMatcher): string | undefined {
  for (const name of brands.compact) {
    if (body.includes(name)) return name;
  }
  return undefined;
}

/** Replace every brand name inside a hashtag body: "unitedfail" → "<brand>fail". */
function maskCompact(body: string, brands: BrandMatcher): string {
  let out = body;
  for (const name of brands.compact) {
    if (out.includes(name)) out = out.split(name).join(BRAND_TOKEN);
  }
  return out;
}

/**
 * Tokens of already-normalised text (see `normalizeText`): words (apostrophes dropped: "don't" → "dont",
 * possessive "'s" removed), URL/@handle/number placeholders, brand placeholder, "#tag" tokens, emoji
 * and emoticons as tokens, "!"/"?" runs, and clause boundaries. Linear time in the text length.
 * Plain-ASCII text (most posts) is scanned by hand (ascii-tokens.ts, the same matches as TOKEN_RE).
 */
export function tokenize(normalized: string, brands: BrandMatcher = EMPTY_BRAND_MATCHER): string[] {
  return maskBrandPhrases(isPlainAscii(normalized) ? asciiTokens(normalized, brands) : regexTokens(normalized, brands), brands);
}

/** `tokenize` through TOKEN_RE alone, whatever the text (the reference the ASCII scanner is tested against). */
export function expressionTokens(normalized: string, brands: BrandMatcher = EMPTY_BRAND_MATCHER): string[] {
  return maskBrandPhrases(regexTokens(normalized, brands), brands);
}

function regexTokens(normalized: string, brands: BrandMatcher): string[] {
  const tokens: string[] = [];
  TOKEN_RE.lastIndex = 0;
  // An exec loop, not matchAll: the same matches (no alternative matches empty) without cloning the
  // expression and an iterator per post.
  let match: RegExpExecArray | null;
  while ((match = TOKEN_RE.exec(normalized)) !== null) {
    if (match[1] !== undefined) tokens.push(URL_TOKEN);
    else if (match[2] !== undefined) tokens.push(handleToken(match[2], brands));
    else if (match[3] !== undefined) tokens.push(hashtagToken(match[3], brands));
    else if (match[4] !== undefined) tokens.push(emoticonToken(match[4]));
    else if (match[5] !== undefined) tokens.push(NUMBER_TOKEN);
    else if (match[6] !== undefined) tokens.push(wordToken(match[6]));
    else if (match[7] !== undefined) tokens.push(match[7]);
    else if (match[8] !== undefined) tokens.push(marksToken(match[8]));
    else if (tokens.length > 0 && tokens[tokens.length - 1] !== BOUNDARY_TOKEN) tokens.push(BOUNDARY_TOKEN);
  }
  return tokens;
}

/** The same tokens from the ASCII scanner's spans (kinds are TOKEN_RE's group numbers). */
function asciiTokens(normalized: string, brands: BrandMatcher): string[] {
  const tokens: string[] = [];
  const count = scanAsciiTokens(normalized);
  const spans = asciiSpans;
  for (let k = 0; k < 3 * count; k += 3) {
    const kind = spans[k] as number;
    const start = spans[k + 1] as number;
    const end = spans[k + 2] as number;
    if (kind === KIND_WORD) tokens.push(wordToken(normalized.slice(start, end)));
    else if (kind === KIND_BOUNDARY) {
      if (tokens.length > 0 && tokens[tokens.length - 1] !== BOUNDARY_TOKEN) tokens.push(BOUNDARY_TOKEN);
    } else if (kind === KIND_HANDLE) tokens.push(handleToken(normalized.slice(start + 1, end), brands));
    else if (kind === KIND_URL) tokens.push(URL_TOKEN);
    else if (kind === KIND_NUMBER) tokens.push(NUMBER_TOKEN);
    else if (kind === KIND_HASHTAG) tokens.push(hashtagToken(normalized.slice(start + 1, end), brands));
    else if (kind === KIND_EMOTICON) tokens.push(emoticonToken(normalized.slice(start, end)));
    else tokens.push(marksToken(normalized.slice(start, end)));
  }
  return tokens;
}

/** A word without apostrophes: "don't" → "dont", possessive "'s" removed. */
function wordToken(raw: string): string {
  const word = raw.endsWith("'s") ? raw.slice(0, -2) : raw;
  return word.includes("'") ? word.replaceAll("'", '') : word;
}

function handleToken(handle: string, brands: BrandMatcher): string {
  return brands.handles.has(handle) || containsBrand(handle, brands) ? BRAND_TOKEN : USER_TOKEN;
}

function hashtagToken(body: string, brands: BrandMatcher): string {
  return `#${maskCompact(body, brands)}`;
}

/** "!", "?", or "!!" / "??" for a run. */
function marksToken(marks: string): string {
  const kind = marks.includes('?') ? '?' : '!';
  return marks.length > 1 ? kind + kind : kind;
}

function maskBrandPhrases(tokens: string[], brands: BrandMatcher): string[] {
  if (brands.phrases.size === 0) return tokens;
  // Most posts name no brand phrase: keep the token list as it is, no copy.
  const first = tokens.findIndex((token) => brands.phrases.has(token));
  if (first < 0) return tokens;
  const out: string[] = tokens.slice(0, first);
  for (let i = first; i < tokens.length;) {
    const token = tokens[i] as string;
    const candidates = brands.phrases.get(token);
    let matched = 0;
    if (candidates) {
      for (const phrase of candidates) {
        if (phrase.every((word, k) => tokens[i + k] === word)) {
          matched = phrase.length;
          break;
        }
      }
    }
    if (matched > 0) {
      // "@acme Acme" → one brand mention, not two.
      if (out[out.length - 1] !== BRAND_TOKEN) out.push(BRAND_TOKEN);
      i += matched;
    } else {
      out.push(token);
      i++;
    }
  }
  return out;
}
