import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageLifecycle, RESCAN_AFTER_NAVIGATION_MS, SEARCH_GRACE_MS } from './lifecycle';
import { createStore } from './store';
import { initialSnapshot } from './view-model';

/** The page's window: real events, timers the test runs by hand. */
function fakeWindow(href: string) {
  const timers: { run: () => void; ms: number }[] = [];
  const win = {
    location: { href },
    setTimeout: (run: () => void, ms: number) => timers.push({ run, ms }),
    clearTimeout: () => undefined,
    addEventListener: (...args: Parameters<Window['addEventListener']>) => window.addEventListener(...args),
  } as unknown as Window;
  /** Run the timers due after `ms` (in order), as the browser would. */
  const runTimers = (ms: number) => {
    for (const timer of timers.splice(0).filter((pending) => pending.ms === ms)) timer.run();
  };
  return { win, timers, runTimers };
}

const navigate = () => window.dispatchEvent(new Event(`${fakeBrowser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:locationchange`));

describe('PageLifecycle', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    ctx = new ContentScriptContext('lifecycle-test');
  });
  afterEach(() => ctx.notifyInvalidated());

  const setUp = (expectsPosts: (url: URL) => boolean = () => true) => {
    const page = fakeWindow('https://x.com/search?q=acme');
    const store = createStore({ ...initialSnapshot('X / Twitter'), searching: false });
    const lifecycle = new PageLifecycle(ctx, page.win, { expectsPosts }, store);
    return { ...page, store, lifecycle };
  };

  it('looks for posts during the grace period, then says what it found; a newer grace period wins', () => {
    const { store, lifecycle, timers } = setUp();
    lifecycle.startGracePeriod();
    expect(store.get()).toMatchObject({ searching: true, expectsPosts: true });
    lifecycle.startGracePeriod();
    const [older, newer] = timers.splice(0);
    expect(older?.ms).toBe(SEARCH_GRACE_MS);
    older?.run();
    expect(store.get().searching).toBe(true);
    newer?.run();
    expect(store.get().searching).toBe(false);
  });

  it('treats a page whose URL the adapter cannot judge as one without posts', () => {
    const { store, lifecycle } = setUp(() => {
      throw new Error('adapter bug');
    });
    lifecycle.startGracePeriod();
    expect(store.get().expectsPosts).toBe(false);
  });

  it('on in-app navigation clears the page, looks for posts again, publishes, and rescans a little later', () => {
    const { store, lifecycle, runTimers } = setUp();
    const calls: string[] = [];
    lifecycle.onNavigation({
      clearPage: () => calls.push(`clear (searching: ${store.get().searching})`),
      publish: () => calls.push(`publish (searching: ${store.get().searching})`),
      rescan: () => calls.push('rescan'),
    });
    navigate();
    expect(calls).toEqual(['clear (searching: false)', 'publish (searching: true)']);
    runTimers(RESCAN_AFTER_NAVIGATION_MS);
    expect(calls.at(-1)).toBe('rescan');
  });

  it('runs the cleanups once the context is invalidated, and no timer after that', () => {
    const { lifecycle, timers } = setUp();
    const stopped = vi.fn();
    lifecycle.onStop(stopped, stopped);
    const late = vi.fn();
    lifecycle.delay(late, 10);
    expect(lifecycle.stopped()).toBe(false);

    ctx.notifyInvalidated();
    expect(stopped).toHaveBeenCalledTimes(2);
    expect(lifecycle.stopped()).toBe(true);
    timers.forEach((timer) => timer.run());
    expect(late).not.toHaveBeenCalled();
  });
});
