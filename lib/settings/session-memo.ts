import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from './schema';
import { readStoredSettings, settingsFromStoredValues, unreadableSettings, type LoadedSettings } from './store';

/** storage.session key of the last checked settings (never exported or synced). */
export const CHECKED_SETTINGS_KEY = 'careside:settings-checked';

interface CheckedSettings {
  /** The stored values they were checked from, as JSON. */
  stored: string;
  loaded: LoadedSettings;
}

type SessionArea = Pick<typeof browser.storage.local, 'get' | 'set'>;

function sessionArea(): SessionArea | undefined {
  return (browser.storage as { session?: SessionArea }).session;
}

function isChecked(value: unknown): value is CheckedSettings {
  if (typeof value !== 'object' || value === null) return false;
  const { stored, loaded } = value as Partial<CheckedSettings>;
  return typeof stored === 'string' && typeof loaded === 'object' && loaded !== null && typeof loaded.settings === 'object';
}

/**
 * loadSettings for the service worker, which reads its settings on every wake: checking them against the
 * schemas (zod) is most of what that read costs a cold start. The result is kept in storage.session (in
 * memory for this browser session, extension pages and the worker only, cleared on an update or reload)
 * beside the stored text it came from; a wake that reads the same text takes the result as it is, any
 * other text is checked again. Never rejects.
 */
export async function loadSettingsOnWake(session: SessionArea | undefined = sessionArea()): Promise<LoadedSettings> {
  const remembered = session?.get(CHECKED_SETTINGS_KEY).then(
    (values) => values[CHECKED_SETTINGS_KEY],
    () => undefined,
  );
  let stored: Record<string, unknown>;
  try {
    stored = await readStoredSettings();
  } catch (error) {
    return { settings: DEFAULT_SETTINGS, ...unreadableSettings(error) };
  }
  const text = JSON.stringify(stored);
  const checked = await remembered;
  if (isChecked(checked) && checked.stored === text) return checked.loaded;
  const loaded = settingsFromStoredValues(stored);
  session?.set({ [CHECKED_SETTINGS_KEY]: { stored: text, loaded } satisfies CheckedSettings }).catch(() => undefined);
  return loaded;
}
