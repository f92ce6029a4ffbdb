import browser from 'webextension-polyfill';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLazyScript } from '../lib/background/lazy-scripts';

// webextension-polyfill for a Chrome without a native `browser` (lib/background/lazy/webextension-polyfill.ts).
export default defineUnlistedScript({ exclude: ['firefox'], main: () => provideLazyScript('polyfill', browser) });
