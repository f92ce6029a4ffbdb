import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountSidebar } from '../../components/sidebar/mount-sidebar';
import { startContentScript } from '../../lib/content';
import { SITE_MATCHES } from '../../lib/sites/origins';
import { xAdapter } from '../../lib/sites/x/adapter';

export default defineContentScript({
  matches: SITE_MATCHES.x,
  // The sidebar's CSS goes into its shadow root, never into X's page.
  cssInjectionMode: 'ui',
  main(ctx) {
    startContentScript(ctx, xAdapter, mountSidebar);
  },
});
