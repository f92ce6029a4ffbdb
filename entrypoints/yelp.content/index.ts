import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountSidebar } from '../../components/sidebar/mount-sidebar';
import { startContentScript } from '../../lib/content';
import { SITE_MATCHES } from '../../lib/sites/origins';
import { yelpAdapter } from '../../lib/sites/yelp/adapter';

export default defineContentScript({
  matches: SITE_MATCHES.yelp,
  // The sidebar's CSS goes into its shadow root, never into Yelp's page.
  cssInjectionMode: 'ui',
  main(ctx) {
    startContentScript(ctx, yelpAdapter, mountSidebar);
  },
});
