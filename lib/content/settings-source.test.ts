import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import acmeSettings from '../../tests/fixtures/x/acme-settings.json';
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY } from '../settings/schema';
import { loadSettings } from '../settings/store';
import type { SendRequest } from '../messaging/client';
import { followSettings, type SettingsState } from './settings-source';

/** The background's answer to settings/current: the stored settings, read and checked afresh. */
const askBackground = ((type: string) => {
  if (type !== 'settings/current') throw new Error(`unexpected ${type}`);
  return loadSettings();
}) as unknown as SendRequest;

function follow() {
  const applied: SettingsState[] = [];
  const follower = followSettings(
    (state) => applied.push(state),
    () => false,
    askBackground,
  );
  return { applied, follower };
}

describe('followSettings (the content script’s settings)', () => {
  it('treats nothing stored as no brands, not an error', async () => {
    const { applied, follower } = follow();
    await follower.loaded;
    expect(applied).toEqual([{ status: 'ok', settings: DEFAULT_SETTINGS }]);
    follower.stop();
  });

  it('loads and validates stored settings (handles lose their "@")', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: acmeSettings });
    const { applied, follower } = follow();
    await follower.loaded;
    const [state] = applied;
    expect(state?.status === 'ok' && state.settings.brands[0]?.handles.x).toEqual(['AcmeSupport', 'Acme']);
    follower.stop();
  });

  it('says where stored settings are wrong, in the words the options page uses', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { version: 1, brands: [{ id: 'acme', name: '' }] } });
    const { applied, follower } = follow();
    await follower.loaded;
    expect(applied).toEqual([
      {
        status: 'invalid',
        message: expect.stringMatching(
          /^The stored CareSide settings are invalid \(brands\[0\]\.name: .*\), so defaults are in use\./,
        ) as string,
      },
    ]);
    follower.stop();
  });

  it('applies a change saved while the first read was in flight instead of that read', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { version: 1, brands: [{ id: 'old', name: 'Old' }] } });
    // Hold the first read until the change has landed.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const read = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockReturnValueOnce(
      read(SETTINGS_STORAGE_KEY).then((before) => held.then(() => before)) as never,
    );
    const { applied, follower } = follow();
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: acmeSettings });
    release();
    await follower.loaded;
    expect(applied).toHaveLength(1);
    expect(applied[0]?.status === 'ok' && applied[0].settings.brands[0]?.id).toBe(acmeSettings.brands[0]?.id);
    follower.stop();
  });

  it('applies every later change until stopped, and nothing once the content script is gone', async () => {
    const { applied, follower } = follow();
    await follower.loaded;
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(applied).toHaveLength(1);
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: acmeSettings });
    await vi.waitFor(() => expect(applied).toHaveLength(2));
    const changed = applied.at(-1);
    expect(changed?.status === 'ok' && changed.settings.brands[0]?.id).toBe(acmeSettings.brands[0]?.id);
    follower.stop();
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { broken: true } });
    expect(applied).toHaveLength(2);

    const gone = followSettings(
      () => {
        throw new Error('applied after the content script stopped');
      },
      () => true,
      askBackground,
    );
    await expect(gone.loaded).resolves.toBe(false);
    gone.stop();
  });
});
