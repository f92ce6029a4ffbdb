import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** `setTimeout` for a content script's whole life: pending callbacks are dropped when it is invalidated. */
export type Delay = (callback: () => void, ms: number) => void;

/**
 * Like ctx.setTimeout, without its cost per call: WXT's ctx.setTimeout adds an invalidation
 * listener for every timeout and never removes it, and a tab left open all day on a busy
 * timeline schedules several timeouts a second. Here one listener clears whatever is pending.
 */
export function createDelay(
  ctx: ContentScriptContext,
  win: Pick<Window, 'setTimeout' | 'clearTimeout'>,
  stopped: () => boolean = createStoppedCheck(ctx),
): Delay {
  const pending = new Set<number>();
  ctx.onInvalidated(() => {
    for (const id of pending) win.clearTimeout(id);
    pending.clear();
  });
  return (callback, ms) => {
    if (stopped()) return;
    const id = win.setTimeout(() => {
      pending.delete(id);
      if (!stopped()) callback();
    }, ms);
    pending.add(id);
  };
}

/** How often a check asks the browser whether the extension is still there. */
export const LIVENESS_CHECK_MS = 1_000;

/**
 * Whether the content script has stopped, cheaply enough to ask per task: ctx.isInvalid asks
 * the browser (runtime.id) on every call, which showed up in timeline profiles. The abort
 * signal answers at once; an orphaned script (extension updated or removed) is noticed within
 * LIVENESS_CHECK_MS.
 */
export function createStoppedCheck(ctx: ContentScriptContext, now: () => number = () => performance.now()): () => boolean {
  let aliveAt = Number.NEGATIVE_INFINITY;
  return () => {
    if (ctx.signal.aborted) return true;
    const at = now();
    if (at - aliveAt < LIVENESS_CHECK_MS) return false;
    if (ctx.isInvalid) return true;
    aliveAt = at;
    return false;
  };
}
