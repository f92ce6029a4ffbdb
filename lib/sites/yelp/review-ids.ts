/**
 * Yelp's own review ids, from the page's data rather than its markup: real review cards carry no
 * review-id links, but the page embeds its reviews as data. The server-rendered Apollo state
 * (script[type="application/json"], its JSON often wrapped in <!-- -->) keys each review
 * "Review:<id>" with its author ({"__ref": "User:<userid>"}), date and text; JSON-LD may list
 * "@type": "Review" entries (author, datePublished, reviewBody or description), with an id only
 * where it gives "@id", "url" or "identifier". A card is matched to an entry by reviewer id and
 * date, else by reviewer name and date, else by the start of its text. Read once per document
 * and URL; nothing is fetched.
 */
import { YELP_SELECTORS as S } from './selectors';

const REVIEW_ID = /^[A-Za-z0-9_-]{10,64}$/;
const REVIEW_KEY = /^Review:([A-Za-z0-9_-]{10,64})$/;
const USER_REF = /^User:([A-Za-z0-9_-]{1,64})$/;
/** Entries read per page at most (a page shows 10-20 reviews; the data may hold a few more). */
const MAX_ENTRIES = 500;
const MAX_DEPTH = 40;
const DAY_MS = 86_400_000;

/** What a review card shows about its review. */
export interface ReviewFacts {
  userId?: string;
  name: string;
  /** YYYY-MM-DD */
  date?: string;
  text: string;
}

export interface ReviewEntry {
  id: string;
  userId?: string;
  name?: string;
  /** YYYY-MM-DD */
  date?: string;
  /** The start of the text, folded for comparison. */
  opening?: string;
}

const cache = new WeakMap<Document, { href: string; entries: ReviewEntry[] }>();

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

function opening(text: string | undefined): string | undefined {
  const folded = text
    ?.replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .slice(0, 60);
  return folded ? folded : undefined;
}

/** "2025-09-20", "2025-09-20T17:02:11-07:00" → "2025-09-20" (the local date Yelp prints on the card). */
function dateOf(value: unknown): string | undefined {
  const text = str(value) ?? (isObject(value) ? (str(value.utcDateTime) ?? str(value.localDateTime) ?? str(value.date)) : undefined);
  return text && /^\d{4}-\d\d-\d\d/.test(text) ? text.slice(0, 10) : undefined;
}

function textOf(value: unknown): string | undefined {
  if (isObject(value)) return str(value.full) ?? str(value.text) ?? str(value.raw);
  return str(value);
}

/** A review id in an "@id", "url" or "identifier" value: "?hrid=<id>", "#<id>" or the id itself. */
function idIn(value: unknown): string | undefined {
  const text = str(value);
  if (!text) return undefined;
  if (REVIEW_ID.test(text)) return text;
  try {
    const url = new URL(text, 'https://www.yelp.com/');
    const id = url.searchParams.get('hrid') ?? url.searchParams.get('reviewid') ?? url.hash.replace(/^#(?:review[-_:]?)?/i, '');
    return id && REVIEW_ID.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

function apolloEntry(id: string, value: Json): ReviewEntry {
  const author = value.author ?? value.user;
  const ref = isObject(author) ? str(author.__ref) : undefined;
  const userId = (ref ? USER_REF.exec(ref)?.[1] : undefined) ?? (isObject(author) ? str(author.encid) : undefined) ?? str(value.userId);
  const date = dateOf(value.createdAt) ?? dateOf(value.localizedDate) ?? dateOf(value.date);
  const text = opening(textOf(value.text) ?? textOf(value.comment));
  return { id, ...(userId ? { userId } : {}), ...(date ? { date } : {}), ...(text ? { opening: text } : {}) };
}

function jsonLdEntry(value: Json): ReviewEntry | undefined {
  const id = idIn(value['@id']) ?? idIn(value.url) ?? idIn(value.identifier);
  if (!id) return undefined;
  const author = value.author;
  const name = str(author) ?? (isObject(author) ? str(author.name) : undefined);
  const date = dateOf(value.datePublished);
  const text = opening(str(value.reviewBody) ?? str(value.description));
  return { id, ...(name ? { name } : {}), ...(date ? { date } : {}), ...(text ? { opening: text } : {}) };
}

function collect(value: unknown, entries: ReviewEntry[], depth: number): void {
  if (entries.length >= MAX_ENTRIES || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, entries, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  if (value['@type'] === 'Review') {
    const entry = jsonLdEntry(value);
    if (entry) entries.push(entry);
  } else if (value.__typename === 'Review' && REVIEW_ID.test(str(value.encid) ?? '')) {
    entries.push(apolloEntry(str(value.encid) as string, value));
  }
  for (const [key, child] of Object.entries(value)) {
    const id = REVIEW_KEY.exec(key)?.[1];
    if (id && isObject(child)) {
      if (!entries.some((entry) => entry.id === id)) entries.push(apolloEntry(id, child));
      continue;
    }
    if (typeof child === 'object' && child !== null) collect(child, entries, depth + 1);
  }
}

function parse(text: string): unknown {
  const trimmed = text.trim().replace(/^<!--/, '').replace(/-->$/, '');
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}

/** Every review the page's data names with an id (cached per document and URL). */
export function reviewEntries(doc: Document, href: string): ReviewEntry[] {
  const cached = cache.get(doc);
  if (cached?.href === href) return cached.entries;
  const entries: ReviewEntry[] = [];
  for (const script of doc.querySelectorAll(`${S.jsonLd}, ${S.embeddedJson}`)) {
    const text = script.textContent ?? '';
    // Only scripts that can hold a review: most embedded JSON is config.
    if (!text.includes('Review')) continue;
    collect(parse(text), entries, 0);
  }
  cache.set(doc, { href, entries });
  return entries;
}

/** The id of the review these card facts describe, when exactly one entry fits. */
export function matchReviewId(entries: readonly ReviewEntry[], facts: ReviewFacts): string | undefined {
  if (entries.length === 0) return undefined;
  const text = opening(facts.text);
  // A day either way: the data may give the time in UTC while the card prints the local date.
  const sameDate = (entry: ReviewEntry) =>
    facts.date === undefined || entry.date === undefined || Math.abs(Date.parse(entry.date) - Date.parse(facts.date)) <= DAY_MS;
  const sameText = (entry: ReviewEntry) =>
    text !== undefined && entry.opening !== undefined && (text.startsWith(entry.opening) || entry.opening.startsWith(text));
  const one = (found: ReviewEntry[]) => (found.length === 1 ? found[0]?.id : undefined);
  if (facts.userId) {
    const byUser = entries.filter((entry) => entry.userId === facts.userId);
    // Yelp keeps one current review per user and business; "Previous review" entries differ by date.
    const found = one(byUser.filter(sameDate)) ?? one(byUser.filter((entry) => sameDate(entry) && sameText(entry)));
    if (found) return found;
  }
  const name = facts.name.trim();
  if (name) {
    const found = one(entries.filter((entry) => entry.name === name && sameDate(entry)));
    if (found) return found;
  }
  return one(entries.filter((entry) => sameText(entry) && sameDate(entry)));
}
