import PouchDB from 'pouchdb-browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLazyScript } from '../lib/background/lazy-scripts';

// PouchDB (team sync) for Chrome's worker, imported on first use (lib/background/lazy-scripts.ts).
export default defineUnlistedScript({ exclude: ['firefox'], main: () => provideLazyScript('pouchdb', PouchDB) });
