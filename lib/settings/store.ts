import { browser } from 'wxt/browser';
import { t } from '../i18n/t';
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY, type Settings, type SettingsInput } from './schema';
import { formatIssue, type ValidationIssue } from '../validation/issues';
import { validateSettings } from './validate';
import { AGENT_PROFILE_STORAGE_KEY, AgentProfileSchema, agentProfileFromStorage } from './agent-profile';

/** What was read from storage. `error` explains why defaults are shown instead of the stored value. */
export interface LoadedSettings {
  settings: Settings;
  error: string | null;
}

/** A save refused because the settings are invalid; nothing was written. */
export class SettingsValidationError extends Error {
  readonly errors: string[];
  constructor(readonly issues: ValidationIssue[]) {
    const errors = issues.map((issue) => formatIssue(issue));
    super(`Settings not saved: ${errors.join('; ')}`);
    this.name = 'SettingsValidationError';
    this.errors = errors;
  }
}

/**
 * What a stored value means: missing (undefined, or null, which is how scripts and the demo
 * clear settings) is the defaults; invalid is the defaults plus what is wrong with it. The one
 * reading of stored settings, for every page and content script.
 */
export function settingsFromStorage(value: unknown): { settings: Settings; issues: ValidationIssue[] } {
  if (value === undefined || value === null) return { settings: DEFAULT_SETTINGS, issues: [] };
  const result = validateSettings(value);
  return result.ok ? { settings: result.settings, issues: [] } : { settings: DEFAULT_SETTINGS, issues: result.issues };
}

function fromStoredValue(value: unknown): LoadedSettings {
  const { settings, issues } = settingsFromStorage(value);
  if (issues.length === 0) return { settings, error: null };
  return {
    settings,
    error: t('settingsFile.storedInvalid', { issues: issues.map((issue) => formatIssue(issue)).join('; ') }),
  };
}

/**
 * Read settings; missing -> defaults; invalid or unreadable -> defaults plus an error (the stored
 * value is not touched). Never rejects.
 */
export async function loadSettings(): Promise<LoadedSettings> {
  try {
    return settingsFromStoredValues(await readStoredSettings());
  } catch (error) {
    return { settings: DEFAULT_SETTINGS, ...unreadableSettings(error) };
  }
}

/** The stored values settings are made of (settings and the install's profile), as storage holds them. */
export function readStoredSettings(): Promise<Record<string, unknown>> {
  return browser.storage.local.get([SETTINGS_STORAGE_KEY, AGENT_PROFILE_STORAGE_KEY]);
}

/** What readStoredSettings' values mean (checked against the schemas). */
export function settingsFromStoredValues(stored: Record<string, unknown>): LoadedSettings {
  return withInstallSignature(fromStoredValue(stored[SETTINGS_STORAGE_KEY]), stored[AGENT_PROFILE_STORAGE_KEY]);
}

/** Why the defaults are in use when the settings could not be read at all. */
export function unreadableSettings(error: unknown): { error: string } {
  return { error: t('settingsFile.unreadable', { error: describe(error) }) };
}

/**
 * The signature is the install's (agent-profile.ts): settings carry it in memory so replies can
 * use it. Settings stored before it moved keep theirs until the next save moves it.
 */
function withInstallSignature(loaded: LoadedSettings, profileValue: unknown): LoadedSettings {
  const profile = agentProfileFromStorage(profileValue);
  if (profile === undefined) return loaded;
  return { ...loaded, settings: { ...loaded.settings, agentSignature: profile.signature } };
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Validate, then store; resolves to the normalised settings that were written. */
export async function saveSettings(input: SettingsInput | Settings): Promise<Settings> {
  const result = validateSettings(input);
  if (!result.ok) throw new SettingsValidationError(result.issues);
  const stored = await browser.storage.local.get(AGENT_PROFILE_STORAGE_KEY);
  const profile = agentProfileFromStorage(stored[AGENT_PROFILE_STORAGE_KEY]);
  // One write: watchers see the settings and the install's signature change together.
  await browser.storage.local.set({
    [SETTINGS_STORAGE_KEY]: { ...result.settings, agentSignature: '' },
    // The rest of the profile (name, email, agent id) is kept as it is.
    [AGENT_PROFILE_STORAGE_KEY]: AgentProfileSchema.parse({ ...profile, signature: result.settings.agentSignature }),
  });
  return result.settings;
}

/** Call back with the new settings whenever any page or tab changes them; returns unsubscribe. */
export function watchSettings(callback: (loaded: LoadedSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== 'local') return;
    const settingsChange = changes[SETTINGS_STORAGE_KEY];
    const profileChange = changes[AGENT_PROFILE_STORAGE_KEY];
    if (settingsChange && !profileChange) {
      // Only the settings changed: the signature is the profile's as stored.
      void browser.storage.local
        .get(AGENT_PROFILE_STORAGE_KEY)
        .then((stored) => callback(withInstallSignature(fromStoredValue(settingsChange.newValue), stored[AGENT_PROFILE_STORAGE_KEY])));
    } else if (settingsChange && profileChange) {
      callback(withInstallSignature(fromStoredValue(settingsChange.newValue), profileChange.newValue));
    } else if (profileChange) {
      void loadSettings().then(callback);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
