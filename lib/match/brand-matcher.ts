import type { Brand } from '../domain/brand';
import { PLATFORMS, type Platform, type Post } from '../domain/post';
import { SITES } from '../sites/registry';
import { createTermFinder, type TermFinder, type TermPattern } from './automaton';
import { foldTerm, foldText, sourceEnd, sourceStart } from './normalize';
import { memoByString } from '../util/memo';

/**
 * Finds configured brands in one post's text. Pure: no browser APIs. Build one matcher per
 * settings change and feed it one post at a time (Aho-Corasick over the folded text).
 *
 * What counts as a mention (after folding case, accents and compatibility forms):
 * - a brand name or alias as a whole word: "Acme", "acme's", "ACME!", "@acme", "l'Acme";
 *   not inside a longer word ("acmeology", "megaacme", "acme2"); a name of several words also
 *   written joined ("AcmeAir", "#AcmeAirFail", or "Acme\u200BAir", whose zero-width space
 *   folding drops);
 * - a hashtag that starts with a name or alias ("#AcmeFail") or equals a configured hashtag;
 * - a configured handle ("@AcmeSupport"), as a whole handle;
 * - NOT anything inside an email address ("support@acme.com", "acme@mail.com"): an address is
 *   contact data, typically in signatures and ads, and says nothing about the brand's service.
 *   Domains and URLs do count ("acme.com is down").
 * Letters of scripts written without spaces (Han, Kana, Thai, ...) count as boundaries, so
 * "我爱Acme航空" mentions Acme, and names in those scripts match anywhere.
 * A hit inside a brand exclusion phrase ("Acme Anvils Museum") is suppressed for that brand.
 */
export type TermKind = 'name' | 'handle' | 'hashtag';

export interface BrandHit {
  brandId: string;
  /** The configured term as written in settings ("Acme", "@AcmeSupport", "#AcmeCares"). */
  term: string;
  kind: TermKind;
  /** UTF-16 range in the original text: `text.slice(start, end)` is what the post says. */
  start: number;
  end: number;
}

export interface BrandMatch {
  /** Brands mentioned, in order of first mention. */
  brandIds: string[];
  hits: BrandHit[];
  /** The author is one of a configured brand's own handles: not a complaint about it. */
  byBrand: boolean;
}

/** Who wrote a post, as far as the own-post check needs it. */
export type PostAuthor = Pick<Post, 'platform' | 'authorHandle' | 'authorUrl'>;

export interface BrandMatcher {
  /** `author`: the post's author (its handle, or its profile/page link), or a bare handle. */
  match: (text: string, author?: string | PostAuthor) => BrandMatch;
  /**
   * The brand whose own account wrote the post, if any: its handle is one of the brand's handles
   * (any platform), or its profile/page link names one of the brand's accounts on that platform
   * (a Facebook Page's name or id, a Yelp business alias; the brand may give them as links too).
   */
  authorBrand: (author: string | PostAuthor | undefined) => string | undefined;
  /** The brand that gave this account (as the site's `accountOf` names it) among its handles for the platform. */
  accountBrand: (platform: Platform, account: string) => string | undefined;
}

export interface BrandMatcherOptions {
  /**
   * How raw occurrences of the folded terms are found; the boundary, email and exclusion rules
   * apply to whatever it reports. Default: the Aho-Corasick automaton (./automaton.ts). The
   * benchmark (scripts/bench/matcher.ts) plugs in a combined RegExp and indexOf here.
   */
  finder?: (patterns: readonly TermPattern[]) => TermFinder;
}

interface Entry {
  brandId: string;
  term: string;
  kind: TermKind | 'exclusion';
}

/** Scripts written without spaces between words. */
const NO_SPACE_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const EMAIL_LOCAL = /[\p{L}\p{N}._%+-]/u;
const EMAIL_DOMAIN = /[\p{L}\p{N}.-]/u;
const MAX_EMAIL_LOCAL = 64;
const MAX_EMAIL_DOMAIN = 255;
/** Author links whose account the matcher remembers before it starts over. */
const MAX_CACHED_ACCOUNTS = 5_000;

function isWordChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  // ASCII answers without a Unicode-property RegExp (most characters around a candidate are ASCII).
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || (code >= 65 && code <= 90);
  return WORD_CHAR.test(char) && !NO_SPACE_SCRIPT.test(char);
}

