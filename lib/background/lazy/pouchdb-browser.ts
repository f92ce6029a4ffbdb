import type PouchDBBrowser from 'pouchdb-browser';
import { lazyScript } from '../lazy-scripts';

/**
 * What `pouchdb-browser` resolves to in Chrome's worker build (wxt.config.ts): a constructor that
 * imports the library's own script on first use. `new` on a function that returns an object yields it.
 */
function LazyPouchDB(...args: unknown[]): unknown {
  const PouchDB = lazyScript('pouchdb') as unknown as new (...params: unknown[]) => unknown;
  return new PouchDB(...args);
}

export default LazyPouchDB as unknown as typeof PouchDBBrowser;
