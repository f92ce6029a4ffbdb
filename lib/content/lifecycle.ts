import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '../sites/types';
import type { Store } from './store';
import { createDelay, createStoppedCheck, type Delay } from './timers';
import type { ContentSnapshot } from './view-model';

/** How long an empty page counts as "still loading" before the sidebar says it found nothing. */
export const SEARCH_GRACE_MS = 5_000;
export const RESCAN_AFTER_NAVIGATION_MS = 600;

export interface NavigationHooks {
  /** The site navigated in-app: forget the old page's posts and controls. */
  clearPage: () => void;
  /** Show the (now empty) page in the sidebar. */
  publish: () => void;
  /** Read every post on the page again. */
  rescan: () => void;
}

/**
 * A content script's life on one tab: the grace period in which an empty page is normal, in-app
 * navigation (`wxt:locationchange`) and the end of the context, plus the timers that die with it.
 */
export class PageLifecycle {
  /** One liveness check (it asks the browser at most once a second) for timers and reads. */
  readonly stopped: () => boolean;
  readonly delay: Delay;
  private graceGeneration = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly win: Window,
    private readonly adapter: Pick<SiteAdapter, 'expectsPosts'>,
    private readonly store: Store<ContentSnapshot>,
  ) {
    this.stopped = createStoppedCheck(ctx);
    this.delay = createDelay(ctx, win, this.stopped);
  }

  /** Show "looking for posts" for a while after load/navigation, then say plainly what we found. */
  startGracePeriod(): void {
    const generation = ++this.graceGeneration;
    this.store.update((snapshot) => ({ ...snapshot, searching: true, expectsPosts: this.expectsPosts() }));
    this.delay(() => {
      if (generation === this.graceGeneration) this.store.update((snapshot) => ({ ...snapshot, searching: false }));
    }, SEARCH_GRACE_MS);
  }

  /** Run these when the content script is invalidated (extension reloaded, updated or removed). */
  onStop(...cleanups: (() => void)[]): void {
    this.ctx.onInvalidated(() => {
      for (const cleanup of cleanups) cleanup();
    });
  }

  onNavigation(hooks: NavigationHooks): void {
    // In-app navigation: start a new page. The event fires as navigation starts, while the old
    // posts may still be on screen, so new posts arrive through the observer and one delayed
    // rescan picks up whatever the site kept.
    this.ctx.addEventListener(this.win, 'wxt:locationchange', () => {
      hooks.clearPage();
      this.startGracePeriod();
      hooks.publish();
      this.delay(hooks.rescan, RESCAN_AFTER_NAVIGATION_MS);
    });
  }

  private expectsPosts(): boolean {
    try {
      return this.adapter.expectsPosts(new URL(this.win.location.href));
    } catch {
      return false;
    }
  }
}
