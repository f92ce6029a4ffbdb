import { browser } from 'wxt/browser';
import type { PostKey } from '../domain/post';
import type { CasesChangedBroadcast } from '../messaging/protocol';

/**
 * Tell every tab and every open extension page (popup, options) that cases changed, so each
 * re-reads what it shows. Never throws: a view that is not listening just misses a refresh.
 */
export async function broadcastCasesChanged(postKeys: PostKey[], at: number): Promise<void> {
  const message: CasesChangedBroadcast = { type: 'cases/changed', postKeys, at };
  await broadcastToViews(message);
}

/** Send one broadcast to every tab and every open extension page; never throws. */
export async function broadcastToViews(message: { readonly type: string; readonly [field: string]: unknown }): Promise<void> {
  let tabs: { id?: number }[] = [];
  try {
    tabs = await browser.tabs.query({});
  } catch (error) {
    console.warn('CareSide: could not list tabs for the change broadcast', error);
  }
  // Negative ids (TAB_ID_NONE) are not real tabs.
  const tabIds = tabs.map((tab) => tab.id).filter((id): id is number => id !== undefined && id >= 0);
  await Promise.all([
    ...tabIds.map((tabId) => deliver(() => browser.tabs.sendMessage(tabId, message))),
    deliver(() => browser.runtime.sendMessage(message)),
  ]);
}

async function deliver(send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    if (!isNoReceiverError(error)) console.warn('CareSide: change broadcast failed', error);
  }
}

/** Tabs without our content script and closed extension pages answer with these. */
const NO_RECEIVER = /receiving end does not exist|could not establish connection|message port closed|no listeners available/i;

export function isNoReceiverError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return NO_RECEIVER.test(message);
}

/** One broadcast to the open extension pages only (popup, options, dashboard): tabs never see it. */
export async function broadcastToExtensionPages(message: { readonly type: string; readonly [field: string]: unknown }): Promise<void> {
  await deliver(() => browser.runtime.sendMessage(message));
}
