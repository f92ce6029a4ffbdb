import { clampPostText, type Post, type QuotedPost, type Reach } from '../../domain/post';
import type { SiteAdapter, UiAnchor } from '../types';
import { authorIdOnPage } from './author-id';
import { conversationParentId, focusedStatusId, isConversationReply } from './context';
import { countInLabel, countsInBar, parseButtonLabel, readReachLabel } from './reach';
import { findXReplyComposer } from './composer';
import { readRichText } from '../rich-text';
import { REPLYING_TO_LABELS, X_POST_CONTAINER, X_SELECTORS as S, X_SELECTORS, type ReachMetric } from './selectors';
import { outermostMatches } from '../containers';
import { X_HANDLE_TEXT, X_SITE, X_STATUS_PATH } from './site';

export { readRichText } from '../rich-text';
export { readRepost, type XRepost } from './context';

/** An absolute link to one of X's hosts: stripped to the path before matching X_STATUS_PATH. */
const X_ORIGIN = new RegExp(`^https://(?:${X_SITE.hosts.map((host) => host.replaceAll('.', '\\.')).join('|')})`);
const REPLYING_TO: readonly string[] = Object.values(REPLYING_TO_LABELS).flat();

/**
 * What belongs to a post rather than to a post shown inside it: quoted posts are a
 * div[role="link"] block (older layouts nested a whole article). Found once per read, so the
 * common post without a quote costs one query per part instead of an ancestor walk per match.
 */
class PostScope {
  private readonly nested: Element[];
  private readonly quotes: Element[];
  /** Neither a nested post nor a quote: every query may search the whole article. */
  private readonly simple: boolean;

  constructor(readonly article: Element) {
    // One query that usually finds nothing (most posts quote nothing) before the two precise ones.
    this.simple = article.querySelector(NESTED_OR_QUOTE) === null;
    this.nested = this.simple ? [] : [...article.querySelectorAll(S.tweet)];
    this.quotes = this.simple ? [] : [...article.querySelectorAll(S.quoteBlock)];
  }

  private owns(element: Element, quoteIsForeign: boolean): boolean {
    if (this.nested.some((inner) => inner.contains(element))) return false;
    return !quoteIsForeign || !this.quotes.some((quote) => quote.contains(element));
  }

  all(selector: string): Element[] {
    // Array.from, not spread: iterating a NodeList from a content script goes through its
    // iterator object per element, which showed in timeline profiles.
    const found = Array.from(this.article.querySelectorAll(selector));
    return this.simple ? found : found.filter((element) => this.owns(element, true));
  }

  first(selector: string): Element | undefined {
    if (this.simple) return this.article.querySelector(selector) ?? undefined;
    return this.all(selector)[0];
  }

  /**
   * The post's action-bar parts. A quoted post never has an action bar, so we take the last one
   * outside nested articles, even when unbalanced markup has put it inside the quote block
   * (as in the real quote-video capture).
   */
  action(selector: string): Element | undefined {
    const found = this.article.querySelectorAll(selector);
    if (this.nested.length === 0) return found[found.length - 1];
    return [...found].filter((element) => this.owns(element, false)).at(-1);
  }

  /**
   * The post this one quotes: its card (div[role="link"] with its own User-Name), or in older
   * layouts a nested article. Undefined for the common post that quotes nothing.
   */
  quoted(): Element | undefined {
    if (this.simple) return undefined;
    return this.quotes.find((quote) => !this.nested.some((inner) => inner.contains(quote))) ?? this.nested[0];
  }

  /**
   * The action buttons (and views link) of the post, by metric: those in its action bar (every
   * real capture has them there; the bar is the post's own), else those anywhere in the post.
   */
  actionButtons(bar: Element | undefined): Map<ReachMetric, Element> {
    const byMetric = new Map<ReachMetric, Element>();
    const inBar = bar?.querySelectorAll(ACTION_BUTTONS);
    const found = inBar?.length ? inBar : this.article.querySelectorAll(ACTION_BUTTONS);
    for (const element of found) {
      if (found !== inBar && this.nested.length > 0 && !this.owns(element, false)) continue;
      const metric =
        BUTTON_METRIC_BY_TESTID.get(element.getAttribute('data-testid') ?? '') ?? (element.matches(S.viewsLink) ? 'views' : undefined);
      // The last one wins, as in action(): a quoted post has no action bar of its own.
      if (metric) byMetric.set(metric, element);
    }
    return byMetric;
  }
}

