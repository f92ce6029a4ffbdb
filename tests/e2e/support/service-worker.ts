import type { Page, Worker } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Stop the extension's service worker as Chrome does when it is idle (its memory is gone), via
 * CDP from `page`, and wait until it reports stopped. Returns every running status it reported,
 * so a test can check that a fresh worker started afterwards.
 */
export async function stopServiceWorkers(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const states: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: { runningStatus: string }[] }) => {
    for (const version of event.versions) states.push(version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  // A loaded machine can take seconds to report the stop; wait on what DevTools states, not a period.
  await expect.poll(() => states, { timeout: 20_000 }).toContain('stopped');
  return states;
}

/**
 * What the background does when the user presses the focus-sidebar shortcut (Alt+Shift+C; a
 * headless browser cannot press a manifest command): ask the tabs' content scripts to focus the
 * sidebar. Tabs without one (yet) do not answer; the caller waits on what the page then shows.
 */
export async function pressFocusSidebarShortcut(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(async () => {
    const { tabs } = (globalThis as unknown as TabsGlobal).chrome;
    const all = await tabs.query({});
    await Promise.all(all.map((tab) => tabs.sendMessage(tab.id ?? -1, { type: 'sidebar/focus' }).catch(() => undefined)));
  });
}

interface TabsGlobal {
  chrome: {
    tabs: { query(filter: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
  };
}
