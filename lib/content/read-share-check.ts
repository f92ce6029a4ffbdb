import { EMPTY_READ_SHARE, ReadShareWatch, type ReadShareSample, type ReadShareView } from './read-share';
import type { Store } from './store';
import type { Delay } from './timers';
import type { ContentSnapshot } from './view-model';

/** How long after a page change the read share is looked at (and how often while the page is busy). */
export const READ_SHARE_CHECK_MS = 1_000;

export interface ReadShareCheckOptions {
  store: Store<ContentSnapshot>;
  /** Count the page's post containers and how many of them show a post read now. */
  sample: () => ReadShareSample;
  /** No reads pending and past the loading grace period: a look now says something. */
  settled: () => boolean;
  delay: Delay;
  intervalMs?: number;
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
  const { store, sample, settled, delay } = options;
  const intervalMs = options.intervalMs ?? READ_SHARE_CHECK_MS;
  const watch = new ReadShareWatch();
  let queued = false;

  const show = (readShare: ReadShareView) => {
    if (!sameView(store.get().readShare, readShare)) store.update((snapshot) => ({ ...snapshot, readShare }));
  };
  const look = () => {
    queued = false;
    // A page still loading or reading is not judged: look again once it is done.
    if (!settled()) return soon();
    show(watch.observe(sample()));
    if (watch.awaitingConfirmation) soon();
  };
  const soon = () => {
    if (queued) return;
    queued = true;
    delay(look, intervalMs);
  };
  return {
    soon,
    reset() {
      watch.reset();
      show(EMPTY_READ_SHARE);
    },
  };
}
