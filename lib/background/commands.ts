import { browser, type Browser } from 'wxt/browser';
import { FOCUS_SIDEBAR_COMMAND, type SidebarFocusRequest } from '../messaging/protocol';

/**
 * The keyboard shortcut (manifest `commands`, Alt+Shift+C by default) that takes the user to the
 * sidebar of the tab they are on: the sidebar sits after an endless feed in tab order.
 */
export function registerCommands(): void {
  try {
    browser.commands.onCommand.addListener((command: string, tab?: Browser.tabs.Tab) => {
      if (command === FOCUS_SIDEBAR_COMMAND) void focusSidebarIn(tab);
    });
  } catch (error) {
    console.warn('CareSide: keyboard commands unavailable', error);
  }
}

async function focusSidebarIn(tab: Browser.tabs.Tab | undefined): Promise<void> {
  // Firefox before 126 passes no tab; the active tab's id needs no "tabs" permission.
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  const request: SidebarFocusRequest = { type: 'sidebar/focus' };
  // A tab without CareSide (no content script there) has nobody to answer: nothing to do.
  await browser.tabs.sendMessage(tabId, request).catch(() => undefined);
}
