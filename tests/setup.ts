// Every unit test gets a fresh in-memory IndexedDB and a reset fake browser.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, inject, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageFrom } from '../lib/i18n/messages';
import { fakeToolbar } from './fake-toolbar';

// UI strings come from the real locales/en.yml, as the built extension's _locales/en does (read once
// per run by tests/unit-global-setup.ts).
const englishMessages = inject('englishMessages');
const speakEnglish = () => {
  const i18n: { getMessage: unknown; getUILanguage: unknown } = fakeBrowser.i18n;
  i18n.getMessage = (name: string, substitutions?: string | string[]) => messageFrom(englishMessages, name, substitutions);
  i18n.getUILanguage = () => 'en-US';
};

// Modules evaluated before the first test may already ask for a string.
speakEnglish();

beforeEach(() => {
  fakeBrowser.reset();
  // fake-browser has no runtime ports: the background's onConnect registration is a no-op here and
  // content scripts' port clients fall back to sendMessage (lib/messaging/port-client.test.ts
  // covers ports with its own pair).
  fakeBrowser.runtime.onConnect.addListener = vi.fn();
  // Nor keyboard commands: the background registers its focus shortcut on start (lib/background/commands.ts).
  fakeBrowser.commands.onCommand.addListener = vi.fn();
  // Each test's workers badge a toolbar of their own (tests/fake-toolbar.ts).
  fakeBrowser.action = fakeToolbar();
  globalThis.indexedDB = new IDBFactory();
  speakEnglish();
});
