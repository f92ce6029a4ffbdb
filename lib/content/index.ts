import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/client';
import type { SiteAdapter } from '../sites/types';
import { READ_BUDGET_MS, SIDEBAR_PUBLISH_INTERVAL_MS, TRIAGE_INTERVAL_MS } from './pacing';
import { mountSidebarFromModule } from './load-sidebar-ui';
import { createContentRuntime } from './runtime';

/**
 * Entry point every site's content script calls from main(): reads settings, scans the page
 * through `adapter`, adds inline "Log case" controls and, once the page has something to show, the
 * sidebar (loaded from its own module: sidebar-ui.ts), and stops everything when `ctx` is
 * invalidated. Never throws into the page.
 */
export function startContentScript(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  createContentRuntime(ctx, adapter, {
    win: window,
    // A fast timeline adds posts every frame; the sidebar catches up once a second (controls at once).
    publishIntervalMs: SIDEBAR_PUBLISH_INTERVAL_MS,
    readBudgetMs: READ_BUDGET_MS,
    triageIntervalMs: TRIAGE_INTERVAL_MS,
    extensionVersion: browser.runtime.getManifest().version,
    mountUi: (ui) => mountSidebarFromModule(ctx, { ...ui, onOpenOptions: openOptionsPage }),
  });
}

/** A page cannot open chrome-extension:// URLs itself: the background opens the options page for it. */
function openOptionsPage(): void {
  sendMessage('options/open', {}).catch((error: unknown) => console.warn('CareSide: could not open options', error));
}

export { READ_BUDGET_MS, SIDEBAR_PUBLISH_INTERVAL_MS, TRIAGE_INTERVAL_MS } from './pacing';
export { createContentRuntime, type ContentRuntime, type RuntimeEnvironment } from './runtime';
export { INLINE_TAG, POST_KEY_ATTRIBUTE } from './inline-control';
export type { MountSidebar } from './sidebar-ui';
