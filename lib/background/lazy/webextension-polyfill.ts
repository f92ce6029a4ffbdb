import type Browser from 'webextension-polyfill';
import { lazyScript } from '../lazy-scripts';

type Scope = { browser?: { runtime?: { id?: string } } };
const native = (globalThis as Scope).browser;

/**
 * What `webextension-polyfill` resolves to in Chrome's worker build (wxt.config.ts). A Chrome with a
 * native promise-based `browser` (Chromium 156 here) gets it as is, as the polyfill itself would return
 * it, but without the bundler's CommonJS interop copying every property of it: reading each API's
 * descriptor makes Chrome build every API binding on every wake. An older Chrome loads the polyfill
 * from its own script (lazy-scripts.ts).
 */
const browser: Browser.Browser = native?.runtime?.id ? (native as Browser.Browser) : lazyScript('polyfill');

export default browser;
