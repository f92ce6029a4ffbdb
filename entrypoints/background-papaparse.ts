import Papa from 'papaparse';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideLazyScript } from '../lib/background/lazy-scripts';

// The CSV reader for Chrome's worker, imported the first time a CSV is read (lib/background/lazy-scripts.ts).
export default defineUnlistedScript({ exclude: ['firefox'], main: () => provideLazyScript('papaparse', Papa) });
