// Test-only helpers for driving the background through fake-browser.
import type { Browser } from 'wxt/browser';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const EXTENSION_ID = fakeBrowser.runtime.id;

export const POPUP_SENDER: Browser.runtime.MessageSender = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/popup.html`,
};

export function contentSender(url: string, tabId: number): Browser.runtime.MessageSender {
  return {
    id: EXTENSION_ID,
    url,
    frameId: 0,
    tab: { id: tabId, url, index: 0, windowId: 1, highlighted: false, active: true, pinned: false, incognito: false } as Browser.tabs.Tab,
  };
}

/**
 * fake-browser's runtime.sendMessage hands every listener an empty sender `{}`; a real browser
 * fills it in. Wrap listeners registered from now on so they see `current()` instead.
 * Call before the code under test registers its listener.
 */
export function injectSender(current: () => Browser.runtime.MessageSender): void {
  const event = fakeBrowser.runtime.onMessage;
  const addListener = event.addListener.bind(event);
  vi.spyOn(event, 'addListener').mockImplementation((listener) =>
    addListener((message: unknown, _emptySender: unknown, sendResponse: (response?: unknown) => void) =>
      listener(message, current(), sendResponse),
    ),
  );
}

/**
 * fake-browser has no tabs.sendMessage. Model tabs where our content script listens (their
 * listeners get the message) and tabs where it does not (the browser's "no receiving end").
 */
export function fakeTabMessaging(listenersByTab: Map<number, (message: unknown) => void>) {
  const send = (tabId: number, message: unknown): Promise<unknown> => {
    const listener = listenersByTab.get(tabId);
    if (!listener) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    listener(structuredClone(message));
    return Promise.resolve(undefined);
  };
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the mock is typed by the callback overload; our code uses the promise one
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(send);
}
