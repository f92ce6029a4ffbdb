import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import acmeSettings from '../../tests/fixtures/x/acme-settings.json';
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY } from '../settings/schema';
import { loadSettings, parseStoredSettings, watchSettings } from './settings-source';

describe('settings source', () => {
  it('treats nothing stored as no brands, not an error', async () => {
    expect(await loadSettings()).toEqual({ status: 'ok', settings: DEFAULT_SETTINGS });
  });

  it('loads and validates stored settings (handles lose their "@")', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: acmeSettings });
    const state = await loadSettings();
    expect(state.status).toBe('ok');
    expect(state.status === 'ok' && state.settings.brands[0]?.handles.x).toEqual(['AcmeSupport', 'Acme']);
  });

  it('says where stored settings are wrong', () => {
    expect(parseStoredSettings({ version: 1, brands: [{ id: 'acme', name: '' }] })).toEqual({
      status: 'invalid',
      message: expect.stringMatching(/^brands\[0\]\.name: /) as string,
    });
    expect(parseStoredSettings('garbage')).toMatchObject({ status: 'invalid' });
    expect(parseStoredSettings({ version: 2, brands: [] })).toMatchObject({ status: 'invalid' });
  });

  it('reports changes to the settings key only, until unsubscribed', async () => {
    const listener = vi.fn();
    const stop = watchSettings(listener);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(listener).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: acmeSettings });
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ status: 'ok' }));
    await fakeBrowser.storage.local.remove(SETTINGS_STORAGE_KEY);
    expect(listener).toHaveBeenLastCalledWith({ status: 'ok', settings: DEFAULT_SETTINGS });
    stop();
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { broken: true } });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
