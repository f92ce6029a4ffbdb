import { browser } from 'wxt/browser';
import type { MountSidebar, SidebarUiModule } from './sidebar-ui';

/** Mounts the sidebar from its own module (sidebar-ui.ts), loaded on the first call. */
export const mountSidebarFromModule: MountSidebar = async (ctx, ui) => {
  const { mountSidebar } = await importSidebarUi();
  return mountSidebar(ctx, ui);
};

async function importSidebarUi(): Promise<SidebarUiModule> {
  // The module runs in this content script's isolated world, never in the page's.
  const loaded: unknown = await import(/* @vite-ignore */ browser.runtime.getURL('/content-ui.js'));
  const ui = (loaded as { default?: Partial<SidebarUiModule> } | undefined)?.default;
  if (typeof ui?.mountSidebar !== 'function') throw new Error('content-ui.js did not provide the sidebar');
  return { mountSidebar: ui.mountSidebar };
}
