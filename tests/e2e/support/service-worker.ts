import type { Page } from 'playwright-core';
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
