/**
 * Reminders in Firefox across a background restart. Firefox's MV2 background page is not stopped
 * when idle as Chrome's service worker is; it restarts when the add-on reloads (an update, a
 * re-enable, `runtime.reload`), which closes the add-on's own tabs. The new background must re-arm
 * the breach alarm from IndexedDB and show the reminder when it fires; the case's timeline on
 * x.com (served by the new background) shows it, with the time it was shown.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { loadDemoSettings } from '../../demo/pages';
import { seedFirefoxSettings, sendFromExtensionPage, type FirefoxExtensionGlobal } from '../../scripts/browser/firefox';
import { postOf } from '../e2e/support/extension-page';
import { COMPLAINT_BY_MENTION, X_SEARCH_URL, keyOf, xTestPage } from '../e2e/support/x-test-page';
import { FirefoxCasePanelUi, pollUntil } from './support/careside-ui';
import { useFirefoxExtension } from './support/harness';

const MINUTE = 60_000;
/** The P1 first-response target (lib/workflow/targets.ts defaults). */
const P1_TARGET_MS = 15 * MINUTE;
/** The case breaches this long after it is imported: time to restart the background first. */
const BREACH_IN_MS = 25_000;

/** Import a P1 case for the test post, logged so long ago that it breaches in `breachInMs`; returns its id and ref. */
async function importNearlyBreachingCase(extensionPage: Page, breachInMs: number): Promise<{ id: string; ref: string; deadline: number }> {
  const createdAt = Date.now() - P1_TARGET_MS + breachInMs;
  const record = {
    id: randomUUID(),
    ref: 'CS-F1RE',
    postKey: keyOf(COMPLAINT_BY_MENTION),
    platform: 'x',
    post: postOf(COMPLAINT_BY_MENTION),
    brandIds: ['acme-air'],
    status: 'new',
    createdAt,
    updatedAt: createdAt,
    priority: 'P1',
    events: [{ at: createdAt, type: 'logged' }],
  };
  const text = JSON.stringify({ format: 'careside-cases', version: 1, cases: [record] });
  const imported = (await sendFromExtensionPage(extensionPage, { type: 'cases/import', payload: { text } })) as {
    ok: boolean;
    data?: { report: { accepted: unknown[] } };
  };
  expect(imported.ok && imported.data?.report.accepted.length === 1, JSON.stringify(imported)).toBe(true);
  return { id: record.id, ref: record.ref, deadline: createdAt + P1_TARGET_MS };
}

async function alarmNames(extensionPage: Page): Promise<string[]> {
  return extensionPage.evaluate(async () =>
    (await (globalThis as unknown as FirefoxExtensionGlobal).browser.alarms.getAll()).map((alarm) => alarm.name),
  );
}

/**
 * Record, from now on, the ids of the notifications Firefox reports shown or closed. Without a
 * desktop notification service (headless CI) Firefox closes each one at once (onShown may not
 * even fire), so notifications.getAll() is empty again a moment later: watch the events instead.
 */
async function recordShownNotifications(extensionPage: Page): Promise<void> {
  await extensionPage.evaluate(() => {
    const page = globalThis as unknown as FirefoxExtensionGlobal & { shownNotificationIds: string[] };
    page.shownNotificationIds = [];
    const record = (id: string) => page.shownNotificationIds.push(id);
    page.browser.notifications.onShown.addListener(record);
    page.browser.notifications.onClosed.addListener(record);
  });
}

async function shownNotificationIds(extensionPage: Page): Promise<string[]> {
  return extensionPage.evaluate(() => (globalThis as unknown as { shownNotificationIds: string[] }).shownNotificationIds);
}

/** Reload the add-on from one of its pages (its background restarts); resolves once that page is gone. */
async function restartBackground(extensionPage: Page): Promise<void> {
  await extensionPage.evaluate(() => {
    // After the reply to this call: reload() tears down the page that made it.
    setTimeout(() => (globalThis as unknown as FirefoxExtensionGlobal).browser.runtime.reload(), 0);
  });
  await pollUntil(
    () => extensionPage.evaluate(() => 'alive').catch(() => 'gone'),
    (state) => state === 'gone',
    'The add-on page closing on reload',
  );
}

describe('reminders in Firefox', () => {
  const harness = useFirefoxExtension({ [X_SEARCH_URL]: xTestPage() });

  it('a breach alarm fires after the background restarted: the reminder lands on the case timeline', async () => {
    const { extensionPage, open } = harness();
    await seedFirefoxSettings(extensionPage, loadDemoSettings());
    await recordShownNotifications(extensionPage);
    const logged = await importNearlyBreachingCase(extensionPage, BREACH_IN_MS);

    // Before the restart: the breach is scheduled, and the nearing reminder (already due) is shown.
    await pollUntil(
      () => alarmNames(extensionPage),
      (names) => names.includes(`careside:reminder:breached:${logged.id}`),
      'Breach alarm',
    );
    await pollUntil(
      () => shownNotificationIds(extensionPage),
      (ids) => ids.includes(`careside:case:nearing:${logged.id}`),
      'Nearing notification',
    );

    await restartBackground(extensionPage);
    // A fresh tab talks to the new background, which still has the case (IndexedDB survived).
    const { page, ui } = await open(X_SEARCH_URL);
    await ui.waitForSidebar();
    expect(await ui.sidebarRef(keyOf(COMPLAINT_BY_MENTION))).toBe(logged.ref);
    const restartedAt = Date.now();
    expect(restartedAt, 'the restart took longer than the time left before the breach').toBeLessThan(logged.deadline);

    const panel = new FirefoxCasePanelUi(page);
    await panel.open(keyOf(COMPLAINT_BY_MENTION));
    // One reminder entry per notification: "nearing" before the restart, then the breach.
    const reminders = await pollUntil(
      () => panel.timelineEntries('reminder_shown'),
      (entries) => entries.length >= 2,
      'Breach reminder on the case timeline',
      BREACH_IN_MS + 20_000,
    );
    expect(reminders).toHaveLength(2);
    const [nearingShownAt, breachShownAt] = reminders.map((entry) => Date.parse(entry.dateTime ?? ''));
    expect(nearingShownAt).toBeLessThan(restartedAt);
    // Shown when the alarm fired, at the deadline: after the new background had started.
    expect(breachShownAt).toBeGreaterThanOrEqual(logged.deadline - 1_000);
    expect(breachShownAt).toBeGreaterThan(restartedAt);
  }, 90_000);
});
