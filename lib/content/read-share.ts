/**
 * The falling-share health check: of the post containers the page shows (X's articles,
 * Facebook's role="article" units, Yelp's rated list items), how many CareSide read. A site
 * that changes its markup mid-session (an A/B test, a redesign rolling out as the user scrolls)
 * keeps adding containers the adapter cannot read: the share falls from a healthy start.
 */

/** One look at the page: its post containers now, and how many of them CareSide read a post from. */
export interface ReadShareSample {
  containers: number;
  read: number;
}

/** What the sidebar and the diagnostics show about the read share. */
export interface ReadShareView extends ReadShareSample {
  /** The best share seen on this page while it had enough containers to judge; null before that. */
  healthyShare: number | null;
  /** The share fell sharply after a healthy start, on two settled looks in a row. */
  fallen: boolean;
}

export const READ_SHARE_THRESHOLDS = {
  /** Fewer containers than this say nothing either way: a status page, a short thread, a new page. */
  minContainers: 6,
  /** A look with at least this share (and enough containers) makes a healthy start. */
  healthyShare: 0.75,
  /** A fall: the share is at most this fraction of the healthy share… */
  fallenFraction: 0.5,
  /** …and at least this many containers are unread (a couple of odd cells are no fall). */
  minUnread: 5,
  /** Looks in a row that must show the fall (a container the page is still filling gets read on the next). */
  confirmations: 2,
} as const;

export const EMPTY_READ_SHARE: ReadShareView = { containers: 0, read: 0, healthyShare: null, fallen: false };

/**
 * Of `containers`, how many show a post read: a read post's element is its container or sits in
 * it (the nearest container counts; a Facebook comment is its own article inside its post's).
 */
export function readShareOf(containers: readonly Element[], readElements: Iterable<Element>): ReadShareSample {
  const all = new Set(containers);
  const read = new Set<Element>();
  for (const element of readElements) {
    let node: Element | null = element;
    while (node && !all.has(node)) node = node.parentElement;
    if (node) read.add(node);
  }
  return { containers: all.size, read: read.size };
}

const shareOf = ({ containers, read }: ReadShareSample) => (containers === 0 ? 0 : Math.min(read, containers) / containers);

/** Whether `sample` is a sharp fall from `healthyShare` (READ_SHARE_THRESHOLDS). */
export function isSharpFall(sample: ReadShareSample, healthyShare: number): boolean {
  const t = READ_SHARE_THRESHOLDS;
  if (sample.containers < t.minContainers || sample.containers - sample.read < t.minUnread) return false;
  return shareOf(sample) <= healthyShare * t.fallenFraction;
}

/**
 * Follows the read share of one page. Looks are fed only while no reads are pending; while the
 * page is still loading (its grace period) a look can make the healthy start but never counts
 * as a fall: a page still filling its containers is not judged.
 */
export class ReadShareWatch {
  private healthyShare: number | null = null;
  private fallsInARow = 0;
  private last: ReadShareSample = { containers: 0, read: 0 };

  /** A look at the page with no reads pending; `loading`: within the page's loading grace period. */
  observe(sample: ReadShareSample, loading = false): ReadShareView {
    this.last = sample;
    const t = READ_SHARE_THRESHOLDS;
    const share = shareOf(sample);
    if (sample.containers >= t.minContainers && share >= t.healthyShare) {
      this.healthyShare = Math.max(this.healthyShare ?? 0, share);
    }
    const fell = !loading && this.healthyShare !== null && isSharpFall(sample, this.healthyShare);
    this.fallsInARow = fell ? this.fallsInARow + 1 : 0;
    return this.view();
  }

  /** The last look fell but is not confirmed yet: look again soon. */
  get awaitingConfirmation(): boolean {
    return this.fallsInARow > 0 && this.fallsInARow < READ_SHARE_THRESHOLDS.confirmations;
  }

  view(): ReadShareView {
    return { ...this.last, healthyShare: this.healthyShare, fallen: this.fallsInARow >= READ_SHARE_THRESHOLDS.confirmations };
  }

  /** A new page (in-app navigation): no healthy start yet. */
  reset(): void {
    this.healthyShare = null;
    this.fallsInARow = 0;
    this.last = { containers: 0, read: 0 };
  }
}
