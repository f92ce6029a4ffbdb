/**
 * Posts Facebook embeds as Relay JSON in the server HTML. A logged-out Page (and the first screen
 * of a logged-in feed) is not server-rendered: the data for the top posts travels in
 * <script type="application/json" data-sjs> blocks, or as JSON object literals inside inline
 * bootstrap scripts (requireLazy(...handle({...}))). Each post is an object with
 * __typename "Story" (post_id, comet_sections.content.story.{wwwURL, actors[], message.text},
 * ...metadata[].story.creation_time, feedback counts). Paths move between deploys, so fields are
 * looked up by shape where the exact path is not stable.
 */
import { clampPostText, type Post, type Reach } from '../../domain/post';
import { parsePostLink, parseProfileLink } from './permalink';
import { FB_SELECTORS as S } from './selectors';
import { isoFromMillis } from './time';

export interface EmbeddedStory {
  /** Facebook's numeric post_id. */
  storyId: string;
  /** The post as the adapter would read it; postId is the permalink's id (pfbid... when the link uses one). */
  post: Post;
}

type JsonObject = Record<string, unknown>;

const STORY_MARKER = '"__typename":"Story"';
/** Do not follow these keys when looking for a story's own fields: they hold other stories. */
const FOREIGN_KEYS: ReadonlySet<string> = new Set(['attached_story', 'attached_story_layout', 'all_subattachments']);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

function stringAt(value: unknown, ...path: string[]): string | undefined {
  const found = at(value, ...path);
  return typeof found === 'string' ? found : undefined;
}

/** Breadth-first search for the shallowest object matching `test`, not crossing into other stories. */
function findFirst(root: unknown, test: (object: JsonObject) => boolean): JsonObject | undefined {
  let level: unknown[] = [root];
  while (level.length > 0) {
    const next: unknown[] = [];
    for (const value of level) {
      if (Array.isArray(value)) {
        next.push(...(value as unknown[]));
      } else if (isObject(value)) {
        if (test(value)) return value;
        for (const [key, child] of Object.entries(value)) {
          if (!FOREIGN_KEYS.has(key) && typeof child === 'object' && child !== null) next.push(child);
        }
      }
    }
    level = next;
  }
  return undefined;
}

