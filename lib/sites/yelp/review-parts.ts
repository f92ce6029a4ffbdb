/**
 * Reading the parts of one Yelp review card. Structure, not class names: the body is the card's
 * [lang] element, an owner's comment is the block around an owner passport or marker that holds
 * none of the review's parts, the reviewer is the passport region or the /user_details link.
 */
import { readRichText } from '../rich-text';
import {
  AVATAR_ALT_PREFIX,
  MONTH_DAY_YEAR,
  NUMERIC_DATE,
  OWNER_COMMENT_FROM,
  OWNER_MARKERS,
  REVIEW_RATING,
  YELP_SELECTORS as S,
} from './selectors';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Body text as the user reads it: <br> is a line break, emoji images are their alt, buttons ("Read more") are skipped. */
export function readBodyText(root: Element): string {
  return readRichText(root, S.bodyNoise)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function ownText(element: Element): string {
  return element.childElementCount === 0 ? (element.textContent ?? '').trim() : '';
}

/** Leaf elements of `root` whose text matches, outside `exclude` blocks and outside review bodies. */
function leaves(root: Element, test: (text: string) => boolean, exclude: readonly Element[] = []): Element[] {
  return [...root.querySelectorAll(S.leafText)].filter(
    (element) => test(ownText(element)) && !element.closest(S.languageBlock) && !exclude.some((block) => block.contains(element)),
  );
}

function isOwnerMarker(text: string): boolean {
  return OWNER_MARKERS.includes(text) || OWNER_COMMENT_FROM.test(text);
}

/** What belongs to the review itself: a block holding one of these is not the owner's comment. */
const REVIEW_PARTS = `${S.starRating}, ${S.reviewerRegion}, ${S.userLink}`;

/**
 * The business owner's comment blocks inside a review card. Each starts at an owner passport
 * (div[data-testid="business-owner-passport"], real www.yelp.com markup) or an owner marker
 * line, and is the largest ancestor of it that holds none of the review's own parts: no star
 * rating, no reviewer passport or link, no other [lang] body, no other owner comment. Real owner
 * replies are plain <p><span> without a lang attribute, so the block is found by what it must not
 * hold rather than by a body it must hold. A marker inside the reviewer's own text is never a marker.
 */
export function ownerCommentBlocks(card: Element): Element[] {
  const passports = [...card.querySelectorAll(S.ownerPassport)];
  const blocks: Element[] = [];
  for (const anchor of [...passports, ...leaves(card, isOwnerMarker)]) {
    if (blocks.some((known) => known.contains(anchor))) continue;
    // Stop below an ancestor that also holds the review's parts, another owner's passport, or (once
    // the block has its text) another [lang] body: the review's own.
    const foreign = (parent: Element, block: Element) =>
      parent.querySelector(REVIEW_PARTS) !== null ||
      passports.some((passport) => parent.contains(passport) && !block.contains(passport)) ||
      (ownerReplyText(block) !== '' && [...parent.querySelectorAll(S.languageBlock)].some((body) => !block.contains(body)));
    let block: Element = anchor;
    while (block.parentElement && block.parentElement !== card && !foreign(block.parentElement, block)) block = block.parentElement;
    if (!ownerReplyText(block)) continue;
    blocks.push(block);
  }
  return blocks;
}

/** The paragraphs of an owner's comment: its [lang] body, else its own lines that are neither the passport, a marker nor a date. */
export function ownerReplyParagraphs(block: Element): Element[] {
  const body = block.querySelector(S.languageBlock);
  if (body) return [body];
  return [...block.querySelectorAll(S.paragraph)].filter((paragraph) => {
    if (paragraph.closest(S.ownerPassport) || paragraph.parentElement?.closest(S.paragraph)) return false;
    const text = (paragraph.textContent ?? '').trim();
    return text !== '' && !isOwnerMarker(text) && parseCardDate(text) === undefined;
  });
}

/** The owner's comment as the reader sees it, paragraphs on their own lines. */
export function ownerReplyText(block: Element): string {
  return ownerReplyParagraphs(block)
    .map((paragraph) => readBodyText(paragraph))
    .filter(Boolean)
    .join('\n');
}

/** First element matching `selector` in `root` but not inside any `exclude` block. */
export function firstOutside(root: Element, selector: string, exclude: readonly Element[]): Element | undefined {
  return [...root.querySelectorAll(selector)].find((element) => !exclude.some((block) => block.contains(element)));
}

export function readRating(card: Element, exclude: readonly Element[]): number | undefined {
  for (const element of card.querySelectorAll(S.starRating)) {
    if (exclude.some((block) => block.contains(element))) continue;
    const match = REVIEW_RATING.exec(element.getAttribute('aria-label') ?? '');
    if (match?.[1]) return Number(match[1]);
  }
  return undefined;
}

/** A printed date → "YYYY-MM-DD", or undefined. Two-digit years are 20xx. */
export function parseCardDate(text: string): string | undefined {
  let year: number;
  let month: number;
  let day: number;
  const named = MONTH_DAY_YEAR.exec(text);
  const numeric = NUMERIC_DATE.exec(text);
  if (named) {
    month = MONTHS.indexOf((named[1] ?? '').toLowerCase()) + 1;
    day = Number(named[2]);
    year = Number(named[3]);
  } else if (numeric) {
    month = Number(numeric[1]);
    day = Number(numeric[2]);
    year = Number(numeric[3]);
    if (year < 100) year += 2000;
  } else {
    return undefined;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The first printed date in `root` outside `exclude` blocks. */
export function readDate(root: Element, exclude: readonly Element[] = []): string | undefined {
  for (const element of leaves(root, (text) => parseCardDate(text) !== undefined, exclude)) {
    return parseCardDate(ownText(element));
  }
  return undefined;
}

/** Who wrote an owner comment: "Comment from NAME of BIZ", else the name line before "Business Owner". */
export function readOwnerName(block: Element): string {
  for (const element of leaves(block, isOwnerMarker)) {
    const text = ownText(element);
    const from = OWNER_COMMENT_FROM.exec(text);
    if (from?.[1]) return from[1].trim();
    const previous = element.previousElementSibling;
    if (previous && ownText(previous) && !isOwnerMarker(ownText(previous))) return ownText(previous);
    const next = element.nextElementSibling?.querySelector(S.paragraph) ?? element.nextElementSibling;
    if (next && ownText(next) && !isOwnerMarker(ownText(next))) return ownText(next);
  }
  return (block.querySelector(S.ownerAvatar)?.getAttribute('alt') ?? '').replace(AVATAR_ALT_PREFIX, '').trim();
}