/** Ranges of email addresses in folded text, found by expanding around each "@". */
function emailRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < MAX_EMAIL_LOCAL && EMAIL_LOCAL.test(text[start - 1] ?? '')) start -= 1;
    if (start === at) continue; // nothing before the "@": a handle ("@AcmeAir"), not an address
    let end = at + 1;
    while (end < text.length && end - at < MAX_EMAIL_DOMAIN && EMAIL_DOMAIN.test(text[end] ?? '')) end += 1;
    const domain = text.slice(at + 1, end).replace(/[.-]+$/, '');
    if (/^[\p{L}\p{N}]/u.test(domain) && /\.[\p{L}\p{N}-]*\p{L}[\p{L}\p{N}-]*$/u.test(domain)) {
      ranges.push([start, at + 1 + domain.length]);
    }
  }
  return ranges;
}

function foldHandle(handle: string): string {
  return foldTerm(handle.replace(/^@/, ''));
}

/** A configured account as the site's links name it: "https://www.facebook.com/AcmeAir/" and "facebook.com/AcmeAir" are "AcmeAir". */
function accountKey(platform: Platform, handle: string): string {
  const trimmed = handle.trim();
  if (!trimmed.includes('/')) return foldHandle(trimmed);
  const href = /^https?:\/\//i.test(trimmed) ? trimmed.replace(/^http:/i, 'https:') : `https://${trimmed}`;
  return foldHandle(SITES[platform].accountOf(href) ?? trimmed);
}

