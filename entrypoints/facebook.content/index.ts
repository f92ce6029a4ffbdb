import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountSidebar } from '../../components/sidebar/mount-sidebar';
import { startContentScript } from '../../lib/content';
import { facebookAdapter } from '../../lib/sites/facebook/adapter';
import { FACEBOOK_SITE } from '../../lib/sites/facebook/site';
import { matchPatterns } from '../../lib/sites/site';

export default defineContentScript({
  matches: matchPatterns(FACEBOOK_SITE),
  // The sidebar's CSS goes into its shadow root, never into Facebook's page.
  cssInjectionMode: 'ui',
  main(ctx) {
    startContentScript(ctx, facebookAdapter, mountSidebar);
  },
});
