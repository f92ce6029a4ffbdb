import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AGENT_PROFILE_STORAGE_KEY } from './agent-profile';
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY } from './schema';
import { CHECKED_SETTINGS_KEY, loadSettingsOnWake } from './session-memo';
import * as store from './store';

const withBrand = (name: string) => ({ version: 1, brands: [{ id: 'acme', name }] });

async function remembered(): Promise<unknown> {
  return (await fakeBrowser.storage.session.get(CHECKED_SETTINGS_KEY))[CHECKED_SETTINGS_KEY];
}

describe('loadSettingsOnWake', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
  });

  it('checks the stored settings once per stored text: a later wake with the same text skips the check', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_STORAGE_KEY]: withBrand('Acme Air'),
      [AGENT_PROFILE_STORAGE_KEY]: { signature: '^Dana' },
    });
    const check = vi.spyOn(store, 'settingsFromStoredValues');
    const first = await loadSettingsOnWake();
    expect(first.settings.brands.map((brand) => brand.name)).toEqual(['Acme Air']);
    expect(first.settings.agentSignature).toBe('^Dana');
    expect(check).toHaveBeenCalledTimes(1);
    // The worker is stopped: memory is gone, storage.session stays.
    const second = await loadSettingsOnWake();
    expect(second).toEqual(first);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('checks again when the stored settings or the profile changed while the worker slept', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: withBrand('Acme Air') });
    await loadSettingsOnWake();
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: withBrand('Acme Rail') });
    expect((await loadSettingsOnWake()).settings.brands[0]?.name).toBe('Acme Rail');
    await fakeBrowser.storage.local.set({ [AGENT_PROFILE_STORAGE_KEY]: { signature: '^Lee' } });
    expect((await loadSettingsOnWake()).settings.agentSignature).toBe('^Lee');
  });

  it('never takes a remembered result for other stored text, even one planted in storage.session', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: withBrand('Acme Air') });
    await fakeBrowser.storage.session.set({
      [CHECKED_SETTINGS_KEY]: {
        stored: '{"other":true}',
        loaded: { settings: { ...DEFAULT_SETTINGS, agentSignature: 'planted' }, error: null },
      },
    });
    const loaded = await loadSettingsOnWake();
    expect(loaded.settings.agentSignature).toBe('');
    expect(loaded.settings.brands[0]?.name).toBe('Acme Air');
  });

  it('invalid stored settings: defaults and the error, on every wake, and the stored value is left as it is', async () => {
    const invalid = { version: 1, brands: 'nope' };
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: invalid });
    const first = await loadSettingsOnWake();
    expect(first.settings).toEqual(DEFAULT_SETTINGS);
    expect(first.error).toMatch(/invalid/);
    expect(await loadSettingsOnWake()).toEqual(first);
    expect((await fakeBrowser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]).toEqual(invalid);
  });

  it('a malformed remembered entry is checked again and replaced', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: withBrand('Acme Air') });
    await fakeBrowser.storage.session.set({ [CHECKED_SETTINGS_KEY]: 'garbage' });
    expect((await loadSettingsOnWake()).settings.brands[0]?.name).toBe('Acme Air');
    expect(await remembered()).toMatchObject({ loaded: { error: null } });
  });

  it('works without storage.session (checks every time) and when it fails', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: withBrand('Acme Air') });
    expect((await loadSettingsOnWake(undefined)).settings.brands[0]?.name).toBe('Acme Air');
    const broken = { get: () => Promise.reject(new Error('gone')), set: () => Promise.reject(new Error('gone')) };
    expect((await loadSettingsOnWake(broken)).settings.brands[0]?.name).toBe('Acme Air');
  });

  it('unreadable storage: defaults and a sentence saying so', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('disk on fire'));
    const loaded = await loadSettingsOnWake();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.error).toMatch(/disk on fire/);
  });
});
