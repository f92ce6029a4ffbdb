import { clampPostText, type Post, type Reach } from '../../domain/post';
import { runsOn } from '../site';
import type { SiteAdapter, UiAnchor } from '../types';
import { findFacebookReplyComposer } from './composer';
import { countFrom, parseCount } from './counts';
import { enrichPost, findStory } from './enrich';
import { hashId } from './hash';
import {
  commentIdentity,
  parseCommentLink,
  parsePostLink,
  parseProfileLink,
  type CommentLink,
  type PostLink,
  type ProfileLink,
} from './permalink';
import {
  ALL_REACTIONS_LABELS,
  AND_OTHERS,
  COMMENT_COUNT,
  COMMENT_REACTION_COUNT,
  FB_POST_CONTAINER,
  FB_SELECTORS as S,
  FB_SELECTORS,
  REPLY_BUTTON_LABELS,
  SHARE_COUNT,
  SPONSORED_LABELS,
} from './selectors';
import { FACEBOOK_SITE } from './site';
import { isoFromMillis } from './time';
import { readRichText } from './text';

const POST = `${S.feedUnit}, ${S.standalonePost}`;
/** Node.DOCUMENT_POSITION_FOLLOWING (no Node global in every environment the adapter runs in, e.g. the check:sites script). */
const FOLLOWING = 4;
/** Anything that is a post or comment of its own: content inside it is not the enclosing post's. */
const ITEM = `${POST}, ${S.commentArticle}`;

/**
 * A feed unit that Facebook rendered without role="article" or aria-posinset (seen in group
 * feeds): the largest block around an author-name hook (profile_name) that holds no other such
 * hook, sits in no post, and holds none. Null when `marker` is inside a post already.
 */
function markerUnitOf(marker: Element): Element | null {
  if (marker.closest(ITEM)) return null;
  let unit = marker;
  for (let parent = unit.parentElement; parent && parent !== marker.ownerDocument.body; parent = parent.parentElement) {
    if (parent.matches(S.feed) || parent.querySelectorAll(S.profileNameMarker).length > 1 || parent.querySelector(ITEM)) break;
    unit = parent;
  }
  // A unit has a body or a permalink besides its author; a lone name (a "People you may know" card) is not a post.
  return unit !== marker && (unit.querySelector(S.storyMessage) || unit.querySelector(S.postLinkCandidate)) ? unit : null;
}

function isMarkerUnit(element: Element): boolean {
  const markers = element.querySelectorAll(S.profileNameMarker);
  return markers.length === 1 && markerUnitOf(markers[0] as Element) === element;
}

function isPostElement(element: Element): boolean {
  return (element.matches(POST) && !element.matches(S.commentArticle)) || (!element.matches(S.commentArticle) && isMarkerUnit(element));
}

/** Does `node` belong to `item` itself rather than to a comment or post nested in it? */
function owns(item: Element, node: Element): boolean {
  const nearest = node.closest(ITEM);
  // A marker-only unit matches no ITEM: what it holds is its own unless a post or comment sits in between.
  return nearest === item || ((nearest === null || nearest.contains(item)) && item !== node && item.contains(node));
}

function ownAll(item: Element, selector: string): Element[] {
  return [...item.querySelectorAll(selector)].filter((node) => owns(item, node));
}

function ownFirst(item: Element, selector: string): Element | undefined {
  return ownAll(item, selector)[0];
}

const skipControls = (element: Element) => element.matches(S.inlineButton);

/** The outermost body element of a post (the data-ad-* hooks nest inside each other). */
function messageOf(post: Element): Element | undefined {
  return ownFirst(post, S.storyMessage);
}

/** The comment's own timestamp link (commenters' profile links carry a comment_id too, but no post). */
function ownCommentLinkElement(comment: Element): { element: Element; link: CommentLink } | null {
  for (const element of ownAll(comment, S.commentLink)) {
    const link = parseCommentLink(element.getAttribute('href'));
    if (link) return { element, link };
  }
  return null;
}

