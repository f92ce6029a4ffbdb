import { describe, expect, it, vi } from 'vitest';
import { createTaskQueue } from './task-queue';

describe('createTaskQueue', () => {
  it('runs callbacks after the current task, in order, never inside it', async () => {
    const queue = createTaskQueue(window);
    const ran: string[] = [];
    queue(() => ran.push('first'));
    queue(() => ran.push('second'));
    await Promise.resolve();
    expect(ran).toEqual([]); // not a microtask: the page's task finishes first
    await vi.waitFor(() => expect(ran).toEqual(['first', 'second']));
  });

  it('uses scheduler.postTask (user-blocking: the user is looking at these posts) where the browser has it', () => {
    const postTask = vi.fn(() => Promise.resolve());
    const queue = createTaskQueue({ ...window, scheduler: { postTask } } as unknown as Window);
    const callback = () => undefined;
    queue(callback);
    expect(postTask).toHaveBeenCalledWith(callback, { priority: 'user-blocking' });
  });

  it('falls back to a timeout without postTask or MessageChannel', () => {
    const setTimeout = vi.fn();
    const queue = createTaskQueue({ setTimeout, MessageChannel: undefined } as unknown as Window);
    queue(() => undefined);
    expect(setTimeout).toHaveBeenCalledOnce();
  });
});
