import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createDelay, createStoppedCheck, LIVENESS_CHECK_MS } from './timers';

describe('createDelay', () => {
  afterEach(() => vi.useRealTimers());

  it('runs callbacks later, and drops pending ones when the content script is invalidated', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('timers-test');
    const delay = createDelay(ctx, window);
    const ran: string[] = [];
    delay(() => ran.push('soon'), 10);
    delay(() => ran.push('later'), 1_000);
    vi.advanceTimersByTime(10);
    expect(ran).toEqual(['soon']);
    ctx.notifyInvalidated();
    vi.advanceTimersByTime(1_000);
    expect(ran).toEqual(['soon']);
    delay(() => ran.push('after'), 1);
    vi.advanceTimersByTime(5);
    expect(ran).toEqual(['soon']);
  });

  it('registers one invalidation listener however many timeouts it schedules', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('timers-test');
    const onInvalidated = vi.spyOn(ctx, 'onInvalidated');
    const delay = createDelay(ctx, window);
    for (let i = 0; i < 100; i++) delay(() => undefined, 5);
    vi.advanceTimersByTime(10);
    expect(onInvalidated).toHaveBeenCalledOnce();
    ctx.notifyInvalidated();
  });
});

describe('createStoppedCheck', () => {
  it('answers from the abort signal at once, and asks the browser at most once per interval', () => {
    const ctx = new ContentScriptContext('timers-test');
    let clock = 0;
    const asked = vi.spyOn(ctx, 'isInvalid', 'get');
    const stopped = createStoppedCheck(ctx, () => clock);
    expect(stopped()).toBe(false);
    expect(stopped()).toBe(false);
    clock = LIVENESS_CHECK_MS - 1;
    expect(stopped()).toBe(false);
    expect(asked).toHaveBeenCalledOnce();
    clock = LIVENESS_CHECK_MS;
    expect(stopped()).toBe(false);
    expect(asked).toHaveBeenCalledTimes(2);

    asked.mockReturnValue(true); // the extension went away (runtime.id is gone)
    clock = 2 * LIVENESS_CHECK_MS - 1;
    expect(stopped()).toBe(false);
    clock = 2 * LIVENESS_CHECK_MS;
    expect(stopped()).toBe(true);

    asked.mockRestore();
    const fresh = createStoppedCheck(ctx, () => clock);
    ctx.notifyInvalidated();
    expect(fresh()).toBe(true);
  });
});
