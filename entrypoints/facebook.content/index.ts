import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../../lib/content';
import { facebookAdapter } from '../../lib/sites/facebook/adapter';
import { FACEBOOK_SITE } from '../../lib/sites/facebook/site';
import { matchPatterns } from '../../lib/sites/site';

export default defineContentScript({
  matches: matchPatterns(FACEBOOK_SITE),
  // The sidebar module brings its CSS into its shadow root, never into Facebook's page.
  cssInjectionMode: 'manual',
  main(ctx) {
    startContentScript(ctx, facebookAdapter);
  },
});
