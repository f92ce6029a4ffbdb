import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountSidebar } from '../../components/sidebar/mount-sidebar';
import { startContentScript } from '../../lib/content';
import { matchPatterns } from '../../lib/sites/site';
import { yelpAdapter } from '../../lib/sites/yelp/adapter';
import { YELP_SITE } from '../../lib/sites/yelp/site';

export default defineContentScript({
  matches: matchPatterns(YELP_SITE),
  // The sidebar's CSS goes into its shadow root, never into Yelp's page.
  cssInjectionMode: 'ui',
  main(ctx) {
    startContentScript(ctx, yelpAdapter, mountSidebar);
  },
});
