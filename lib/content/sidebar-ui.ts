import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageUi } from './page-ui';

/**
 * The sidebar's own module (entrypoints/content-ui.ts): React and the sidebar are most of
 * CareSide's page code, so the content script that every page load parses leaves them out and
 * import()s this module once the page has something to show (sidebar-trigger.ts). It is a
 * web-accessible resource, so a page can fetch it: it holds no secret and acts on no page message.
 */
export const SIDEBAR_UI_ENTRYPOINT = 'content-ui';
export const SIDEBAR_UI_FILE = `${SIDEBAR_UI_ENTRYPOINT}.js`;

/** Mounts the sidebar (components/sidebar/mount-sidebar.tsx); passed in so lib/content stays free of React. */
export type MountSidebar = (ctx: ContentScriptContext, ui: PageUi & { onOpenOptions: () => void }) => Promise<unknown>;

/** The sidebar module's default export. */
export interface SidebarUiModule {
  mountSidebar: MountSidebar;
}
