import { loadSettings, watchSettings, type LoadedSettings } from './store';

/**
 * The settings as one context (the background, a content script, a page) knows them: read
 * from storage once, kept fresh by storage change events, shared by everything in that context
 * instead of each part reading and watching storage itself.
 */
export interface SettingsSource {
  /** The current settings (defaults plus an error when the stored value is invalid or unreadable). */
  current(): Promise<LoadedSettings>;
  /** `listener` runs after every change, with the new settings; returns unsubscribe. */
  subscribe(listener: (loaded: LoadedSettings) => void): () => void;
  /** Stop watching storage. */
  close(): void;
}

/** `load` reads the stored settings once (the service worker passes loadSettingsOnWake). */
export function createSettingsSource(load: () => Promise<LoadedSettings> = loadSettings): SettingsSource {
  const listeners = new Set<(loaded: LoadedSettings) => void>();
  let latest: Promise<LoadedSettings> | undefined;
  // Watch before the first read: a change that lands while that read is in flight is newer.
  const stopWatching = watchSettings((loaded) => {
    latest = Promise.resolve(loaded);
    for (const listener of listeners) listener(loaded);
  });
  return {
    current() {
      latest ??= load();
      return latest;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      stopWatching();
      listeners.clear();
    },
  };
}
