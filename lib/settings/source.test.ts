import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY } from './schema';
import { createSettingsSource } from './source';

const withBrand = (name: string) => ({ version: 1, brands: [{ id: 'acme', name }] });

describe('createSettingsSource', () => {
  it('reads storage once and answers every caller from that read', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: withBrand('Acme Air') });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const source = createSettingsSource();
    const [first, second] = await Promise.all([source.current(), source.current()]);
    expect(first.settings.brands.map((brand) => brand.name)).toEqual(['Acme Air']);
    expect(second).toBe(first);
    await source.current();
    expect(get).toHaveBeenCalledTimes(1);
    source.close();
  });

  it('follows changes: subscribers hear the new settings and current() returns them', async () => {
    const source = createSettingsSource();
    expect((await source.current()).settings).toEqual(DEFAULT_SETTINGS);
    const heard: string[][] = [];
    source.subscribe((loaded) => heard.push(loaded.settings.brands.map((brand) => brand.name)));
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: withBrand('Acme Rail') });
    expect(heard).toEqual([['Acme Rail']]);
    expect((await source.current()).settings.brands[0]?.name).toBe('Acme Rail');
    source.close();
  });

  it('a change saved while the first read is in flight wins over what that read returns', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: withBrand('Old name') });
    const source = createSettingsSource();
    const firstRead = source.current();
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: withBrand('New name') });
    // The read started before the change; callers from now on get the change.
    expect((await source.current()).settings.brands[0]?.name).toBe('New name');
    await firstRead;
    source.close();
  });

  it('an invalid stored value gives the defaults and says why, without touching storage', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { version: 1, brands: 'acme' } });
    const source = createSettingsSource();
    const loaded = await source.current();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.error).toMatch(/stored CareSide settings are invalid \(brands: .*\), so defaults are in use/);
    expect((await fakeBrowser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]).toEqual({ version: 1, brands: 'acme' });
    source.close();
  });

  it('after close() it no longer hears changes', async () => {
    const source = createSettingsSource();
    const listener = vi.fn();
    source.subscribe(listener);
    source.close();
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: withBrand('Acme Air') });
    expect(listener).not.toHaveBeenCalled();
  });
});
