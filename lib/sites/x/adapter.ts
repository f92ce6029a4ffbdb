import { clampPostText, type Post, type Reach } from '../../domain/post';
import type { SiteAdapter, UiAnchor } from '../types';
import { parseButtonLabel, parseReachLabel } from './reach';
import { platformForUrl } from '../origins';
import { POST_PAGE_PATHS, REPLYING_TO_LABELS, X_SELECTORS as S } from './selectors';

const STATUS_PATH = /^\/([A-Za-z0-9_]{1,50})\/status\/(\d{1,30})(?:[/?#]|$)/;
const HANDLE = /^@?([A-Za-z0-9_]{1,50})$/;

/** Text of an element as the user reads it: emoji are <img alt>, line breaks are <br>. */
export function readRichText(root: Node): string {
  let text = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.tagName === 'IMG') text += element.getAttribute('alt') ?? '';
        else if (element.tagName === 'BR') text += '\n';
        else walk(element);
      }
    }
  };
  walk(root);
  return text;
}

/**
 * Is this element part of the post itself rather than of a post shown inside it? Quoted posts
 * are a div[role="link"] block (older layouts nested a whole article).
 */
function isOwnedBy(element: Element, article: Element, quoteIsForeign = true): boolean {
  for (let node = element.parentElement; node && node !== article; node = node.parentElement) {
    if (node.matches(S.tweet) || (quoteIsForeign && node.matches(S.quoteBlock))) return false;
  }
  return true;
}

function ownAll(article: Element, selector: string): Element[] {
  return [...article.querySelectorAll(selector)].filter((element) => isOwnedBy(element, article));
}

function ownFirst(article: Element, selector: string): Element | undefined {
  return ownAll(article, selector)[0];
}

/**
 * The post's action-bar parts. A quoted post never has an action bar, so we take the last one
 * outside nested articles, even when unbalanced markup has put it inside the quote block
 * (as in the real quote-video capture).
 */
function ownAction(article: Element, selector: string): Element | undefined {
  return [...article.querySelectorAll(selector)].filter((element) => isOwnedBy(element, article, false)).at(-1);
}

/** The post's own permalink: the status link that wraps its <time>. */
function readPermalink(article: Element): { handle: string; postId: string; time: Element } | null {
  for (const time of ownAll(article, S.permalinkTime)) {
    const href = time.parentElement?.getAttribute('href') ?? '';
    const match = STATUS_PATH.exec(href.replace(/^https:\/\/(?:x|twitter)\.com/, ''));
    if (match?.[1] && match[2]) return { handle: match[1], postId: match[2], time };
  }
  return null;
}

function readAuthorName(userName: Element | undefined): string {
  if (!userName) return '';
  // The first link holds the display name (and badges, which carry no text).
  return readRichText(userName.querySelector('a') ?? userName)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Handles listed after "Replying to", or null when the post is not shown as a reply. */
function readReplyTargets(article: Element): string[] | null {
  for (const line of ownAll(article, S.replyContext)) {
    const lead = line.firstChild?.nodeType === 3 ? (line.firstChild.nodeValue ?? '').trim() : '';
    if (!REPLYING_TO_LABELS.some((label) => lead.startsWith(label))) continue;
    const handles = [...line.querySelectorAll(S.replyTarget)]
      .map((link) => HANDLE.exec((link.textContent ?? '').trim())?.[1])
      .filter((handle): handle is string => handle !== undefined);
    return handles;
  }
  return null;
}

function readReach(article: Element): Reach {
  const bar = ownAction(article, S.actionBar);
  const reach = parseReachLabel(bar?.getAttribute('aria-label') ?? '');
  // Fall back on the buttons' own labels when the bar's summary is missing or unreadable.
  for (const selector of [S.replyButton, S.repostButton, S.likeButton, S.viewsLink]) {
    const parsed = parseButtonLabel(ownAction(article, selector)?.getAttribute('aria-label') ?? '');
    if (parsed && reach[parsed.metric] === undefined) reach[parsed.metric] = parsed.count;
  }
  return reach;
}

function readPostedAt(time: Element): string | undefined {
  const value = time.getAttribute('datetime') ?? '';
  return Number.isNaN(Date.parse(value)) ? undefined : new Date(value).toISOString();
}

function isXUrl(url: URL): boolean {
  return platformForUrl(url) === 'x';
}

export const xAdapter: SiteAdapter = {
  platform: 'x',
  name: 'X / Twitter',

  matchesUrl: isXUrl,

  expectsPosts(url: URL): boolean {
    return isXUrl(url) && POST_PAGE_PATHS.some((path) => path.test(url.pathname));
  },

  findPosts(root: ParentNode): Element[] {
    return [...root.querySelectorAll(S.tweet)].filter((article) => !article.parentElement?.closest(S.tweet));
  },

  readPost(article: Element, _win: Window): Post | null {
    const permalink = readPermalink(article);
    if (!permalink) return null; // placeholders, tombstones, ads without a status link
    const replyTargets = readReplyTargets(article);
    const body = ownFirst(article, S.tweetText);
    const ownText = body ? readRichText(body) : '';
    // Like X's API full_text, a reply starts with the handles it replies to: that is how
    // "@AcmeSupport still no refund" reaches the brand even when the UI hides the handle.
    const prefix = replyTargets?.length ? `${replyTargets.map((handle) => `@${handle}`).join(' ')} ` : '';
    const postedAt = readPostedAt(permalink.time);
    return {
      platform: 'x',
      postId: permalink.postId,
      kind: replyTargets ? 'reply' : 'post',
      url: `https://x.com/${permalink.handle}/status/${permalink.postId}`,
      authorName: readAuthorName(ownFirst(article, S.userName)).slice(0, 200),
      authorHandle: permalink.handle,
      authorUrl: `https://x.com/${permalink.handle}`,
      text: clampPostText(prefix + ownText),
      ...(postedAt ? { postedAt } : {}),
      reach: readReach(article),
    };
  },

  anchorFor(article: Element): UiAnchor | null {
    const bar = ownAction(article, S.actionBar);
    // After the action bar's row so the control sits under the counts; else at the end.
    const row = bar?.parentElement ?? null;
    if (row && row !== article) return { element: row, position: 'afterend' };
    return { element: article, position: 'beforeend' };
  },

  openReplyComposer(article: Element, _win: Window): boolean {
    const button = ownAction(article, S.replyButton) as HTMLElement | undefined;
    if (typeof button?.click !== 'function') return false;
    button.click();
    return true;
  },
};