export function createBrandMatcher(brands: readonly Brand[], options: BrandMatcherOptions = {}): BrandMatcher {
  const entries: Entry[] = [];
  const patterns: TermPattern[] = [];
  /** Folded handle → brand id, any platform (X handles, and handles typed into a post's author field). */
  const brandHandles = new Map<string, string>();
  /** Per platform, folded account names (from handles and links) → brand id. */
  const brandAccounts = Object.fromEntries(PLATFORMS.map((platform) => [platform, new Map<string, string>()])) as Record<
    Platform,
    Map<string, string>
  >;
  const added = new Set<string>();
  const add = (brandId: string, term: string, kind: Entry['kind'], folded: string) => {
    if (!folded || folded === '@' || folded === '#') return;
    const key = `${brandId}\u0000${kind}\u0000${folded}`;
    if (added.has(key)) return;
    added.add(key);
    patterns.push({ pattern: folded, data: entries.length });
    entries.push({ brandId, term, kind });
  };
  /** A name or exclusion as written, and joined when it has several words. */
  const addPhrase = (brandId: string, term: string, kind: 'name' | 'exclusion') => {
    const folded = foldTerm(term);
    add(brandId, term, kind, folded);
    if (folded.includes(' ')) add(brandId, term, kind, folded.replace(/ /g, ''));
  };
  for (const brand of brands) {
    for (const name of [brand.name, ...brand.aliases]) addPhrase(brand.id, name, 'name');
    const handles = new Set([...brand.handles.x, ...brand.handles.facebook, ...brand.handles.yelp]);
    for (const platform of PLATFORMS) {
      for (const handle of brand.handles[platform]) {
        const key = accountKey(platform, handle);
        if (key && !brandAccounts[platform].has(key)) brandAccounts[platform].set(key, brand.id);
      }
    }
    for (const handle of handles) {
      const folded = foldHandle(handle);
      if (folded && !brandHandles.has(folded)) brandHandles.set(folded, brand.id);
      add(brand.id, `@${handle.replace(/^@/, '')}`, 'handle', `@${folded}`);
    }
    for (const tag of brand.hashtags) add(brand.id, `#${tag.replace(/^#/, '')}`, 'hashtag', `#${foldTerm(tag.replace(/^#/, ''))}`);
    for (const exclusion of brand.exclusions) addPhrase(brand.id, exclusion, 'exclusion');
  }
  const find = (options.finder ?? createTermFinder)(patterns);
  // Every post's author link is checked, and parsing a URL per post showed in timeline profiles:
  // the same authors recur, so each link is parsed once (bounded for endless feeds).
  const accountOfKey = memoByString((key) => {
    const space = key.indexOf(' ');
    return SITES[key.slice(0, space) as Platform].accountOf(key.slice(space + 1));
  }, MAX_CACHED_ACCOUNTS);
  const accountOfUrl = (platform: Platform, authorUrl: string): string | undefined => accountOfKey(`${platform} ${authorUrl}`);

  const authorBrand = (author: string | PostAuthor | undefined): string | undefined => {
    if (author === undefined) return undefined;
    const handle = typeof author === 'string' ? author : author.authorHandle;
    const byHandle = handle === undefined ? undefined : brandHandles.get(foldHandle(handle));
    if (byHandle !== undefined || typeof author === 'string' || author.authorUrl === undefined) return byHandle;
    const account = accountOfUrl(author.platform, author.authorUrl);
    return account === undefined ? undefined : brandAccounts[author.platform].get(foldHandle(account));
  };

  return {
    authorBrand,
    accountBrand: (platform, account) => brandAccounts[platform].get(foldHandle(account)),
    match(text: string, author?: string | PostAuthor): BrandMatch {
      const byBrand = authorBrand(author) !== undefined;
      if (patterns.length === 0 || text.length === 0) return { brandIds: [], hits: [], byBrand };
      const folded = foldText(text);
      const source = folded.text;
      const emails = source.includes('@') ? emailRanges(source) : [];
      const inEmail = (start: number, end: number) => emails.some(([from, to]) => start < to && end > from);

      const candidates: (BrandHit & { foldedStart: number; foldedEnd: number; derived: boolean; entry: number })[] = [];
      const exclusions: { brandId: string; start: number; end: number }[] = [];
      find(source, (data, start, end) => {
        const entry = entries[data];
        if (!entry) return;
        if (entry.kind === 'exclusion') {
          exclusions.push({ brandId: entry.brandId, start, end });
          return;
        }
        const before = start > 0 ? source[start - 1] : undefined;
        const after = end < source.length ? source[end] : undefined;
        const first = source[start];
        const last = source[end - 1];
        let kind: TermKind = entry.kind;
        if (isWordChar(first) && isWordChar(before)) return;
        // "@handle" and "#tag" must start their own token ("x#acmecares" is not a hashtag).
        if ((first === '@' || first === '#') && (isWordChar(before) || before === '@' || before === '#')) return;
        // A name right after "#" starts a hashtag: "#AcmeFail" mentions Acme.
        const startsHashtag = entry.kind === 'name' && before === '#' && !isWordChar(source[start - 2]);
        if (startsHashtag) kind = 'hashtag';
        else if (isWordChar(last) && isWordChar(after)) return;
        if (inEmail(start, end)) return;
        // Report the whole hashtag ("#AcmeFail"), not just the name inside it.
        let spanStart = start;
        let spanEnd = end;
        if (startsHashtag) {
          spanStart = start - 1;
          while (isWordChar(source[spanEnd])) spanEnd += 1;
        }
        candidates.push({
          brandId: entry.brandId,
          term: entry.term,
          kind,
          start: sourceStart(folded, spanStart),
          end: sourceEnd(folded, spanEnd - 1),
          foldedStart: spanStart,
          foldedEnd: spanEnd,
          derived: startsHashtag,
          entry: data,
        });
      });

      const kept = candidates.filter(
        (hit) => !exclusions.some((ex) => ex.brandId === hit.brandId && ex.start <= hit.foldedStart && hit.foldedEnd <= ex.end),
      );
      // One hit per span: drop a brand's hits inside a longer one of the same brand ("acme" in
      // "#acmecares"). Sorted by start then length, a hit is covered iff an earlier one ends at or
      // after it. On equal spans a configured hashtag wins over a name-prefixed one, then settings
      // order decides, so the result does not depend on the order occurrences were found in.
      kept.sort(
        (a, b) => a.foldedStart - b.foldedStart || b.foldedEnd - a.foldedEnd || Number(a.derived) - Number(b.derived) || a.entry - b.entry,
      );
      const reach = new Map<string, number>();
      const hits: BrandHit[] = [];
      for (const { brandId, term, kind, start, end, foldedEnd } of kept) {
        if ((reach.get(brandId) ?? -1) >= foldedEnd) continue;
        reach.set(brandId, foldedEnd);
        hits.push({ brandId, term, kind, start, end });
      }
      const brandIds = [...new Set(hits.map((hit) => hit.brandId))];
      return { brandIds, hits, byBrand };
    },
  };
}