function ownCommentLink(comment: Element): CommentLink | null {
  return ownCommentLinkElement(comment)?.link ?? null;
}

/** A comment article is one only if it links to itself as a comment of some post. */
function isCommentElement(element: Element): boolean {
  return element.matches(S.commentArticle) && ownCommentLink(element) !== null;
}

/**
 * The post's permalink. In order: its own timestamp-style link (never one inside the body, which
 * may link to other posts); the post part of its comments' links (Facebook fills the timestamp
 * href only on hover); a photo link naming the post (set=pcb.<id>).
 */
function postLinkOf(post: Element): PostLink | null {
  const message = messageOf(post);
  const links = ownAll(post, S.postLinkCandidate).filter((link) => !message?.contains(link));
  const photoLinks: PostLink[] = [];
  for (const link of links) {
    const href = link.getAttribute('href') ?? '';
    if (href.includes('comment_id=')) continue;
    const parsed = parsePostLink(href);
    if (!parsed) continue;
    if (href.includes('set=pcb.')) photoLinks.push(parsed);
    else return parsed;
  }
  for (const link of post.querySelectorAll(S.commentLink)) {
    const nearest = link.closest(POST);
    if (nearest !== post && !(nearest === null || nearest.contains(post))) continue;
    const parsed = parseCommentLink(link.getAttribute('href'));
    if (parsed) return parsed.post;
  }
  return photoLinks[0] ?? null;
}

function readAuthor(link: Element | undefined): { name: string; profile: ProfileLink | null } {
  if (!link) return { name: '', profile: null };
  const name = readRichText(link).replace(/\s+/g, ' ').trim().slice(0, 200);
  return { name, profile: parseProfileLink(link.getAttribute('href')) };
}

/** The comment's author: the first own link with a name that is a profile (the avatar link has no text). */
function commentAuthorLink(comment: Element): Element | undefined {
  return ownAll(comment, S.link).find(
    (link) => (link.textContent ?? '').trim() !== '' && parseProfileLink(link.getAttribute('href')) !== null,
  );
}

function readPostedAt(item: Element): string | undefined {
  const time = ownFirst(item, S.timeElement);
  if (!time) return undefined;
  const utime = Number(time.getAttribute('data-utime'));
  const value = time.hasAttribute('data-utime') ? utime * 1000 : Date.parse(time.getAttribute('datetime') ?? '');
  return isoFromMillis(value);
}

function ownTexts(item: Element): string[] {
  return ownAll(item, S.textLeaf).map((node) => (node.childElementCount === 0 ? (node.textContent ?? '').trim() : ''));
}

/** "1.2K" or, when friends reacted, "Jane Doe and 14 others" (Jane counts too). */
function parseReactionTotal(value: string): number | undefined {
  const others = countFrom(AND_OTHERS, value);
  return parseCount(value) ?? (others === undefined ? undefined : others + 1);
}

function readPostReach(post: Element): Reach {
  const reach: Reach = {};
  const label = ownAll(post, S.reactionsLabel).find((span) => ALL_REACTIONS_LABELS.includes((span.textContent ?? '').trim()));
  const likes = parseReactionTotal((label?.nextElementSibling?.textContent ?? '').trim());
  if (likes !== undefined) reach.likes = likes;
  for (const text of ownTexts(post)) {
    reach.replies ??= countFrom(COMMENT_COUNT, text);
    reach.reposts ??= countFrom(SHARE_COUNT, text);
  }
  if (reach.replies === undefined) delete reach.replies;
  if (reach.reposts === undefined) delete reach.reposts;
  return reach;
}

function readCommentReach(comment: Element): Reach {
  const label = ownFirst(comment, S.commentReactions)?.getAttribute('aria-label') ?? '';
  const likes = countFrom(COMMENT_REACTION_COUNT, label);
  return likes === undefined ? {} : { likes };
}

