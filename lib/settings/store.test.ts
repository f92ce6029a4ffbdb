import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../i18n/testing';
import { DEFAULT_HANDOFF_CONFIG } from '../domain/brand-handoff';
import { DEFAULT_RESPONSE_TARGETS } from '../workflow/targets';
import { DEFAULT_SETTINGS, DEFAULT_SPIRAL_SETTINGS, SETTINGS_STORAGE_KEY, SettingsSchema } from './schema';
import { AGENT_PROFILE_STORAGE_KEY } from './agent-profile';
import { loadSettings, saveSettings, SettingsValidationError, watchSettings, type LoadedSettings } from './store';

const acme = SettingsSchema.parse({
  version: 1,
  brands: [
    {
      id: 'acme-air',
      name: 'Acme Air',
      aliases: ['AcmeAir'],
      handles: { x: ['AcmeAir'], facebook: [], yelp: [] },
      hashtags: ['FlyAcme'],
      exclusions: [],
      handoff: { x: { dm: true }, facebook: { messengerPage: 'AcmeAir' }, email: { address: 'support@acmeair.example' } },
    },
  ],
  agentSignature: '^Dana',
});

/**
 * What is stored, as the app reads it: the settings with the install's signature (kept under its
 * own key, agent-profile.ts) put back.
 */
async function stored(): Promise<unknown> {
  const all = await fakeBrowser.storage.local.get([SETTINGS_STORAGE_KEY, AGENT_PROFILE_STORAGE_KEY]);
  const settings = all[SETTINGS_STORAGE_KEY] as Record<string, unknown> | undefined;
  const profile = all[AGENT_PROFILE_STORAGE_KEY] as { signature: string } | undefined;
  return settings && profile ? { ...settings, agentSignature: profile.signature } : settings;
}

describe('loadSettings', () => {
  it('returns the defaults without an error when nothing (or null) is stored', async () => {
    await expect(loadSettings()).resolves.toEqual({ settings: DEFAULT_SETTINGS, error: null });
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: null });
    await expect(loadSettings()).resolves.toEqual({ settings: DEFAULT_SETTINGS, error: null });
  });

  it('returns stored settings, filling defaults for omitted optional fields', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_STORAGE_KEY]: { version: 1, brands: [{ id: 'acme-air', name: 'Acme Air' }] },
    });
    const loaded = await loadSettings();
    expect(loaded.error).toBeNull();
    expect(loaded.settings.brands[0]).toEqual({
      id: 'acme-air',
      name: 'Acme Air',
      // Brands stored before the industry field existed read as generic.
      industry: 'generic',
      aliases: [],
      handles: { x: [], facebook: [], yelp: [] },
      hashtags: [],
      exclusions: [],
      handoff: { x: { dm: true }, facebook: {} },
    });
    expect(loaded.settings.brands[0]?.handoff).toEqual(DEFAULT_HANDOFF_CONFIG);
    expect(loaded.settings.agentSignature).toBe('');
    expect(loaded.settings.responseTargets).toEqual(DEFAULT_RESPONSE_TARGETS);
    expect(loaded.settings.spirals).toEqual(DEFAULT_SPIRAL_SETTINGS);
    expect(loaded.settings.replyTemplates).toEqual([]);
  });

  it('returns defaults plus a clear error for an invalid stored value and leaves it untouched', async () => {
    const broken = { version: 1, brands: [{ id: 'acme-air', name: '' }] };
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: broken });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.error).toContain('brands[0].name: must not be empty');
    expect(await stored()).toEqual(broken);
  });

  it('explains invalid or unreadable stored settings in Spanish to a Spanish reader', async () => {
    installLocaleMessages(fakeBrowser.i18n, 'es', 'es');
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { version: 1, brands: [{ id: 'acme-air', name: '' }] } });
    const invalid = (await loadSettings()).error ?? '';
    expect(invalid).toMatch(/^Los ajustes guardados de CareSide no son válidos \(.+\), así que se usan los predeterminados\./);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('disk gone'));
    const unreadable = (await loadSettings()).error ?? '';
    expect(unreadable).toBe('CareSide no pudo leer sus ajustes (disk gone), así que se usan los predeterminados.');
    expect(englishLeaks(`${invalid}\n${unreadable}`)).toEqual([]);
  });
});

