import { isKnownTld } from './tlds';

/**
 * Links as X recognises them for counting (after twitter-text's extractUrlsWithIndices):
 * - with "http(s)://": any dotted host with an alphabetic or punycode TLD;
 * - without a scheme: an ASCII / Latin host on a known TLD ("acme.com", "m.me/acme");
 * - never right after a letter, digit, "@", "$", "#", ".", "_", "-" or "/" (emails, mentions,
 *   cashtags, the middle of a longer token; this also keeps matching linear on hostile input);
 * - trailing punctuation (".", ",", "!", ")" without its "(") is not part of the link.
 */
export interface UrlMatch {
  url: string;
  /** UTF-16 index of the first character. */
  start: number;
  /** UTF-16 index after the last character. */
  end: number;
  hasScheme: boolean;
}

const MAX_URL_LENGTH = 4096;

const URL_CANDIDATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}@＠$#＃._\/-])` +
    String.raw`(https?:\/\/)?` +
    String.raw`((?:[\p{L}\p{N}][\p{L}\p{N}_-]*\.)+(\p{L}{2,63}|xn--[a-z0-9-]{1,59}))(?![\p{L}\p{N}@+-])` +
    String.raw`(?::\d{1,5})?` +
    String.raw`(?:\/[\p{L}\p{N}!*';:=+,.$\/%#\[\]\-\u2013_~@|&()]*)?` +
    String.raw`(?:\?[\p{L}\p{N}!?*'@();:&=+$\/%#\[\]\-_.,~|]*)?`,
  'giu',
);
const SCHEMELESS_HOST = /^[A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF._-]+$/;
const URL_ENDING = /[\p{L}\p{N}+\-=_#/&]/u;

export function extractUrls(text: string): UrlMatch[] {
  if (!text.includes('.')) return [];
  const found: UrlMatch[] = [];
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const [raw, scheme, host = '', tld = ''] = match;
    const start = match.index;
    const hasScheme = scheme !== undefined;
    if (!hasScheme && (!SCHEMELESS_HOST.test(host) || !isKnownTld(tld))) continue;
    const url = trimTrailing(raw, (scheme?.length ?? 0) + host.length);
    if ((hasScheme ? 0 : 'https://'.length) + url.length > MAX_URL_LENGTH) continue;
    found.push({ url, start, end: start + url.length, hasScheme });
  }
  return found;
}

/** Drop trailing characters that end sentences rather than links; never cut into the host. */
function trimTrailing(raw: string, minLength: number): string {
  let url = raw;
  while (url.length > minLength) {
    const last = lastCodePoint(url);
    if (URL_ENDING.test(last)) break;
    if (last === ')' && count(url, '(') >= count(url, ')')) break;
    url = url.slice(0, -last.length);
  }
  return url;
}

function lastCodePoint(text: string): string {
  const low = text.charCodeAt(text.length - 1);
  const high = text.charCodeAt(text.length - 2);
  const isPair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return text.slice(isPair ? -2 : -1);
}

function count(text: string, char: string): number {
  let total = 0;
  for (const c of text) if (c === char) total += 1;
  return total;
}
