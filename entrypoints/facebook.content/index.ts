import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountSidebar } from '../../components/sidebar/mount-sidebar';
import { startContentScript } from '../../lib/content';
import { facebookAdapter } from '../../lib/sites/facebook/adapter';
import { SITE_MATCHES } from '../../lib/sites/origins';

export default defineContentScript({
  matches: SITE_MATCHES.facebook,
  // The sidebar's CSS goes into its shadow root, never into Facebook's page.
  cssInjectionMode: 'ui',
  main(ctx) {
    startContentScript(ctx, facebookAdapter, mountSidebar);
  },
});