describe('saveSettings', () => {
  it('stores normalised settings and returns them', async () => {
    const saved = await saveSettings({
      ...acme,
      brands: [
        {
          ...acme.brands[0]!,
          handles: { x: ['@AcmeAir'], facebook: [], yelp: [] },
          hashtags: ['#FlyAcme'],
          handoff: { ...acme.brands[0]!.handoff, facebook: { messengerPage: ' @AcmeAir ' } },
        },
      ],
    });
    expect(saved).toEqual(acme);
    expect(await stored()).toEqual(acme);
    await expect(loadSettings()).resolves.toEqual({ settings: acme, error: null });
  });

  it('rejects invalid settings with readable errors and keeps what was stored', async () => {
    await saveSettings(acme);
    const attempt = saveSettings({ ...acme, agentSignature: 'x'.repeat(51) });
    await expect(attempt).rejects.toBeInstanceOf(SettingsValidationError);
    await expect(attempt).rejects.toMatchObject({
      errors: ['agentSignature: is too long (at most 50 characters)'],
    });
    await expect(
      saveSettings({ ...acme, responseTargets: { P1: 60, P2: 15, P3: 240, P4: 1440 }, spirals: { minSimilar: 1, windowMinutes: 60 } }),
    ).rejects.toMatchObject({
      errors: [
        'responseTargets: a lower priority cannot have a shorter target than a higher one (P1 <= P2 <= P3 <= P4)',
        'spirals.minSimilar: must be at least 2',
      ],
    });
    expect(await stored()).toEqual(acme);
  });
});

describe('watchSettings', () => {
  it('reports each change of the settings key until unsubscribed', async () => {
    const callback = vi.fn<(loaded: LoadedSettings) => void>();
    const unsubscribe = watchSettings(callback);

    await saveSettings(acme);
    expect(callback).toHaveBeenLastCalledWith({ settings: acme, error: null });

    await fakeBrowser.storage.local.set({ 'some-other-key': 1 });
    expect(callback).toHaveBeenCalledTimes(1);

    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { version: 9 } });
    await vi.waitFor(() => expect(callback).toHaveBeenCalledTimes(2));
    // Invalid settings read as the defaults, with the install's own signature.
    expect(callback.mock.lastCall?.[0].settings).toEqual({ ...DEFAULT_SETTINGS, agentSignature: acme.agentSignature });
    expect(callback.mock.lastCall?.[0].error).toContain('version: 9 is not supported');

    unsubscribe();
    await saveSettings(DEFAULT_SETTINGS);
    expect(callback).toHaveBeenCalledTimes(2);
  });
});

describe('the agent signature belongs to the install', () => {
  it('is saved under its own key, not in the settings, and read back into them', async () => {
    await saveSettings({ ...acme, agentSignature: '^Dana' });
    const raw = await fakeBrowser.storage.local.get([SETTINGS_STORAGE_KEY, AGENT_PROFILE_STORAGE_KEY]);
    expect((raw[SETTINGS_STORAGE_KEY] as { agentSignature: string }).agentSignature).toBe('');
    expect(raw[AGENT_PROFILE_STORAGE_KEY]).toEqual({ signature: '^Dana', name: '', email: '' });
    expect((await loadSettings()).settings.agentSignature).toBe('^Dana');
  });

  it('settings stored before it moved keep their signature, and the next save moves it without loss', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { ...acme, agentSignature: '^Lee' } });
    const before = await loadSettings();
    expect(before.settings.agentSignature).toBe('^Lee');
    await saveSettings(before.settings);
    const raw = await fakeBrowser.storage.local.get([SETTINGS_STORAGE_KEY, AGENT_PROFILE_STORAGE_KEY]);
    expect(raw[AGENT_PROFILE_STORAGE_KEY]).toEqual({ signature: '^Lee', name: '', email: '' });
    expect((await loadSettings()).settings.agentSignature).toBe('^Lee');
  });

  it('settings written with another signature (a script, an old copy) do not replace the install’s', async () => {
    await saveSettings({ ...acme, agentSignature: '^Dana' });
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { ...acme, agentSignature: '^Other' } });
    expect((await loadSettings()).settings.agentSignature).toBe('^Dana');
  });

  it('a change of the signature alone reaches watchers', async () => {
    await saveSettings(acme);
    const callback = vi.fn<(loaded: LoadedSettings) => void>();
    const unsubscribe = watchSettings(callback);
    await fakeBrowser.storage.local.set({ [AGENT_PROFILE_STORAGE_KEY]: { signature: '^Kim', name: '' } });
    await vi.waitFor(() => expect(callback.mock.lastCall?.[0].settings.agentSignature).toBe('^Kim'));
    unsubscribe();
  });
});
