import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../../lib/content';
import { matchPatterns } from '../../lib/sites/site';
import { yelpAdapter } from '../../lib/sites/yelp/adapter';
import { YELP_SITE } from '../../lib/sites/yelp/site';

export default defineContentScript({
  matches: matchPatterns(YELP_SITE),
  // The sidebar module brings its CSS into its shadow root, never into Yelp's page.
  cssInjectionMode: 'manual',
  main(ctx) {
    startContentScript(ctx, yelpAdapter);
  },
});