/** Anything that makes part of an article belong to another post. */
const NESTED_OR_QUOTE = `${S.tweet}, ${S.linkBlock}`;

/** The post's own permalink: the status link that wraps its <time>. */
function readPermalink(scope: PostScope): { handle: string; postId: string; time: Element } | null {
  // Usually the first one is it: look further only when it is not a status link we can read.
  const first = scope.first(S.permalinkTime);
  const found = first ? permalinkOf(first) : null;
  if (found) return found;
  for (const time of scope.all(S.permalinkTime)) {
    const permalink = permalinkOf(time);
    if (permalink) return permalink;
  }
  return null;
}

function permalinkOf(time: Element): { handle: string; postId: string; time: Element } | null {
  const href = time.parentElement?.getAttribute('href') ?? '';
  const match = X_STATUS_PATH.exec(href.replace(X_ORIGIN, ''));
  return match?.[1] && match[2] ? { handle: match[1], postId: match[2], time } : null;
}

function readAuthorName(userName: Element | undefined): string {
  if (!userName) return '';
  return readRichText(userName.querySelector(S.displayNameLink) ?? userName)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The quoted post as its card shows it (real markup: tweetyoink-x-tweet-quote.html): the card's
 * User-Name holds the display name in its first text line and the "@handle" as plain text (no
 * profile link), its <time> is in no status link, and its own tweetText. Its id shows only in a
 * link to its media (/<handle>/status/<id>/photo/1), when it has media.
 */
function readQuoted(card: Element): QuotedPost | undefined {
  const userName = card.querySelector(S.userName);
  const body = card.querySelector(S.tweetText);
  if (!userName && !body) return undefined;
  const lines = userName ? [...userName.querySelectorAll(S.textLine)].map((line) => readRichText(line).replace(/\s+/g, ' ').trim()) : [];
  const handle = lines
    .map((line) => (line.startsWith('@') ? X_HANDLE_TEXT.exec(line)?.[1] : undefined))
    .find((found) => found !== undefined);
  const authorName = (lines.find((line) => line !== '' && !line.startsWith('@')) ?? '').slice(0, 200);
  let postId: string | undefined;
  for (const link of card.querySelectorAll(S.link)) {
    const match = X_STATUS_PATH.exec((link.getAttribute('href') ?? '').replace(X_ORIGIN, ''));
    if (match?.[2] && (handle === undefined || match[1]?.toLowerCase() === handle.toLowerCase())) {
      postId = match[2];
      break;
    }
  }
  return {
    ...(handle ? { authorHandle: handle } : {}),
    authorName,
    text: clampPostText(body ? readRichText(body) : ''),
    ...(postId ? { postId } : {}),
    ...(card.querySelector(S.showMore) ? { truncated: true as const } : {}),
  };
}

/** Handles listed after "Replying to", or null when the post is not shown as a reply. */
function readReplyTargets(scope: PostScope): string[] | null {
  const checked = new Set<Element>();
  for (const link of scope.all(S.replyTarget)) {
    const line = link.closest(S.textLine);
    if (!line || checked.has(line)) continue;
    checked.add(line);
    const lead = line.firstChild?.nodeType === 3 ? (line.firstChild.nodeValue ?? '').trim() : '';
    if (!REPLYING_TO.some((label) => lead.startsWith(label))) continue;
    return [...line.querySelectorAll(S.replyTarget)]
      .map((target) => X_HANDLE_TEXT.exec((target.textContent ?? '').trim())?.[1])
      .filter((handle): handle is string => handle !== undefined);
  }
  return null;
}

/** The buttons whose own labels carry a count, for when the bar's summary leaves it out. */
const ACTION_BUTTONS = [S.replyButton, S.repostButton, S.undoRepostButton, S.likeButton, S.unlikeButton, S.viewsLink].join(', ');
const BUTTON_METRIC_BY_TESTID: ReadonlyMap<string, ReachMetric> = new Map([
  ['reply', 'replies'],
  ['retweet', 'reposts'],
  ['unretweet', 'reposts'],
  ['like', 'likes'],
  ['unlike', 'likes'],
]);
const METRICS: readonly ReachMetric[] = ['replies', 'reposts', 'likes', 'views'];

/** The action bar each article was last read with, so anchorFor need not look again. */
const actionBars = new WeakMap<Element, Element>();

/**
 * Views from the action bar's summary without reading its words: the summary lists the buttons'
 * counts in the buttons' order (reply, repost, like, bookmark; zero counts left out of both) and
 * then the views. Each phrase is matched to the next button with the same count; the one phrase
 * left at the end is the views. Timeline bookmark buttons show no count while the summary does,
 * so a leftover smaller than a button's count (every liker or replier viewed the post) is taken
 * for bookmarks, not views.
 */
function viewsFromBar(barCounts: readonly (number | undefined)[], buttonCounts: readonly number[]): number | undefined {
  let next = 0;
  const left: (number | undefined)[] = [];
  for (const count of barCounts) {
    const at = count === undefined ? -1 : buttonCounts.indexOf(count, next);
    if (at >= 0) next = at + 1;
    else left.push(count);
  }
  const [views] = left;
  if (left.length !== 1 || views === undefined || views !== barCounts.at(-1)) return undefined;
  return buttonCounts.every((count) => views >= count) ? views : undefined;
}

/**
 * The counts. A bar label in a listed UI language (selectors.ts REACH_WORDS) that names all four
 * is the whole answer, read without touching a button: the common post with some engagement.
 * Otherwise (a zero count is left out of the label, or the language is not listed) by structure,
 * in any UI language: each action button's data-testid says what it counts and its aria-label's
 * one number is the count; the analytics link's number is the views (else the action bar's
 * summary, by position). The bar's words then fill what the structure left open.
 */
function readReach(scope: PostScope): Reach {
  const bar = scope.action(S.actionBar);
  if (bar) actionBars.set(scope.article, bar);
  const barLabel = bar?.getAttribute('aria-label') ?? '';
  // Exact counts only: a rounded phrase ("1,2 mil") leaves the buttons to say the count.
  const worded = barLabel ? readReachLabel(barLabel) : { any: {}, exact: {} };
  if (METRICS.every((metric) => worded.exact[metric] !== undefined)) return worded.exact;
  const reach: Reach = {};
  const buttons = scope.actionButtons(bar);
  for (const [metric, button] of buttons) {
    const count = countInLabel(button.getAttribute('aria-label') ?? '');
    if (count !== undefined) reach[metric] = count;
  }
  if (reach.views === undefined && barLabel) {
    const bookmark = scope.action(S.bookmarkButton);
    const buttonCounts = [buttons.get('replies'), buttons.get('reposts'), buttons.get('likes'), bookmark]
      .map((button) => (button ? countInLabel(button.getAttribute('aria-label') ?? '') : undefined))
      .filter((count): count is number => count !== undefined);
    const views = viewsFromBar(countsInBar(barLabel), buttonCounts);
    if (views !== undefined) reach.views = views;
  }
  if (METRICS.every((metric) => reach[metric] !== undefined)) return reach;
  // Fallback on the words (rounded ones too): a button whose label holds no single number, a layout without testids.
  for (const metric of METRICS) if (reach[metric] === undefined && worded.any[metric] !== undefined) reach[metric] = worded.any[metric];
  for (const [metric, button] of buttons) {
    if (reach[metric] !== undefined) continue;
    const parsed = parseButtonLabel(button.getAttribute('aria-label') ?? '');
    if (parsed?.metric === metric) reach[metric] = parsed.count;
  }
  return reach;
}

/**
 * A post is a reply when X says so ("Replying to @…") or, on a status page, when it sits below
 * another post in the conversation (X does not repeat "Replying to" there).
 */
function isReply(article: Element, postId: string, replyTargets: string[] | null, focusedId: string | null): boolean {
  if (replyTargets) return true;
  return focusedId !== null && isConversationReply(article, postId, focusedId);
}

/** X writes UTC with milliseconds ("2025-10-23T16:34:09.000Z"): take it as is, normalise anything else. */
const CANONICAL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function readPostedAt(time: Element): string | undefined {
  const value = time.getAttribute('datetime') ?? '';
  if (CANONICAL_TIME.test(value)) return value;
  return Number.isNaN(Date.parse(value)) ? undefined : new Date(value).toISOString();
}

/** What a brief read leaves out (SiteAdapter.completePost): the display name, reach, and the post answered. */
function completeRead(post: Post, scope: PostScope, focusedId: string | null): Post {
  const answers = focusedId === null ? undefined : conversationParentId(scope.article, post.postId, focusedId);
  return {
    ...post,
    ...(answers ? { inReplyTo: answers } : {}),
    authorName: readAuthorName(scope.first(S.userName)).slice(0, 200),
    reach: readReach(scope),
  };
}

/**
 * The scope and page status of the last brief read, for completing that same post right after
 * (PageIndex reads briefly, matches, then completes a mention): one scope and one look at the
 * address per post instead of two. Used once, within the task that read; any other completion
 * starts afresh.
 */
let lastBrief: { post: Post; scope: PostScope; focusedId: string | null } | undefined;
let lastBriefDropQueued = false;

/** Forget the last brief read once the current task's reads are done: a later completion reads afresh. */
function keepBriefForThisTask(brief: NonNullable<typeof lastBrief>): void {
  lastBrief = brief;
  if (lastBriefDropQueued) return;
  lastBriefDropQueued = true;
  queueMicrotask(() => {
    lastBrief = undefined;
    lastBriefDropQueued = false;
  });
}

function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}

