import { EMPTY_READ_SHARE, ReadShareWatch, type ReadShareSample, type ReadShareView } from './read-share';
import type { Store } from './store';
import type { Delay } from './timers';
import type { ContentSnapshot } from './view-model';

/** How long after a page change the read share is looked at (and how often while the page is busy). */
export const READ_SHARE_CHECK_MS = 1_000;
/**
 * While the page keeps changing (posts streaming in), a look is put off until it has been still
 * for an interval, but never more than this many times in a row: each look walks every post on
 * the page, so looking every second of a long scroll costs O(posts) a second for no news.
 */
export const MAX_LOOKS_PUT_OFF = 4;

export interface ReadShareCheckOptions {
  store: Store<ContentSnapshot>;
  /** Count the page's post containers and how many of them show a post read now. */
  sample: () => ReadShareSample;
  /** Posts wait to be read: a look now would count containers about to be read as unread. */
  readsPending: () => boolean;
  /** Within the page's loading grace period: a look may make the healthy start, never a fall. */
  loading: () => boolean;
  delay: Delay;
  intervalMs?: number;
  now?: () => number;
}

export interface ReadShareCheck {
  /** The page changed: look at the read share once it settles (coalesced). */
  soon: () => void;
  /** A new page: forget the healthy start. */
  reset: () => void;
}

const sameView = (a: ReadShareView, b: ReadShareView) =>
  a.containers === b.containers && a.read === b.read && a.healthyShare === b.healthyShare && a.fallen === b.fallen;

/** Runs ReadShareWatch on the live page and puts what it says into the page store (snapshot.readShare). */
export function createReadShareCheck(options: ReadShareCheckOptions): ReadShareCheck {
  const { store, sample, readsPending, loading, delay } = options;
  const intervalMs = options.intervalMs ?? READ_SHARE_CHECK_MS;
  const now = options.now ?? Date.now;
  const watch = new ReadShareWatch();
  let queued = false;
  let changedAt = Number.NEGATIVE_INFINITY;
  let putOff = 0;

  const show = (readShare: ReadShareView) => {
    if (!sameView(store.get().readShare, readShare)) store.update((snapshot) => ({ ...snapshot, readShare }));
  };
  const later = () => {
    if (queued) return;
    queued = true;
    delay(look, intervalMs);
  };
  const look = () => {
    queued = false;
    if (readsPending()) return later();
    if (now() - changedAt < intervalMs && putOff < MAX_LOOKS_PUT_OFF) {
      putOff += 1;
      return later();
    }
    putOff = 0;
    const stillLoading = loading();
    show(watch.observe(sample(), stillLoading));
    // Look again once loading is over (to judge), or to confirm a fall.
    if (stillLoading || watch.awaitingConfirmation) later();
  };
  const soon = () => {
    changedAt = now();
    later();
  };
  return {
    soon,
    reset() {
      watch.reset();
      show(EMPTY_READ_SHARE);
    },
  };
}
