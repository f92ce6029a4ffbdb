import { browser } from 'wxt/browser';
import type { SendRequest } from '../messaging/client';
import { AGENT_PROFILE_STORAGE_KEY } from '../settings/agent-profile';
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY, type Settings } from '../settings/schema';
import { unreadableSettings, type LoadedSettings } from '../settings/store';

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
 * Apply the settings, then every change. The background reads and checks them (settings/current:
 * the same loadSettings every page uses), so the content script's first stage carries no schema;
 * a storage change to them asks again, and only the newest question's answer is applied (a change
 * that lands while the first read is in flight wins over that read).
 */
export function followSettings(apply: (state: SettingsState) => void, isInvalid: () => boolean, request: SendRequest): SettingsFollower {
  let latest = 0;
  let stopped = false;
  let settle: (live: boolean) => void = () => undefined;
  const loaded = new Promise<boolean>((resolve) => (settle = resolve));
  const ask = () => {
    const question = ++latest;
    void readSettings(request).then((next) => {
      if (question !== latest || stopped) return; // a newer question answers for it
      if (isInvalid()) return settle(false);
      apply(settingsStateOf(next));
      settle(true);
    });
  };
  const onChanged = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'local' && (SETTINGS_STORAGE_KEY in changes || AGENT_PROFILE_STORAGE_KEY in changes)) ask();
  };
  browser.storage.onChanged.addListener(onChanged);
  ask();
  return {
    loaded,
    stop: () => {
      stopped = true;
      settle(false);
      browser.storage.onChanged.removeListener(onChanged);
    },
  };
}

async function readSettings(request: SendRequest): Promise<LoadedSettings> {
  try {
    return await request('settings/current', {});
  } catch (error) {
    return { settings: DEFAULT_SETTINGS, ...unreadableSettings(error) };
  }
}
