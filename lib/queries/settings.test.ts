import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_STORAGE_KEY, SettingsSchema } from '../settings/schema';
import { saveSettings } from '../settings/store';
import { invalidateSettingsOnChange, saveSettingsMutation, settingsKeys, settingsQuery } from './settings';

const acme = SettingsSchema.parse({ version: 1, brands: [{ id: 'acme', name: 'Acme' }] });

function newClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

describe('settingsQuery', () => {
  it('reads the stored settings', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: acme });
    await expect(newClient().fetchQuery(settingsQuery())).resolves.toEqual({ settings: acme, error: null });
  });

  it('is invalidated when storage changes, until unsubscribed', async () => {
    const client = newClient();
    await client.fetchQuery(settingsQuery());
    const unsubscribe = invalidateSettingsOnChange(client);

    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: acme });
    expect(client.getQueryState(settingsKeys.all)?.isInvalidated).toBe(true);
    await expect(client.fetchQuery(settingsQuery())).resolves.toEqual({ settings: acme, error: null });
    expect(client.getQueryState(settingsKeys.all)?.isInvalidated).toBe(false);

    unsubscribe();
    await saveSettings({ ...acme, brands: [] });
    expect(client.getQueryState(settingsKeys.all)?.isInvalidated).toBe(false);
  });
});

describe('saveSettingsMutation', () => {
  it('stores the settings and puts the saved value in the cache', async () => {
    const client = newClient();
    const saved = await client.getMutationCache().build(client, saveSettingsMutation(client)).execute(acme);
    expect(saved).toEqual(acme);
    expect(client.getQueryData(settingsKeys.all)).toEqual({ settings: acme, error: null });
    expect((await fakeBrowser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]).toEqual(acme);
  });
});
