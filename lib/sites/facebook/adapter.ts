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
  FB_SELECTORS as S,
  REPLY_BUTTON_LABELS,
  SHARE_COUNT,
} from './selectors';
import { FACEBOOK_SITE } from './site';
import { isoFromMillis } from './time';
import { readRichText } from './text';

const POST = `${S.feedUnit}, ${S.standalonePost}`;
/** Anything that is a post or comment of its own: content inside it is not the enclosing post's. */
const ITEM = `${POST}, ${S.commentArticle}`;

function isPostElement(element: Element): boolean {
  return element.matches(POST) && !element.matches(S.commentArticle);
}

/** Does `node` belong to `item` itself rather than to a comment or post nested in it? */
function owns(item: Element, node: Element): boolean {
  return node.closest(ITEM) === item;
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
    if (link.closest(POST) !== post) continue;
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

  /**
   * Posts (outermost only: a shared post inside a post is part of it) and their comments and
   * replies, in document order. Comments sit inside their post's element, so both are returned.
   */
  findPosts(root: ParentNode): Element[] {
    const found = [...root.querySelectorAll(ITEM)].filter((element) =>
      isPostElement(element) ? !element.parentElement?.closest(POST) : isCommentElement(element),
    );
    return dropHiddenDuplicates(found);
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