function countAt(object: JsonObject | undefined, ...path: string[]): number | undefined {
  const value = at(object, ...path);
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function readReach(story: JsonObject): Reach {
  const reach: Reach = {};
  const likes = countAt(
    findFirst(story, (o) => typeof at(o, 'reaction_count', 'count') === 'number'),
    'reaction_count',
    'count',
  );
  const reposts = countAt(
    findFirst(story, (o) => typeof at(o, 'share_count', 'count') === 'number'),
    'share_count',
    'count',
  );
  const replies =
    countAt(
      findFirst(story, (o) => typeof o.total_comment_count === 'number'),
      'total_comment_count',
    ) ??
    countAt(
      findFirst(story, (o) => typeof at(o, 'comments', 'total_count') === 'number'),
      'comments',
      'total_count',
    ) ??
    countAt(
      findFirst(story, (o) => typeof at(o, 'comment_count', 'total_count') === 'number'),
      'comment_count',
      'total_count',
    );
  if (likes !== undefined) reach.likes = likes;
  if (reposts !== undefined) reach.reposts = reposts;
  if (replies !== undefined) reach.replies = replies;
  return reach;
}

function readText(content: JsonObject): string {
  return (
    stringAt(content, 'comet_sections', 'message', 'story', 'message', 'text') ??
    stringAt(content, 'message', 'text') ??
    stringAt(content, 'comet_sections', 'message_container', 'story', 'message', 'text') ??
    ''
  );
}

/**
 * One Story object → post, or null when it lacks an id. Every field is built from checked parts,
 * as the adapter's DOM reading builds them (ids matched by permalink.ts's patterns, https URLs on
 * its origin, text and name cut to their limits), so the post holds to PostSchema (the tests parse
 * every fixture's) without zod in the content script; the background validates all it receives.
 */
export function readStory(story: JsonObject): EmbeddedStory | null {
  const storyId = story.post_id;
  if (typeof storyId !== 'string' || !/^\d{1,30}$/.test(storyId)) return null;
  const content = isObject(at(story, 'comet_sections', 'content', 'story'))
    ? (at(story, 'comet_sections', 'content', 'story') as JsonObject)
    : story;
  const metadata = findFirst(story, (o) => typeof o.creation_time === 'number');
  const link =
    parsePostLink(stringAt(content, 'wwwURL')) ??
    parsePostLink(stringAt(story, 'wwwURL')) ??
    parsePostLink(stringAt(metadata, 'url')) ??
    parsePostLink(stringAt(story, 'url'));

  const actors = at(content, 'actors');
  const actor = Array.isArray(actors) && isObject(actors[0]) ? actors[0] : undefined;
  const actorId = stringAt(actor, 'id');
  const profile = parseProfileLink(stringAt(actor, 'url') ?? stringAt(actor, 'profile_url'));
  const authorId = profile?.id ?? (actorId && /^\d{1,30}$/.test(actorId) ? actorId : undefined);

  const creationTime = at(metadata, 'creation_time');
  const postedAt = typeof creationTime === 'number' ? isoFromMillis(creationTime * 1000) : undefined;

  const fallbackUrl = authorId
    ? `https://www.facebook.com/permalink.php?story_fbid=${storyId}&id=${authorId}`
    : `https://www.facebook.com/${storyId}`;
  const post: Post = {
    platform: 'facebook',
    postId: link?.postId ?? storyId,
    kind: 'post',
    url: link?.url ?? fallbackUrl,
    authorName: (stringAt(actor, 'name') ?? '').slice(0, 200),
    ...(profile ? { authorUrl: profile.url } : {}),
    ...(authorId ? { authorId } : {}),
    text: clampPostText(readText(content)),
    ...(postedAt ? { postedAt } : {}),
    reach: readReach(story),
  };
  return { storyId, post };
}

/** Every Story in a parsed JSON value, outer stories first; shared (attached) stories included. */
export function storiesInJson(root: unknown): EmbeddedStory[] {
  const found: EmbeddedStory[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (isObject(value)) {
      if (value.__typename === 'Story') {
        const story = readStory(value);
        if (story) found.push(story);
      }
      const children = Object.values(value).filter((child) => typeof child === 'object' && child !== null);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return found;
}

/**
 * The JSON object literals in a script's source: each `{"` starts a candidate that is scanned to
 * its balanced closing brace (respecting JSON strings) and parsed. Non-JSON candidates are
 * skipped one character on; a parsed object is skipped whole, so inner objects are not revisited.
 */
export function jsonObjectsIn(source: string): unknown[] {
  const objects: unknown[] = [];
  // Failed candidates rescan text; cap the total so a hostile script cannot make this quadratic.
  let budget = source.length * 20;
  let from = 0;
  while (budget > 0) {
    const start = source.indexOf('{"', from);
    if (start < 0) break;
    const end = balancedEnd(source, start);
    budget -= (end < 0 ? source.length : end) - start + 1;
    if (end >= 0) {
      try {
        objects.push(JSON.parse(source.slice(start, end + 1)));
        from = end + 1;
        continue;
      } catch {
        // not JSON (JavaScript object literal): try the next candidate
      }
    }
    from = start + 1;
  }
  return objects;
}

/** Index of the brace closing the object that opens at `start`, or -1 (unbalanced or mismatched). */
function balancedEnd(source: string, start: number): number {
  const closers: number[] = [];
  let inString = false;
  for (let i = start; i < source.length; i++) {
    const char = source.charCodeAt(i);
    if (inString) {
      if (char === 92 /* \ */) i++;
      else if (char === 34 /* " */) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 123 /* { */) closers.push(125);
    else if (char === 91 /* [ */) closers.push(93);
    else if (char === 125 /* } */ || char === 93 /* ] */) {
      if (closers.pop() !== char) return -1;
      if (closers.length === 0) return i;
    }
  }
  return -1;
}

/** Add a story to `byId`; the same story can be sent twice (preloader + hydration): keep what either copy knows. */
export function mergeStory(byId: Map<string, EmbeddedStory>, story: EmbeddedStory): void {
  const known = byId.get(story.storyId);
  if (!known) {
    byId.set(story.storyId, story);
    return;
  }
  const post = known.post;
  byId.set(story.storyId, {
    storyId: story.storyId,
    post: {
      ...story.post,
      ...post,
      text: post.text || story.post.text,
      authorName: post.authorName || story.post.authorName,
      reach: { ...story.post.reach, ...post.reach },
    },
  });
}

/** The stories in one inline script; nothing for external or story-free scripts. */
export function storiesInScript(script: Element): EmbeddedStory[] {
  if (script.hasAttribute('src')) return [];
  const source = script.textContent ?? '';
  if (!source.includes(STORY_MARKER)) return [];
  const values: unknown[] = [];
  if (script.matches(S.relayJsonScript)) {
    try {
      values.push(JSON.parse(source));
    } catch {
      values.push(...jsonObjectsIn(source));
    }
  } else {
    values.push(...jsonObjectsIn(source));
  }
  return values.flatMap((value) => storiesInJson(value));
}

/** All posts embedded in a document's scripts, in document order, one per story. */
export function extractEmbeddedStories(root: ParentNode): EmbeddedStory[] {
  const byId = new Map<string, EmbeddedStory>();
  for (const script of root.querySelectorAll(S.script)) {
    for (const story of storiesInScript(script)) mergeStory(byId, story);
  }
  return [...byId.values()];
}
