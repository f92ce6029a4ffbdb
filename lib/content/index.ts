import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '../sites/types';
import { mountSidebar } from './mount-sidebar';
import { createContentRuntime } from './runtime';

/**
 * Entry point every site's content script calls from main(): reads settings, scans the page
 * through `adapter`, adds inline "Log case" controls and the sidebar, and stops everything when
 * `ctx` is invalidated. Never throws into the page.
 */
export function startContentScript(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  createContentRuntime(ctx, adapter, {
    win: window,
    mountUi: (store, queryClient, onLog) =>
      mountSidebar(ctx, queryClient, { store, onLog, optionsUrl: browser.runtime.getURL('/options.html') }),
  });
}

export { createContentRuntime, type ContentRuntime, type RuntimeEnvironment } from './runtime';
export { INLINE_TAG, POST_KEY_ATTRIBUTE } from './inline-control';
export { SIDEBAR_UI_NAME } from './mount-sidebar';
