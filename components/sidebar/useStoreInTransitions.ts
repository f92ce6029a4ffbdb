import { startTransition, useEffect, useState } from 'react';
import type { Store } from '../../lib/content/store';

/**
 * The store's value, re-rendered in a transition: React renders it in slices and yields to the
 * page between them, where useSyncExternalStore would render it in one go. The page's snapshot
 * changes as posts stream in, and a render of many new rows (with its first compilation and a
 * collection) made long tasks on a busy timeline.
 */
export function useStoreInTransitions<T>(store: Store<T>): T {
  const [value, setValue] = useState(store.get);
  useEffect(() => {
    const follow = () => startTransition(() => setValue(store.get()));
    // What changed between the first render and this subscription.
    follow();
    return store.subscribe(follow);
  }, [store]);
  return value;
}
