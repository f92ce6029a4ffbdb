import { clampPostText, type Post } from '../../domain/post';
import type { SiteAdapter, UiAnchor } from '../types';
import { readBusiness, type Business } from './business';
import { findYelpReplyComposer } from './composer';
import { reviewIdentity } from './identity';
import {
  firstOutside,
  ownerCommentBlocks,
  ownerReplyParagraphs,
  ownerReplyText,
  readBodyText,
  readDate,
  readOwnerName,
  readRating,
} from './review-parts';
import { COMMENT_BUTTON_LABELS, YELP_POST_CONTAINER, YELP_SELECTORS as S, YELP_SELECTORS } from './selectors';
import { outermostMatches } from '../containers';
import { YELP_SITE } from './site';

function reviewCards(root: ParentNode): Element[] {
  return [...root.querySelectorAll(S.reviewCard)].filter((card) => !card.parentElement?.closest(S.reviewCard));
}

/** The review card an owner-comment block belongs to, or null when `element` is not such a block. */
function cardOfOwnerBlock(element: Element): Element | null {
  const card = element.parentElement?.closest(S.reviewCard) ?? null;
  return card && ownerCommentBlocks(card).includes(element) ? card : null;
}

function readReviewer(card: Element, exclude: readonly Element[]): { name: string; userId?: string; url?: string } {
  const region = firstOutside(card, S.reviewerRegion, exclude);
  const link = firstOutside(card, S.userLink, exclude);
  const name = (region?.getAttribute('aria-label') ?? link?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
  let userId: string | undefined;
  try {
    userId = new URL(link?.getAttribute('href') ?? '', 'https://www.yelp.com').searchParams.get('userid') ?? undefined;
  } catch {
    userId = undefined;
  }
  if (!userId || !/^[A-Za-z0-9_-]{1,64}$/.test(userId)) return { name };
  return { name, userId, url: `https://www.yelp.com/user_details?userid=${userId}` };
}

function postedAtOf(date: string | undefined): string | undefined {
  // Yelp prints a calendar date only; we store it as midnight UTC of that date.
  return date ? `${date}T00:00:00.000Z` : undefined;
}

function readReview(card: Element, business: Business, win: Window): Post | null {
  const replies = ownerCommentBlocks(card);
  const rating = readRating(card, replies);
  const body = firstOutside(card, S.languageBlock, replies);
  if (rating === undefined && !body) return null;
  const reviewer = readReviewer(card, replies);
  const date = readDate(card, replies);
  const text = body ? readBodyText(body) : '';
  const { postId, url } = reviewIdentity(
    card,
    business,
    { ...(reviewer.userId ? { userId: reviewer.userId } : {}), name: reviewer.name, ...(date ? { date } : {}), text },
    win,
  );
  const postedAt = postedAtOf(date);
  return {
    platform: 'yelp',
    postId,
    kind: 'review',
    url,
    authorName: reviewer.name,
    ...(reviewer.url ? { authorUrl: reviewer.url } : {}),
    text: clampPostText(text),
    ...(postedAt ? { postedAt } : {}),
    reach: rating === undefined ? {} : { rating },
  };
}

function readOwnerComment(block: Element, card: Element, business: Business, win: Window): Post | null {
  const review = readReview(card, business, win);
  const text = ownerReplyText(block);
  if (!review || !text) return null;
  const postedAt = postedAtOf(readDate(block));
  return {
    platform: 'yelp',
    postId: `${review.postId}_reply`,
    kind: 'reply',
    inReplyTo: review.postId,
    url: review.url,
    authorName: (readOwnerName(block) || business.name || '').slice(0, 200),
    // The business answers: its public page is the author's page (the own-post check compares it with the brand's Yelp pages).
    ...(business.alias ? { authorUrl: `https://www.yelp.com/biz/${business.alias}` } : {}),
    text: clampPostText(text),
    ...(postedAt ? { postedAt } : {}),
    reach: {},
  };
}

export const yelpAdapter: SiteAdapter = {
  platform: YELP_SITE.platform,
  name: YELP_SITE.name,
  expectsPosts: YELP_SITE.expectsPosts,
  findReplyComposer: findYelpReplyComposer,
  selectors: YELP_SELECTORS,

  postContainers: (root: ParentNode) => outermostMatches(root, YELP_POST_CONTAINER),

  /** Review cards and, after each, the owner's comment blocks inside it, in document order. */
  findPosts(root: ParentNode): Element[] {
    const found: Element[] = [];
    for (const card of reviewCards(root)) {
      found.push(card);
      found.push(...ownerCommentBlocks(card));
    }
    return found;
  },

  readPost(element: Element, win: Window): Post | null {
    const business = readBusiness(element.ownerDocument, win);
    const card = cardOfOwnerBlock(element);
    if (card) return readOwnerComment(element, card, business, win);
    return element.matches(S.reviewCard) ? readReview(element, business, win) : null;
  },

  anchorFor(element: Element): UiAnchor | null {
    const body = cardOfOwnerBlock(element)
      ? ownerReplyParagraphs(element).at(-1)
      : firstOutside(element, S.languageBlock, ownerCommentBlocks(element));
    // After the body's paragraph, so the control sits under the text and above reactions/replies.
    const paragraph = body?.closest(S.paragraph) ?? body;
    if (paragraph && element.contains(paragraph)) return { element: paragraph, position: 'afterend' };
    return { element, position: 'beforeend' };
  },

  openReplyComposer(element: Element, _win: Window): boolean {
    const card = cardOfOwnerBlock(element) ?? element;
    const button = [...card.querySelectorAll<HTMLElement>(S.button)].find((candidate) =>
      COMMENT_BUTTON_LABELS.includes((candidate.textContent ?? '').trim()),
    );
    if (typeof button?.click !== 'function') return false;
    button.click();
    return true;
  },
};
