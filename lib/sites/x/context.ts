/**
 * Where a post sits on the page, beyond its own markup: whether X shows it because someone
 * reposted it, and whether it is a reply in a status page's conversation. Both read only
 * structure (cells, headings, the socialContext line) and the UI labels in selectors.ts.
 */
import { readRichText } from '../rich-text';
import { REPOSTED_LABELS, X_SELECTORS as S } from './selectors';
import { X_PROFILE_PATH, X_STATUS_PATH } from './site';

export interface XRepost {
  /** Handle of the account that reposted, without "@". */
  handle: string;
  /** Its display name as the line shows it ("You" when the viewer reposted). */
  name: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const REPOSTED_PATTERNS: readonly RegExp[] = Object.values(REPOSTED_LABELS)
  .flat()
  .map((label) => new RegExp(`^${label.split('{name}').map(escapeRegExp).join('(.+?)')}$`, 'u'));

/** The reposter's name in a socialContext line, or null when the line says something else ("Pinned"). */
export function repostedName(line: string): string | null {
  const text = line.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  for (const pattern of REPOSTED_PATTERNS) {
    const name = pattern.exec(text)?.[1]?.trim();
    if (name) return name;
  }
  return null;
}

/**
 * Who reposted this post into the timeline, or null when it is not shown as a repost. The post
 * itself is still the original (its permalink, author and text); the repost is only context.
 */
export function readRepost(article: Element): XRepost | null {
  const line = article.querySelector(S.socialContext);
  if (!line) return null;
  const name = repostedName(readRichText(line));
  if (name === null) return null;
  const link = line.closest(S.link) ?? line.querySelector(S.link);
  if (!link || !article.contains(link)) return null;
  const handle = X_PROFILE_PATH.exec(link.getAttribute('href') ?? '')?.[1];
  return handle ? { handle, name } : null;
}

/** The status id a status page is about (/handle/status/<id>), or null on other pages. */
export function focusedStatusId(win: Pick<Window, 'location'>): string | null {
  try {
    return X_STATUS_PATH.exec(win.location.pathname)?.[2] ?? null;
  } catch {
    return null;
  }
}

/** The status id of the first post permalink in `root` (a cell holds one post). */
function statusIdIn(root: ParentNode): string | undefined {
  for (const time of root.querySelectorAll(S.permalinkTime)) {
    const href = (time.parentElement?.getAttribute('href') ?? '').replace(/^https:\/\/(?:x|twitter)\.com/, '');
    const id = X_STATUS_PATH.exec(href)?.[2];
    if (id) return id;
  }
  return undefined;
}

/**
 * On a status page, the post this one answers, as far as the conversation's order shows it: a
 * post in the thread above the focused post (and the focused post) answers the post right above
 * it; a post below the focused post answers the conversation the focused post started (X does not
 * show which reply a nested reply answers), so the focused post. Recommendations after a
 * "Discover more" heading answer nothing; neither does the conversation's first post.
 */
export function conversationParentId(article: Element, postId: string, focusedId: string): string | undefined {
  // Document order, not cell siblings: X's cells are not always siblings of one another.
  const doc = article.ownerDocument;
  const tweets = [...doc.querySelectorAll(S.tweet)].filter((tweet) => !tweet.parentElement?.closest(S.tweet));
  const index = tweets.indexOf(article);
  if (index <= 0) return undefined;
  const follows = (a: Element, b: Element) => (a.compareDocumentPosition(b) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING
  const previous = tweets[index - 1] as Element;
  const heading = [...doc.querySelectorAll(S.sectionHeading)].some((found) => follows(previous, found) && follows(found, article));
  if (heading) return undefined;
  const focused = postId === focusedId ? undefined : tweets.slice(0, index).find((tweet) => statusIdIn(tweet) === focusedId);
  return focused ? focusedId : statusIdIn(previous);
}

/** The vertical offset X's virtual list gives a cell (transform: translateY(123px)), 0 when absent. */
function cellOffset(cell: Element): number {
  const transform = (cell as HTMLElement).style?.transform ?? '';
  const offset = /translateY\(\s*(-?[\d.]+)px\s*\)/.exec(transform)?.[1];
  return offset === undefined ? 0 : Number(offset);
}

/**
 * On a status page, is this post a reply in the conversation? The conversation is one list of
 * cells: the thread above the focused post, the focused post, then replies. Every post with a
 * post above it in that list replies to something; a "Discover more" heading cell ends the
 * conversation (posts after it are recommendations). When no cell is above, the post is the
 * conversation's first, unless X's virtual list has dropped the cells above it (it keeps each
 * cell's offset, so a first cell far down the list is not the top).
 */
export function isConversationReply(article: Element, postId: string, focusedId: string): boolean {
  const cell = article.closest(S.cell);
  if (!cell) return postId !== focusedId;
  let postAbove = false;
  for (let sibling = cell.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    const hasPost = sibling.querySelector(S.tweet) !== null;
    if (!hasPost && sibling.querySelector(S.sectionHeading)) return false;
    postAbove ||= hasPost;
  }
  if (postAbove) return true;
  return postId !== focusedId && cellOffset(cell) > 0;
}