function pageUrl(win: Window): string {
  try {
    const url = new URL(win.location.href);
    if (runsOn(FACEBOOK_SITE, url)) return `${url.origin}${url.pathname}`;
  } catch {
    // fall through
  }
  return 'https://www.facebook.com/';
}

function readComment(comment: Element): Post | null {
  const link = ownCommentLink(comment);
  if (!link) return null;
  const { postId, url } = commentIdentity(link);
  const author = readAuthor(commentAuthorLink(comment));
  const text = ownAll(comment, S.textBlock)
    .map((block) => readRichText(block, { skip: skipControls }))
    .filter(Boolean)
    .join('\n');
  const postedAt = readPostedAt(comment);
  return {
    platform: 'facebook',
    postId,
    kind: 'comment',
    // A reply answers its comment, a comment the post.
    inReplyTo: link.replyCommentId ? `${link.post.postId}_c${link.commentId}` : link.post.postId,
    url,
    authorName: author.name,
    ...(author.profile ? { authorUrl: author.profile.url } : {}),
    ...(author.profile?.id ? { authorId: author.profile.id } : {}),
    text: clampPostText(text),
    ...(postedAt ? { postedAt } : {}),
    reach: readCommentReach(comment),
  };
}

function readPostText(post: Element): string {
  const message = messageOf(post);
  if (message) return readRichText(message, { skip: skipControls });
  return ownAll(post, S.textBlock)
    .map((block) => readRichText(block, { skip: skipControls }))
    .filter(Boolean)
    .join('\n');
}

const isSponsoredLabel = (text: string | null | undefined) => SPONSORED_LABELS.includes((text ?? '').replace(/\s+/g, ' ').trim());

/**
 * A paid post: an ad-info link, a link or element named "Sponsored" (Facebook scrambles the
 * label's visible letters and names it through aria-labelledby), or a header line that reads
 * "Sponsored". Text inside the post's body is the author's, never the label.
 */
function isSponsored(post: Element): boolean {
  if (ownFirst(post, S.adInfoLink)) return true;
  if (ownAll(post, S.labelledLink).some((link) => isSponsoredLabel(link.getAttribute('aria-label')))) return true;
  const doc = post.ownerDocument;
  for (const element of ownAll(post, S.labelledElement)) {
    const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    if (ids.length > 0 && isSponsoredLabel(ids.map((id) => doc.getElementById(id)?.textContent ?? '').join(' '))) return true;
  }
  const message = messageOf(post);
  return ownAll(post, S.textLeaf).some(
    (node) => node.childElementCount === 0 && !message?.contains(node) && !node.closest(S.textBlock) && isSponsoredLabel(node.textContent),
  );
}

function readFeedPost(post: Element, win: Window): Post | null {
  const author = readAuthor(ownFirst(post, S.authorLink));
  const fullText = readPostText(post);
  const link = postLinkOf(post);
  const story = findStory(post.ownerDocument, link?.postId ?? null, fullText);
  const identity = link ?? (story ? { postId: story.post.postId, url: story.post.url } : null);
  if (!identity && !fullText) return null; // loading placeholders, suggestion units
  const postedAt = readPostedAt(post);
  const dom: Post = {
    platform: 'facebook',
    // Last resort: no permalink on screen yet and no embedded data. Stable while author and opening text are.
    postId: identity?.postId ?? hashId(`${author.name}\n${fullText.slice(0, 120)}`),
    kind: 'post',
    url: identity?.url ?? pageUrl(win),
    authorName: author.name,
    ...(author.profile ? { authorUrl: author.profile.url } : {}),
    ...(author.profile?.id ? { authorId: author.profile.id } : {}),
    text: clampPostText(fullText),
    ...(postedAt ? { postedAt } : {}),
    reach: readPostReach(post),
    ...(isSponsored(post) ? { sponsored: true as const } : {}),
  };
  if (!story) return dom;
  const enriched = enrichPost(dom, story);
  return { ...enriched, text: clampPostText(enriched.text) };
}

