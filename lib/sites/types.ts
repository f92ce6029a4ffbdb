import type { Platform, Post } from '../domain/post';

/** Where and how to put CareSide's inline control next to a post. */
export interface UiAnchor {
  element: Element;
  position: InsertPosition;
}

/**
 * One per site: the page-reading half of a site, next to its data-only definition
 * (lib/sites/<site>/site.ts: name, hosts, URL patterns). Adapters take the root and window
 * they work on as arguments so that tests run them on saved fixtures without a browser. All page knowledge (selectors,
 * label formats) lives behind this interface; the content-script runtime knows none of it.
 */
export interface SiteAdapter {
  readonly platform: Platform;
  /** Human name shown in the sidebar ("X / Twitter"). */
  readonly name: string;
  /** Whether a page at this URL is expected to show posts (an empty result then means broken selectors). */
  expectsPosts(url: URL): boolean;
  /**
   * Every post element currently under root, in document order. Nested posts are returned too when
   * they can be logged on their own (Facebook comments inside their post, Yelp owner replies inside
   * the review); quoted posts that are part of another post's content are not.
   */
  findPosts(root: ParentNode): Element[];
  /**
   * The page's post containers, found by the plainest markup the site has kept for years (X's
   * article, Facebook's role="article", Yelp's rated list item), whether or not findPosts
   * recognises them: the health check compares how many of them yielded a post (read-share.ts).
   */
  postContainers?(root: ParentNode): Element[];
  /** The adapter's selector table, counted on the page for "Copy diagnostics". */
  readonly selectors?: Readonly<Record<string, string>>;
  /**
   * Read one post element into a typed Post; null for placeholders and cells that are not posts.
   * `brief`: only what brand matching reads (id, kind, text, quoted post, author handle and
   * address); an adapter with `completePost` may then leave the rest empty (display name, reach).
   * Most posts on a page mention no brand and are never shown, triaged or logged.
   */
  readPost(element: Element, win: Window, brief?: boolean): Post | null;
  /** The rest of a brief read of `element` (which still shows `post`): what a full read adds. */
  completePost?(post: Post, element: Element, win: Window): Post;
  /** Where the inline control goes for this post element. */
  anchorFor(element: Element): UiAnchor | null;
  /** Open the site's own reply composer for this post; false if the page offers none. */
  openReplyComposer(element: Element, win: Window): boolean;
  /** The reply box the site opened for this post element (lib/sites/<site>/composer.ts); null while none is open. */
  readonly findReplyComposer: (doc: Document, element: Element) => HTMLElement | null;
  /**
   * What the page shows about a post outside the post itself, looked up when the user logs it
   * rather than on every read (X: the author's numeric id, on a follow button). Returns the
   * post with what was found, or the post as it was.
   */
  completeForLog?(post: Post, doc: Document): Post;
}
