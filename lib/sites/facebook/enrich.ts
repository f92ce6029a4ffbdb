/**
 * Fill what the rendered DOM does not show from the posts embedded as JSON in the same document
 * (embedded-json.ts): creation time, numeric author id, counts, the untruncated text, and the
 * permalink of a post whose timestamp link has not been filled in yet (Facebook sets that href on
 * hover). The index grows with the document: only scripts not seen before are read, and only
 * when the number of scripts changed (Facebook keeps appending <script src> bundles).
 */
import type { Post } from '../../domain/post';
import { mergeStory, storiesInScript, type EmbeddedStory } from './embedded-json';

interface StoryIndex {
  scriptCount: number;
  seen: WeakSet<Element>;
  byStoryId: Map<string, EmbeddedStory>;
  stories: EmbeddedStory[];
  byPostId: Map<string, EmbeddedStory>;
}

const indexes = new WeakMap<Document, StoryIndex>();

/** Text compared across DOM and JSON: whitespace-insensitive, without the "…" of a cut body. */
export function comparableText(text: string): string {
  return text.replace(/…$/u, '').replace(/\s+/g, ' ').trim();
}

/** Shortest DOM text we accept as identifying a JSON story by prefix. */
const MIN_MATCH_LENGTH = 24;

export function storyIndexFor(doc: Document): StoryIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = { scriptCount: -1, seen: new WeakSet(), byStoryId: new Map(), stories: [], byPostId: new Map() };
    indexes.set(doc, index);
  }
  const scripts = doc.scripts;
  if (scripts.length === index.scriptCount) return index;
  index.scriptCount = scripts.length;
  let added = false;
  for (const script of scripts) {
    if (index.seen.has(script)) continue;
    index.seen.add(script);
    for (const story of storiesInScript(script)) {
      mergeStory(index.byStoryId, story);
      added = true;
    }
  }
  if (added) {
    index.stories = [...index.byStoryId.values()];
    index.byPostId = new Map();
    for (const story of index.stories) {
      index.byPostId.set(story.post.postId, story);
      index.byPostId.set(story.storyId, story);
    }
  }
  return index;
}

/** The embedded story for a post id, or, without one, the single story whose text starts with this text. */
export function findStory(doc: Document, postId: string | null, text: string): EmbeddedStory | undefined {
  const index = storyIndexFor(doc);
  if (postId) return index.byPostId.get(postId);
  const prefix = comparableText(text);
  if (prefix.length < MIN_MATCH_LENGTH) return undefined;
  const matches = index.stories.filter((story) => comparableText(story.post.text).startsWith(prefix));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Add what the JSON knows and the DOM did not show; the DOM wins where both have a value. */
export function enrichPost(post: Post, story: EmbeddedStory): Post {
  const domText = comparableText(post.text);
  const jsonText = story.post.text;
  const fullerText = jsonText.length > post.text.length && comparableText(jsonText).startsWith(domText);
  return {
    ...post,
    text: fullerText || !post.text ? jsonText : post.text,
    authorName: post.authorName || story.post.authorName,
    ...((post.authorUrl ?? story.post.authorUrl) ? { authorUrl: post.authorUrl ?? story.post.authorUrl } : {}),
    ...((post.authorId ?? story.post.authorId) ? { authorId: post.authorId ?? story.post.authorId } : {}),
    ...((post.postedAt ?? story.post.postedAt) ? { postedAt: post.postedAt ?? story.post.postedAt } : {}),
    reach: { ...story.post.reach, ...post.reach },
  };
}
