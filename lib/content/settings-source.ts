import type { Settings } from '../settings/schema';
import { createSettingsSource } from '../settings/source';
import type { LoadedSettings } from '../settings/store';

/** Settings as the content script shows them: valid, or broken with the sentence saying why. */
export type SettingsState = { status: 'ok'; settings: Settings } | { status: 'invalid'; message: string };

/** The sidebar's view of what was read (lib/settings/store.ts words the problem, as on the options page). */
export function settingsStateOf(loaded: LoadedSettings): SettingsState {
  return loaded.error === null ? { status: 'ok', settings: loaded.settings } : { status: 'invalid', message: loaded.error };
}

export interface SettingsFollower {
  /** Settles after the first read was applied: true, or false when the content script stopped meanwhile. */
  loaded: Promise<boolean>;
  stop: () => void;
}

/**
 * Apply the stored settings, then every change, through the tab's one SettingsSource (a change
 * that lands while the first read is in flight wins over that read).
 */
export function followSettings(apply: (state: SettingsState) => void, isInvalid: () => boolean): SettingsFollower {
  const source = createSettingsSource();
  let loaded = false;
  source.subscribe((next) => {
    if (loaded) apply(settingsStateOf(next));
  });
  // Asked twice: the second answer is any change that arrived while the first read was in flight.
  const loading = source
    .current()
    .then(() => source.current())
    .then((first) => {
      if (isInvalid()) return false;
      loaded = true;
      apply(settingsStateOf(first));
      return true;
    });
  return { loaded: loading, stop: () => source.close() };
}
