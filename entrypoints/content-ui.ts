import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountSidebar } from '../components/sidebar/mount-sidebar';
import type { SidebarUiModule } from '../lib/content/sidebar-ui';

// The sidebar, import()ed by the site content scripts when a page has something to show
// (lib/content/load-sidebar-ui.ts); built as an ES module whose default export is this object.
export default defineUnlistedScript((): SidebarUiModule => ({ mountSidebar }));
