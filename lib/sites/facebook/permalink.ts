/**
 * Facebook link parsing. Facebook decorates every link with tracking parameters (__cft__[0],
 * __tn__, ref, mibextid, rdid, share_url ...) and serves the same post under several hosts.
 * We keep only what identifies a post or comment so that one post always gets one key.
 */
import { FACEBOOK_SITE } from './site';

/** The hosts the content script runs on, plus the bare domain, which links may use. */
const FACEBOOK_HOSTS: ReadonlySet<string> = new Set([...FACEBOOK_SITE.hosts, 'facebook.com']);

const ORIGIN = 'https://www.facebook.com';

/** Characters a postId may hold (PostSchema); FB ids are digits or "pfbid" + base58. */
const ID = /^[A-Za-z0-9]{1,80}$/;
const NUMERIC = /^\d{1,30}$/;
/** First path segment of a Page or profile: vanity names allow dots; reserved words are not owners. */
const OWNER = /^[A-Za-z0-9.\-_]{1,100}$/;
const NOT_OWNERS: ReadonlySet<string> = new Set(['groups', 'photo', 'photo.php', 'watch', 'reel', 'stories', 'events']);

export interface PostLink {
  /** The post's own id as the link shows it: "pfbid0..." or digits. */
  postId: string;
  /** Canonical https://www.facebook.com URL with tracking parameters removed. */
  url: string;
}

export interface CommentLink {
  post: PostLink;
  commentId: string;
  /** Set when the link points at a reply to a comment. */
  replyCommentId?: string;
}

export interface ProfileLink {
  url: string;
  /** Numeric user id when the link carries one (profile.php?id=, /people/Name/ID, /groups/G/user/ID; not a /people/Name/pfbid... link). */
  id?: string;
}

/** Parse an href (absolute or relative) as a Facebook URL; null for other hosts and schemes. */
export function parseFacebookUrl(href: string | null | undefined): URL | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, ORIGIN);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !FACEBOOK_HOSTS.has(url.hostname) || url.port !== '') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url;
}

function segmentsOf(url: URL): string[] {
  return url.pathname.split('/').filter(Boolean);
}

/**
 * The post a link points at, for the permalink shapes Facebook uses:
 * /<owner>/posts/<id>, /permalink.php?story_fbid=&id=, /story.php?story_fbid=&id=,
 * /groups/<g>/posts/<id>, /groups/<g>/permalink/<id>, and /photo/?fbid=&set=pcb.<id>
 * (a photo of a multi-photo post: pcb.<id> is the post). Comment parameters are ignored here.
 */
export function parsePostLink(href: string | null | undefined): PostLink | null {
  const url = parseFacebookUrl(href);
  if (!url) return null;
  const parts = segmentsOf(url);
  const [first, second, third, fourth] = parts;

  if ((first === 'permalink.php' || first === 'story.php') && parts.length === 1) {
    const story = url.searchParams.get('story_fbid') ?? '';
    const owner = url.searchParams.get('id') ?? '';
    if (!ID.test(story) || !NUMERIC.test(owner)) return null;
    return { postId: story, url: `${ORIGIN}/permalink.php?story_fbid=${story}&id=${owner}` };
  }
  if (first === 'groups' && second && OWNER.test(second) && (third === 'posts' || third === 'permalink')) {
    if (!fourth || !ID.test(fourth)) return null;
    return { postId: fourth, url: `${ORIGIN}/groups/${second}/posts/${fourth}` };
  }
  if (first && OWNER.test(first) && !NOT_OWNERS.has(first) && second === 'posts' && third && ID.test(third)) {
    return { postId: third, url: `${ORIGIN}/${first}/posts/${third}` };
  }
  if ((first === 'photo' || first === 'photo.php') && parts.length === 1) {
    const set = /^pcb\.(\d{1,30})$/.exec(url.searchParams.get('set') ?? '');
    const post = set?.[1];
    // The owner is not in a photo link; story_fbid alone resolves on Facebook.
    if (post) return { postId: post, url: `${ORIGIN}/permalink.php?story_fbid=${post}` };
  }
  return null;
}

/**
 * A comment id as it appears in ?comment_id=: digits, or (newer links) base64 of
 * "comment:<postId>_<commentId>". Returns the digits, or null for anything else.
 */
export function normalizeCommentId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  if (NUMERIC.test(raw)) return raw;
  if (!/^[A-Za-z0-9+/_-]{8,200}={0,2}$/.test(raw)) return null;
  let decoded: string;
  try {
    decoded = atob(raw.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  return /^comment:\d{1,30}_(\d{1,30})$/.exec(decoded)?.[1] ?? null;
}

/** A link to a comment or reply on a post (the comment's timestamp link). */
export function parseCommentLink(href: string | null | undefined): CommentLink | null {
  const post = parsePostLink(href);
  if (!post) return null;
  const url = parseFacebookUrl(href);
  const commentId = normalizeCommentId(url?.searchParams.get('comment_id'));
  if (!url || !commentId) return null;
  const replyCommentId = normalizeCommentId(url.searchParams.get('reply_comment_id'));
  return replyCommentId ? { post, commentId, replyCommentId } : { post, commentId };
}

/** Stable id and canonical URL of a comment or reply. */
export function commentIdentity(link: CommentLink): { postId: string; url: string } {
  const separator = link.post.url.includes('?') ? '&' : '?';
  let url = `${link.post.url}${separator}comment_id=${link.commentId}`;
  let postId = `${link.post.postId}_c${link.commentId}`;
  if (link.replyCommentId) {
    url += `&reply_comment_id=${link.replyCommentId}`;
    postId += `_r${link.replyCommentId}`;
  }
  return { postId, url };
}

/**
 * A profile or Page link, with tracking parameters removed. Only links that can be a profile are
 * accepted (one vanity segment, profile.php?id=, /people/<name>/<id or pfbid>, /groups/<g>/user/<id>).
 */
export function parseProfileLink(href: string | null | undefined): ProfileLink | null {
  const url = parseFacebookUrl(href);
  if (!url) return null;
  const parts = segmentsOf(url);
  const [first, second, third, fourth] = parts;
  if (first === 'profile.php' && parts.length === 1) {
    const id = url.searchParams.get('id') ?? '';
    return NUMERIC.test(id) ? { url: `${ORIGIN}/profile.php?id=${id}`, id } : null;
  }
  if (first === 'people' && second && third && ID.test(third) && parts.length === 3) {
    // The last segment is the numeric user id, or (newer links) an opaque "pfbid..." that is no user id.
    const url = `${ORIGIN}/people/${encodeURIComponent(decodeSegment(second))}/${third}`;
    return NUMERIC.test(third) ? { url, id: third } : { url };
  }
  if (first === 'groups' && second && OWNER.test(second) && third === 'user' && fourth && NUMERIC.test(fourth)) {
    return { url: `${ORIGIN}/profile.php?id=${fourth}`, id: fourth };
  }
  if (first && parts.length === 1 && OWNER.test(first) && !NOT_OWNERS.has(first) && !first.endsWith('.php')) {
    return NUMERIC.test(first) ? { url: `${ORIGIN}/${first}`, id: first } : { url: `${ORIGIN}/${first}` };
  }
  return null;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