export const xAdapter: SiteAdapter = {
  platform: X_SITE.platform,
  name: X_SITE.name,
  expectsPosts: X_SITE.expectsPosts,
  findReplyComposer: findXReplyComposer,
  selectors: X_SELECTORS,

  postContainers: (root: ParentNode) => outermostMatches(root, X_POST_CONTAINER),

  findPosts(root: ParentNode): Element[] {
    // Outermost articles only (a nested one is a quoted post). Everything below root is nested
    // when root itself sits in an article; below it, results come in document order, so a
    // nested article follows the outer one that contains it (one contains() instead of a
    // closest() walk up to the document per article).
    if (isElement(root) && root.closest(S.tweet)) return [];
    const outer: Element[] = [];
    const found = root.querySelectorAll(S.tweet);
    for (let index = 0; index < found.length; index++) {
      const article = found[index] as Element;
      const last = outer[outer.length - 1];
      if (!last?.contains(article)) outer.push(article);
    }
    return outer;
  },

  readPost(article: Element, win: Window, brief = false): Post | null {
    const scope = new PostScope(article);
    const permalink = readPermalink(scope);
    if (!permalink) return null; // placeholders, tombstones, ads without a status link
    const replyTargets = readReplyTargets(scope);
    const body = scope.first(S.tweetText);
    const ownText = body ? readRichText(body) : '';
    // "Show more" still there: X cut the text (expanded in place, the button goes and the whole text is in tweetText).
    const truncated = body !== undefined && scope.first(S.showMore) !== undefined;
    // Like X's API full_text, a reply starts with the handles it replies to: that is how
    // "@AcmeSupport still no refund" reaches the brand even when the UI hides the handle.
    const prefix = replyTargets?.length ? `${replyTargets.map((handle) => `@${handle}`).join(' ')} ` : '';
    const postedAt = readPostedAt(permalink.time);
    const focusedId = focusedStatusId(win);
    const card = scope.quoted();
    const quoted = card ? readQuoted(card) : undefined;
    const post: Post = {
      platform: 'x',
      postId: permalink.postId,
      kind: isReply(article, permalink.postId, replyTargets, focusedId) ? 'reply' : 'post',
      url: `https://x.com/${permalink.handle}/status/${permalink.postId}`,
      authorName: '',
      authorHandle: permalink.handle,
      authorUrl: `https://x.com/${permalink.handle}`,
      text: clampPostText(prefix + ownText),
      ...(truncated ? { truncated: true as const } : {}),
      ...(quoted ? { quoted } : {}),
      ...(postedAt ? { postedAt } : {}),
      reach: {},
    };
    if (!brief) return completeRead(post, scope, focusedId);
    keepBriefForThisTask({ post, scope, focusedId });
    return post;
  },

  completePost(post: Post, article: Element, win: Window): Post {
    const last = lastBrief;
    lastBrief = undefined;
    if (last?.post === post && last.scope.article === article) return completeRead(post, last.scope, last.focusedId);
    return completeRead(post, new PostScope(article), focusedStatusId(win));
  },

  anchorFor(article: Element): UiAnchor | null {
    const known = actionBars.get(article);
    const bar = known && article.contains(known) ? known : new PostScope(article).action(S.actionBar);
    // After the action bar's row so the control sits under the counts; else at the end.
    const row = bar?.parentElement ?? null;
    if (row && row !== article) return { element: row, position: 'afterend' };
    return { element: article, position: 'beforeend' };
  },

  completeForLog(post: Post, doc: Document): Post {
    if (post.authorId !== undefined || !post.authorHandle) return post;
    const authorId = authorIdOnPage(doc, post.authorHandle);
    return authorId ? { ...post, authorId } : post;
  },

  openReplyComposer(article: Element, _win: Window): boolean {
    const button = new PostScope(article).action(S.replyButton) as HTMLElement | undefined;
    if (typeof button?.click !== 'function') return false;
    button.click();
    return true;
  },
};
