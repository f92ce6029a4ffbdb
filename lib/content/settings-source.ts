import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY, SettingsSchema, type Settings } from '../settings/schema';

/** Settings as the content script sees them: valid, or broken with a message for the user. */
export type SettingsState = { status: 'ok'; settings: Settings } | { status: 'invalid'; message: string };

/** Validate what storage holds. Nothing stored yet means defaults (no brands), not an error. */
export function parseStoredSettings(raw: unknown): SettingsState {
  if (raw === undefined || raw === null) return { status: 'ok', settings: DEFAULT_SETTINGS };
  const parsed = SettingsSchema.safeParse(raw);
  if (parsed.success) return { status: 'ok', settings: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return { status: 'invalid', message: `${where}${issue?.message ?? 'not valid settings'}` };
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
