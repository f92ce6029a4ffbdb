// Every unit test gets a fresh in-memory IndexedDB and a reset fake browser.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installLocaleMessages } from '../lib/i18n/testing';

// Modules evaluated before the first test may already ask for a string.
installLocaleMessages(fakeBrowser.i18n, 'en', 'en-US');

beforeEach(() => {
  fakeBrowser.reset();
  // fake-browser has no runtime ports: the background's onConnect registration is a no-op here and
  // content scripts' port clients fall back to sendMessage (lib/messaging/port-client.test.ts
  // covers ports with its own pair).
  fakeBrowser.runtime.onConnect.addListener = vi.fn();
  globalThis.indexedDB = new IDBFactory();
  // UI strings come from the real locales/en.yml, as the built extension's _locales/en does.
  installLocaleMessages(fakeBrowser.i18n, 'en', 'en-US');
});
