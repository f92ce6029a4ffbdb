import type { PageFacts } from './page-index';
import type { Store } from './store';
import type { Delay } from './timers';
import type { ContentSnapshot, MentionEntry } from './view-model';

export interface PublisherOptions {
  /** The page store the sidebar reads. */
  store: Store<ContentSnapshot>;
  /** What the page shows now; built only when something shown changed. */
  facts: () => PageFacts;
  /** Runs after each publish with the published mentions (case watching, spiral reports). */
  onPublished: (mentions: readonly MentionEntry[]) => void;
  /**
   * While posts stream in, publish at most once per this many ms (the first batch at once, the
   * rest together). 0: after every batch.
   */
  intervalMs: number;
  delay: Delay;
  /** Whether posts still wait to be read (their publish follows). */
  readsPending: () => boolean;
  now?: () => number;
}

/**
 * Publishes the page's facts into the page store, only when they changed and, while posts
 * stream in, coalesced: a publish re-sorts every mention and the sidebar re-renders, so
 * publishing after every batch of a fast timeline costs O(n²).
 */
export class Publisher {
  /**
   * Bumped whenever something the sidebar shows changed: a post read for the first time or
   * showing different text, author or brands, a triage answer, new settings, a new page. Sites
   * re-render posts constantly; publish() skips the rebuild when nothing moved this counter.
   */
  private version = 0;
  private publishedVersion = -1;
  /** Posts read (new or changed) since the last publish: while they stream in, publishing is coalesced. */
  private postsReadSincePublish = 0;
  /** The last publish was a coalesced one listing new posts: posts are streaming in. */
  private streaming = false;
  private lastPublishAt = Number.NEGATIVE_INFINITY;
  private publishQueued = false;
  private readonly now: () => number;

  constructor(private readonly options: PublisherOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Something the sidebar shows changed (not a post read: see postRead). */
  shownChanged(): void {
    this.version++;
  }

  /** A post was read for the first time or shows something new. */
  postRead(): void {
    this.version++;
    this.postsReadSincePublish++;
  }

  /** Publish now, if anything shown changed since the last publish. */
  publish(): void {
    if (this.publishedVersion === this.version) return;
    this.publishedVersion = this.version;
    this.postsReadSincePublish = 0;
    const { postsRead, readQuality, mentions } = this.options.facts();
    // The busy flag goes in the same update: each update re-renders the sidebar.
    const updating = this.publishQueued || this.options.readsPending();
    this.options.store.update((snapshot) => ({ ...snapshot, postsRead, readQuality, mentions, updating }));
    this.options.onPublished(mentions);
  }

  /**
   * publish(), coalesced while posts stream in: later batches, and the triage answers that come
   * back meanwhile, publish together at the end of the interval. On a page that is not
   * streaming (its first posts read, or the stream over), the sidebar follows a change (a triage
   * or case answer) at once.
   */
  publishSoon(): void {
    const { intervalMs } = this.options;
    const now = this.now();
    const quiet = this.postsReadSincePublish === 0 && !this.streaming;
    if (intervalMs <= 0 || quiet || this.publishedVersion === this.version) return this.publishAt(now);
    if (!this.publishQueued) {
      const wait = this.lastPublishAt + intervalMs - now;
      if (wait <= 0) return this.publishAt(now);
      this.publishLaterBy(wait);
    }
    // Busy only while posts read wait to be listed (a triage label catching up is no backlog).
    if (this.postsReadSincePublish > 0) this.setUpdating(true);
  }

  private publishLaterBy(wait: number): void {
    this.publishQueued = true;
    this.options.delay(this.publishLater, wait);
  }

  private readonly publishLater = (): void => {
    this.publishQueued = false;
    // Still streaming while coalesced publishes list new posts; one without any ends it.
    this.streaming = this.postsReadSincePublish > 0;
    // While streaming, the next interval is already booked: the list stays marked busy until an
    // interval passes without new posts, instead of flipping (and re-rendering) between batches.
    if (this.streaming) this.publishLaterBy(this.options.intervalMs);
    this.publishAt(this.now());
  };

  private publishAt(at: number): void {
    this.lastPublishAt = at;
    this.publish();
    this.setUpdating(this.publishQueued || this.options.readsPending());
  }

  /** The sidebar says (aria-busy) while what it lists is behind what was read. */
  private setUpdating(updating: boolean): void {
    const { store } = this.options;
    if (store.get().updating !== updating) store.update((snapshot) => ({ ...snapshot, updating }));
  }
}
