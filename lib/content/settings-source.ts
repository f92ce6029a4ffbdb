import { browser } from 'wxt/browser';
import { formatIssue } from '../validation/issues';
import { SETTINGS_STORAGE_KEY, type Settings } from '../settings/schema';
import { settingsFromStorage } from '../settings/store';

/** Settings as the content script sees them: valid, or broken with a message for the user. */
export type SettingsState = { status: 'ok'; settings: Settings } | { status: 'invalid'; message: string };

/**
 * What storage holds, read as the options page reads it (lib/settings/store.ts); the sidebar
 * names the first problem. Nothing stored yet means defaults (no brands), not an error.
 */
export function parseStoredSettings(raw: unknown): SettingsState {
  const { settings, issues } = settingsFromStorage(raw);
  const [first] = issues;
  return first ? { status: 'invalid', message: formatIssue(first) } : { status: 'ok', settings };
}

export async function loadSettings(): Promise<SettingsState> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_STORAGE_KEY);
    return parseStoredSettings(stored[SETTINGS_STORAGE_KEY]);
  } catch (error) {
    return { status: 'invalid', message: `could not read settings (${String(error)})` };
  }
}

/** Call `listener` whenever the stored settings change; returns the unsubscribe function. */
export function watchSettings(listener: (state: SettingsState) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_STORAGE_KEY in changes)) return;
    listener(parseStoredSettings(changes[SETTINGS_STORAGE_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

export interface SettingsFollower {
  /** Settles after the first read was applied: true, or false when the content script stopped meanwhile. */
  loaded: Promise<boolean>;
  stop: () => void;
}

/**
 * Apply the stored settings, then every change. A change that lands while the first read is in
 * flight is newer than what that read returns, so it is applied instead.
 */
export function followSettings(apply: (state: SettingsState) => void, isInvalid: () => boolean): SettingsFollower {
  let loaded = false;
  let changedBeforeLoad: SettingsState | undefined;
  const stop = watchSettings((state) => {
    if (loaded) apply(state);
    else changedBeforeLoad = state;
  });
  const loading = loadSettings().then((state) => {
    if (isInvalid()) return false;
    loaded = true;
    apply(changedBeforeLoad ?? state);
    return true;
  });
  return { loaded: loading, stop };
}
