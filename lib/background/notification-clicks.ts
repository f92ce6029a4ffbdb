import { browser } from 'wxt/browser';
import type { PostKey } from '../domain/post';
import type { CaseStore } from './case-store';
import { OPEN_CASE_BUTTON, parseNotificationId, SNOOZE_BUTTON } from './notifications';

/** The dashboard page, opened at one case with `#case=<ref>`. */
export const DASHBOARD_PATH = '/dashboard.html';

export function dashboardUrl(ref?: string): string {
  const base = browser.runtime.getURL(DASHBOARD_PATH);
  return ref ? `${base}#case=${encodeURIComponent(ref)}` : base;
}

interface OpenTab {
  tabId: number;
  windowId: number;
}

/** Chrome 116+: the extension's own open pages, which it may list without the "tabs" permission. */
type GetContexts = (filter: { contextTypes: string[] }) => Promise<{ tabId: number; windowId: number; documentUrl?: string }[]>;

/**
 * An open tab showing one of our pages under `base`. Without the "tabs" permission tabs.query
 * gives no URLs (Chrome), so Chrome asks runtime.getContexts; Firefox shows its own pages' URLs.
 */
async function findOwnTab(base: string): Promise<OpenTab | undefined> {
  const getContexts = (browser.runtime as unknown as { getContexts?: GetContexts }).getContexts;
  if (getContexts) {
    const contexts = await getContexts({ contextTypes: ['TAB'] });
    const open = contexts.find((context) => context.documentUrl?.startsWith(base) && context.tabId >= 0);
    return open && { tabId: open.tabId, windowId: open.windowId };
  }
  const tabs = await browser.tabs.query({});
  const open = tabs.find((tab) => tab.url?.startsWith(base) && tab.id !== undefined && tab.windowId !== undefined);
  return open?.id !== undefined && open.windowId !== undefined ? { tabId: open.id, windowId: open.windowId } : undefined;
}

/** Focus an open dashboard tab (pointing it at the case) or open a new one. */
export async function openDashboard(ref?: string): Promise<void> {
  const url = dashboardUrl(ref);
  const open = await findOwnTab(dashboardUrl()).catch(() => undefined);
  if (open) {
    await browser.tabs.update(open.tabId, { url, active: true });
    await browser.windows?.update(open.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  await browser.tabs.create({ url });
}

export interface NotificationClickDeps {
  store: CaseStore;
  now: () => number;
  onChanged: (postKeys: PostKey[]) => void;
}

/**
 * A click on a reminder opens the post (where the reply happens); "Open case" opens the
 * dashboard at the case; "Snooze 1 hour" moves the follow-up. A case deleted or unreadable
 * meanwhile falls back to the dashboard. The notification is cleared after any click.
 */
export function createNotificationClickHandlers({ store, now, onChanged }: NotificationClickDeps) {
  const handle = async (notificationId: string, buttonIndex?: number) => {
    const target = parseNotificationId(notificationId);
    if (!target) return;
    await browser.notifications.clear(notificationId);
    if (target.kind === 'summary') return openDashboard();
    const found = await store.use((repository) => repository.byId(target.caseId));
    if (!found) return openDashboard();
    if (buttonIndex === SNOOZE_BUTTON && target.reminder === 'followUp') {
      const { case: snoozed, changed } = await store.use((repository) => repository.snooze(found.id, '1h', now()));
      if (changed) onChanged([snoozed.postKey]);
      return;
    }
    if (buttonIndex === OPEN_CASE_BUTTON) return openDashboard(found.ref);
    await browser.tabs.create({ url: found.post.url });
  };
  // The browser ignores what a listener returns; the promise lets tests wait for the click's effect.
  const safely = (notificationId: string, buttonIndex?: number): Promise<void> =>
    handle(notificationId, buttonIndex).catch((error: unknown) => console.warn('CareSide: notification click failed', error));
  return {
    onClicked: (notificationId: string) => safely(notificationId),
    onButtonClicked: (notificationId: string, buttonIndex: number) => safely(notificationId, buttonIndex),
  };
}
