import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferWakeWork } from './wake-work';

describe('deferWakeWork', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for the first answer, then runs the work once', () => {
    const work = vi.fn();
    const wake = deferWakeWork(work, 250);
    vi.advanceTimersByTime(100);
    expect(work).not.toHaveBeenCalled();
    wake.answered();
    expect(work).toHaveBeenCalledTimes(1);
    wake.answered();
    vi.advanceTimersByTime(1_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs the work after the delay when nothing is answered (a wake for an alarm)', () => {
    const work = vi.fn();
    const wake = deferWakeWork(work, 250);
    vi.advanceTimersByTime(249);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
    wake.answered();
    expect(work).toHaveBeenCalledTimes(1);
  });
});
