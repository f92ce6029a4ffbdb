/** Text → tokens + cues: the one preprocessing path for complaint/category training and inference. */
import { findComplaintCues, type CueMatch } from './cues';
import { createBrandMatcher, normalizeText, tokenize, type BrandMatcher } from './text';

export interface PreparedText {
  normalized: string;
  tokens: string[];
  cues: CueMatch[];
  /** The brand masking used, so parts of the text can be prepared the same way (complaint.ts pieces). */
  brands: BrandMatcher;
}

export function prepareText(text: string, brands: BrandMatcher): PreparedText {
  const normalized = normalizeText(text);
  return preparePiece(normalized, brands);
}

/** Tokens and cues of already-normalised text. */
export function preparePiece(normalized: string, brands: BrandMatcher): PreparedText {
  return { normalized, tokens: tokenize(normalized, brands), cues: findComplaintCues(normalized), brands };
}

// Content scripts call triage with the same few brand lists over and over: compile each once.
const matcherCache = new Map<string, BrandMatcher>();
const MATCHER_CACHE_LIMIT = 16;
// The same array is usually passed for every post of a page: skip building the key for it.
let lastTerms: readonly string[] | undefined;
let lastMatcher: BrandMatcher | undefined;
const NO_TERMS: readonly string[] = [];

export function brandMatcherFor(terms: readonly string[] = NO_TERMS): BrandMatcher {
  if (terms === lastTerms && lastMatcher) return lastMatcher;
  const key = terms.join('\u0000');
  let matcher = matcherCache.get(key);
  if (!matcher) {
    matcher = createBrandMatcher(terms);
    if (matcherCache.size >= MATCHER_CACHE_LIMIT) {
      const oldest = matcherCache.keys().next().value;
      if (oldest !== undefined) matcherCache.delete(oldest);
    }
    matcherCache.set(key, matcher);
  }
  lastTerms = terms;
  lastMatcher = matcher;
  return matcher;
}
