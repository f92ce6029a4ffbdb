import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerOnboarding } from './onboarding';

describe('onboarding', () => {
  beforeEach(() => fakeBrowser.reset());

  async function install(reason: 'install' | 'update' | 'chrome_update') {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    registerOnboarding();
    await fakeBrowser.runtime.onInstalled.trigger(reason === 'update' ? { reason, previousVersion: '0.0.9' } : { reason });
    return create;
  }

  it('opens the welcome page once on a first install', async () => {
    const create = await install('install');
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/welcome.html') });
  });

  it('opens nothing on an update or a browser update', async () => {
    expect(await install('update')).not.toHaveBeenCalled();
    expect(await install('chrome_update')).not.toHaveBeenCalled();
  });
});
