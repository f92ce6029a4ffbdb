/**
 * Stable identity of a Yelp review. Yelp's own review id where the markup exposes it (a review
 * photo's /biz_photos/...?reviewid=, a ?hrid= permalink, legacy data-review-id). Otherwise a
 * composite that is stable across reloads: business + reviewer userid + review date (Yelp allows
 * one current review per user and business; an updated review has a new date, so it is a new
 * item). Without a userid (biz.yelp.com shows none) a hash of business, name, date and opening text.
 * The link (url) opens the review itself (?hrid=<id>) when its id is in the markup or, as on real
 * pages, in the page's data (review-ids.ts); else the business page.
 */
import type { Business } from './business';
import { matchReviewId, reviewEntries, type ReviewFacts } from './review-ids';

export type { ReviewFacts } from './review-ids';
import { YELP_SELECTORS as S } from './selectors';

const REVIEW_ID = /^[A-Za-z0-9_-]{10,64}$/;

function hash(text: string, offset: number): string {
  let value = offset;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193);
  return (value >>> 0).toString(36);
}

/** Yelp's review id for this card, or undefined. Owner-comment blocks are excluded by the caller's card. */
export function yelpReviewId(card: Element): string | undefined {
  const attribute = card.closest(S.reviewIdAttribute) ?? card.querySelector(S.reviewIdAttribute);
  const fromAttribute = attribute?.getAttribute('data-review-id') ?? '';
  if (REVIEW_ID.test(fromAttribute)) return fromAttribute;
  for (const link of card.querySelectorAll(S.reviewIdLink)) {
    try {
      const url = new URL(link.getAttribute('href') ?? '', 'https://www.yelp.com');
      if (!url.hostname.endsWith('yelp.com')) continue;
      const id = url.searchParams.get('reviewid') ?? url.searchParams.get('hrid') ?? '';
      if (REVIEW_ID.test(id)) return id;
    } catch {
      continue;
    }
  }
  return undefined;
}

function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 64);
}

function hrefOf(win: Window): string {
  try {
    return win.location.href;
  } catch {
    return '';
  }
}

function pageUrl(win: Window): string {
  try {
    const url = new URL(win.location.href);
    if (url.protocol === 'https:' && url.hostname.endsWith('.yelp.com')) return `${url.origin}${url.pathname}`;
  } catch {
    // fall through
  }
  return 'https://www.yelp.com/';
}

export function reviewIdentity(card: Element, business: Business, facts: ReviewFacts, win: Window): { postId: string; url: string } {
  const reviewId = yelpReviewId(card);
  const bizKey = safe(business.id ?? business.alias ?? 'biz');
  let postId: string;
  if (reviewId) postId = reviewId;
  else if (facts.userId) postId = `${bizKey}.${safe(facts.userId)}.${facts.date?.replace(/-/g, '') ?? 'undated'}`;
  else {
    const key = `${facts.name}\n${facts.date ?? ''}\n${facts.text.replace(/\s+/g, ' ').slice(0, 80)}`;
    postId = `${bizKey}.h${hash(key, 0x811c9dc5)}${hash(key, 0x050c5d1f)}`;
  }
  const base = business.alias ? `https://www.yelp.com/biz/${business.alias}` : pageUrl(win);
  // Real cards link no review id, but the page's data names it: the link then opens this review.
  // (The postId stays as above, so a case logged before still finds its post.)
  const linkId = reviewId ?? (business.alias ? matchReviewId(reviewEntries(card.ownerDocument, hrefOf(win)), facts) : undefined);
  return { postId, url: linkId && business.alias ? `${base}?hrid=${linkId}` : base };
}
