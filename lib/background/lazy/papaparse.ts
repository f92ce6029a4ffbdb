import type Papa from 'papaparse';
import { lazyScript } from '../lazy-scripts';

/**
 * What `papaparse` resolves to in Chrome's worker build (wxt.config.ts): `parse` (all lib/transfer
 * uses) imports the library's own script the first time a CSV is read.
 */
const LazyPapa = {
  parse: (...args: unknown[]): unknown => (lazyScript('papaparse').parse as (...params: unknown[]) => unknown)(...args),
};

export default LazyPapa as unknown as typeof Papa;
