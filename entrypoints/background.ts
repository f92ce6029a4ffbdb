import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background';
import { importLazyScriptsOnInstall } from '../lib/background/lazy-scripts';

export default defineBackground(() => {
  // Chrome's worker: the scripts it loads on first use must be imported while it installs.
  if (import.meta.env.MANIFEST_VERSION === 3 && !import.meta.env.FIREFOX) importLazyScriptsOnInstall();
  startBackground();
});
