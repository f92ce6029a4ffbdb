import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountSidebar } from '../../components/sidebar/mount-sidebar';
import { startContentScript } from '../../lib/content';
import { matchPatterns } from '../../lib/sites/site';
import { xAdapter } from '../../lib/sites/x/adapter';
import { X_SITE } from '../../lib/sites/x/site';

export default defineContentScript({
  matches: matchPatterns(X_SITE),
  // The sidebar's CSS goes into its shadow root, never into X's page.
  cssInjectionMode: 'ui',
  main(ctx) {
    startContentScript(ctx, xAdapter, mountSidebar);
  },
});
