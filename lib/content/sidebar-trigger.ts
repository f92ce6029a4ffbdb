import type { Store } from './store';
import { healthWarning, type ContentSnapshot } from './view-model';

/**
 * Whether the sidebar has anything for the user here: a mention, a health warning, a settings
 * error, or no brand set up yet (it points to the options page).
 */
export function sidebarHasSomethingToShow(snapshot: ContentSnapshot): boolean {
  const { settings } = snapshot;
  if (settings.status === 'loading') return false;
  if (settings.status === 'invalid' || settings.settings.brands.length === 0) return true;
  return snapshot.mentions.length > 0 || healthWarning(snapshot) !== null;
}

/**
 * Calls `show` once, when the page first has something for the sidebar: until then its code is
 * not even loaded (sidebar-ui.ts). Returns what stops watching.
 */
export function showWhenSomethingToShow(store: Store<ContentSnapshot>, show: () => void): () => void {
  let unsubscribe: (() => void) | undefined;
  const check = () => {
    if (!sidebarHasSomethingToShow(store.get())) return;
    unsubscribe?.();
    unsubscribe = undefined;
    show();
  };
  unsubscribe = store.subscribe(check);
  check();
  return () => unsubscribe?.();
}

export interface FocusRelay {
  /** What the sidebar subscribes with (PageUi.onFocusRequest). */
  subscribe: (listener: () => void) => () => void;
  stop: () => void;
}

/**
 * The focus-sidebar shortcut, heard from the start. A press while no sidebar listens (not loaded
 * yet) calls `onUnheard`, which loads it, and is handed to the sidebar's listener once it subscribes.
 */
export function createFocusRelay(requests: (listener: () => void) => () => void, onUnheard: () => void): FocusRelay {
  const listeners = new Set<() => void>();
  let waiting = false;
  const stopRequests = requests(() => {
    if (listeners.size > 0) {
      for (const listener of [...listeners]) listener();
      return;
    }
    waiting = true;
    onUnheard();
  });
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (waiting) {
        waiting = false;
        // Not inside the subscriber's own call (a React effect): right after it.
        queueMicrotask(listener);
      }
      return () => listeners.delete(listener);
    },
    stop: stopRequests,
  };
}
