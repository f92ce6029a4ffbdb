import { describe, expect, it, vi } from 'vitest';
import { createStore, notifiedInOwnTask } from './store';

describe('notifiedInOwnTask', () => {
  function setUp() {
    const store = createStore(0);
    const tasks: (() => void)[] = [];
    const view = notifiedInOwnTask(store, (run) => tasks.push(run));
    return { store, tasks, view };
  }

  it('tells its listeners in a task of their own, once for every update made meanwhile', () => {
    const { store, tasks, view } = setUp();
    const listener = vi.fn(() => view.get());
    view.subscribe(listener);
    store.update(() => 1);
    store.update(() => 2);
    expect(listener).not.toHaveBeenCalled();
    expect(tasks).toHaveLength(1);
    tasks.shift()?.();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.results[0]?.value).toBe(2);
  });

  it('reads and writes the store itself, and lets go of it once nobody listens', () => {
    const { store, tasks, view } = setUp();
    view.update(() => 5);
    expect([store.get(), view.get()]).toEqual([5, 5]);
    const stop = view.subscribe(() => undefined);
    stop();
    store.update(() => 6);
    expect(tasks).toEqual([]);
  });
});
