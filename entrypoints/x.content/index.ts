import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../../lib/content';
import { matchPatterns } from '../../lib/sites/site';
import { xAdapter } from '../../lib/sites/x/adapter';
import { X_SITE } from '../../lib/sites/x/site';

export default defineContentScript({
  matches: matchPatterns(X_SITE),
  // The sidebar module brings its CSS into its shadow root, never into X's page.
  cssInjectionMode: 'manual',
  main(ctx) {
    startContentScript(ctx, xAdapter);
  },
});
