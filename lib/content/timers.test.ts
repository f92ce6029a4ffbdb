import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createDelay } from './timers';

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