/** display:none / hidden / aria-hidden on the element or an ancestor. */
function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    if (/(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(node.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/** Cheap identity for de-duplication: the comment's or post's link, else the element itself. */
function identityKey(element: Element): string | Element {
  if (element.matches(S.commentArticle)) {
    const link = ownCommentLink(element);
    return link ? commentIdentity(link).postId : element;
  }
  return postLinkOf(element)?.postId ?? element;
}

/**
 * Facebook leaves hidden copies of rendered comments (and posts) in the DOM. Keep one element per
 * id, preferring a visible one; visible copies (the feed behind a post dialog) are all kept.
 */
function dropHiddenDuplicates(elements: Element[]): Element[] {
  const groups = new Map<string | Element, Element[]>();
  for (const element of elements) {
    const key = identityKey(element);
    groups.set(key, [...(groups.get(key) ?? []), element]);
  }
  const dropped = new Set<Element>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const visible = group.filter((element) => !isHidden(element));
    const keep = visible.length > 0 ? visible : group.slice(0, 1);
    for (const element of group) if (!keep.includes(element)) dropped.add(element);
  }
  return elements.filter((element) => !dropped.has(element));
}

export const facebookAdapter: SiteAdapter = {
  platform: FACEBOOK_SITE.platform,
  name: FACEBOOK_SITE.name,
  expectsPosts: FACEBOOK_SITE.expectsPosts,
  findReplyComposer: findFacebookReplyComposer,
  selectors: FB_SELECTORS,

  /** Every article, comments included: findPosts returns comments as posts of their own too. */
  postContainers: (root: ParentNode) => [...root.querySelectorAll(FB_POST_CONTAINER)],

  /**
   * Posts (outermost only: a shared post inside a post is part of it) and their comments and
   * replies, in document order. Comments sit inside their post's element, so both are returned.
   */
  findPosts(root: ParentNode): Element[] {
    const found = [...root.querySelectorAll(ITEM)].filter((element) =>
      isPostElement(element) ? !element.parentElement?.closest(POST) : isCommentElement(element),
    );
    const units = [...root.querySelectorAll(S.profileNameMarker)]
      .map(markerUnitOf)
      .filter((unit): unit is Element => unit !== null && !found.includes(unit));
    if (units.length === 0) return dropHiddenDuplicates(found);
    // Back in document order: comments inside a marker-only unit come after it.
    const all = [...new Set([...found, ...units])].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
    return dropHiddenDuplicates(all);
  },

  readPost(element: Element, win: Window): Post | null {
    if (isCommentElement(element)) return readComment(element);
    if (isPostElement(element)) return readFeedPost(element, win);
    return null;
  },

  anchorFor(element: Element): UiAnchor | null {
    if (isCommentElement(element)) {
      // Under the comment's "2h · Like · Reply" row.
      const row = ownCommentLinkElement(element)?.element.closest(S.commentActionRow);
      if (row && owns(element, row)) return { element: row, position: 'afterend' };
      return { element, position: 'beforeend' };
    }
    const message = messageOf(element);
    if (message) return { element: message, position: 'afterend' };
    const heading = ownFirst(element, S.authorLink)?.closest(S.headerHeading);
    if (heading) return { element: heading, position: 'afterend' };
    return { element, position: 'afterbegin' };
  },

  openReplyComposer(element: Element, _win: Window): boolean {
    if (isCommentElement(element)) {
      const reply = ownAll(element, S.inlineButton).find((button) => REPLY_BUTTON_LABELS.includes((button.textContent ?? '').trim())) as
        HTMLElement | undefined;
      if (typeof reply?.click !== 'function') return false;
      reply.click();
      return true;
    }
    const composer = ownFirst(element, S.composer) as HTMLElement | undefined;
    if (typeof composer?.focus === 'function') {
      composer.focus();
      return true;
    }
    const button = ownFirst(element, S.commentButton) as HTMLElement | undefined;
    if (typeof button?.click !== 'function') return false;
    button.click();
    return true;
  },
};
