/** A minimal observable value for useSyncExternalStore: the runtime writes, the sidebar reads. */
export interface Store<T> {
  get: () => T;
  update: (next: (current: T) => T) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    update(next) {
      const updated = next(value);
      if (Object.is(updated, value)) return;
      value = updated;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * `store` as a view for a reader that renders (the sidebar): its listeners hear of updates in a
 * task of their own, once for all the updates made meanwhile, instead of inside the task that
 * wrote them. A render then never joins the page read that caused it into one long task.
 */
export function notifiedInOwnTask<T>(store: Store<T>, schedule: (run: () => void) => void): Store<T> {
  const listeners = new Set<() => void>();
  let queued = false;
  let unsubscribe: (() => void) | undefined;
  const notify = () => {
    queued = false;
    for (const listener of [...listeners]) listener();
  };
  const onUpdate = () => {
    if (queued) return;
    queued = true;
    schedule(notify);
  };
  return {
    get: store.get,
    update: store.update,
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= store.subscribe(onUpdate);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        unsubscribe?.();
        unsubscribe = undefined;
      };
    },
  };
}
