import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** `setTimeout` for a content script's whole life: pending callbacks are dropped when it is invalidated. */
export type Delay = (callback: () => void, ms: number) => void;

/**
 * Like ctx.setTimeout, without its cost per call: WXT's ctx.setTimeout adds an invalidation
 * listener for every timeout and never removes it, and a tab left open all day on a busy
 * timeline schedules several timeouts a second. Here one listener clears whatever is pending.
 */
export function createDelay(ctx: ContentScriptContext, win: Pick<Window, 'setTimeout' | 'clearTimeout'>): Delay {
  const pending = new Set<number>();
  ctx.onInvalidated(() => {
    for (const id of pending) win.clearTimeout(id);
    pending.clear();
  });
  return (callback, ms) => {
    if (ctx.isInvalid) return;
    const id = win.setTimeout(() => {
      pending.delete(id);
      if (ctx.isValid) callback();
    }, ms);
    pending.add(id);
  };
}
