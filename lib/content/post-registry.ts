import { postKeyOf, type Post, type PostKey } from '../domain/post';
import type { BrandMatch } from '../match/brand-matcher';
import { sameItems } from '../util/arrays';

/** One post seen on this page, however many elements currently show it. */
export interface PostRecord {
  readonly postKey: PostKey;
  post: Post;
  match: BrandMatch;
  /** Elements showing this post now (a post can appear twice, e.g. in a thread and a quote). */
  readonly elements: Set<Element>;
  /** Order of first sighting, for a stable sidebar. */
  readonly seenAt: number;
}

export interface RecordResult {
  record: PostRecord;
  /** The post this element showed before, when the site recycled the element for another post. */
  recycledFrom: PostKey | undefined;
  /**
   * A new post, or one whose shown parts (author, text, time, kind, brands) differ from the last
   * read. Sites re-render posts constantly; a re-read that shows the same is not a change.
   */
  changed: boolean;
}

function shownChanged(before: PostRecord, post: Post, match: BrandMatch): boolean {
  const old = before.post;
  return (
    old.text !== post.text ||
    old.authorName !== post.authorName ||
    old.authorHandle !== post.authorHandle ||
    old.url !== post.url ||
    old.postedAt !== post.postedAt ||
    old.kind !== post.kind ||
    old.truncated !== post.truncated ||
    before.match.byBrand !== match.byBrand ||
    !sameItems(before.match.brandIds, match.brandIds)
  );
}

/** Posts we remember per page; the oldest without an element on screen go first past this. */
const MAX_RECORDS = 3_000;

/**
 * Posts keyed by postKey, never by node: sites recycle elements (X reuses timeline cells), so
 * an element is only ever a pointer to whichever post it shows right now.
 */
export class PostRegistry {
  private readonly byKey = new Map<PostKey, PostRecord>();
  private readonly keyOfElement = new WeakMap<Element, PostKey>();
  /** Every element an adapter returned as a post, readable or not (placeholders fill in later). */
  private readonly postElements = new WeakSet<Element>();
  private sightings = 0;

  /** Remember that `element` is a post element, even before it can be read. */
  markPostElement(element: Element): void {
    this.postElements.add(element);
  }

  isPostElement(element: Element): boolean {
    return this.postElements.has(element);
  }

  keyOf(element: Element): PostKey | undefined {
    return this.keyOfElement.get(element);
  }

  get(postKey: PostKey): PostRecord | undefined {
    return this.byKey.get(postKey);
  }

  /** `element` now shows `post`; the latest read wins for the post's data. */
  record(element: Element, post: Post, match: BrandMatch): RecordResult {
    this.postElements.add(element);
    const postKey = postKeyOf(post.platform, post.postId);
    const previous = this.keyOfElement.get(element);
    const recycledFrom = previous !== undefined && previous !== postKey ? previous : undefined;
    if (recycledFrom !== undefined) this.byKey.get(recycledFrom)?.elements.delete(element);
    let record = this.byKey.get(postKey);
    let changed = true;
    if (record) {
      changed = shownChanged(record, post, match);
      record.post = post;
      record.match = match;
    } else {
      record = { postKey, post, match, elements: new Set(), seenAt: this.sightings++ };
      this.byKey.set(postKey, record);
    }
    record.elements.add(element);
    this.keyOfElement.set(element, postKey);
    this.evictIfFull();
    return { record, recycledFrom, changed };
  }

  /** `element` no longer shows a readable post. Returns the post it showed, if any. */
  forget(element: Element): PostKey | undefined {
    const postKey = this.keyOfElement.get(element);
    if (postKey === undefined) return undefined;
    this.keyOfElement.delete(element);
    this.byKey.get(postKey)?.elements.delete(element);
    return postKey;
  }

  /** Drop elements that left the document; their posts stay remembered. Returns the dropped elements. */
  pruneDisconnected(): Element[] {
    const dropped: Element[] = [];
    for (const record of this.byKey.values()) {
      for (const element of record.elements) {
        if (element.isConnected) continue;
        record.elements.delete(element);
        this.keyOfElement.delete(element);
        dropped.push(element);
      }
    }
    return dropped;
  }

  /** Re-run matching on every remembered post (settings changed). */
  rematch(match: (post: Post) => BrandMatch): void {
    for (const record of this.byKey.values()) record.match = match(record.post);
  }

  records(): PostRecord[] {
    return [...this.byKey.values()];
  }

  get size(): number {
    return this.byKey.size;
  }

  clear(): void {
    for (const record of this.byKey.values()) {
      for (const element of record.elements) this.keyOfElement.delete(element);
    }
    this.byKey.clear();
  }

  private evictIfFull(): void {
    if (this.byKey.size <= MAX_RECORDS) return;
    for (const [postKey, record] of this.byKey) {
      if (this.byKey.size <= MAX_RECORDS) break;
      if (record.elements.size === 0) this.byKey.delete(postKey);
    }
  }
}
