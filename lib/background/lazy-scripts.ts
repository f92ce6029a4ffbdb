import type PouchDBBrowser from 'pouchdb-browser';
import type Papa from 'papaparse';
import { t } from '../i18n/t';
import type Browser from 'webextension-polyfill';

/**
 * Chrome's worker wakes on every triage request and parses its whole script each time, so libraries no
 * wake needs live in package scripts of their own (entrypoints/background-<name>.ts) that the worker
 * loads on first use with importScripts(). A service worker may do that late only for scripts it
 * imported while installing (Chrome keeps those in its script cache; any other throws "importScripts()
 * of new scripts after service worker installation is not allowed"; dynamic import() is not supported in
 * extension service workers at all: developer.chrome.com/docs/extensions/develop/concepts/service-workers/basics),
 * so the worker imports each of them once in its `install` event. They are part of the background:
 * only its worker loads them. Firefox's background page bundles the libraries as before.
 */
export const LAZY_SCRIPTS = {
  pouchdb: '/background-pouchdb.js',
  papaparse: '/background-papaparse.js',
  polyfill: '/background-polyfill.js',
} as const;

export type LazyScriptName = keyof typeof LAZY_SCRIPTS;

/** What each script provides when it runs. */
export interface LazyScriptExports {
  pouchdb: typeof PouchDBBrowser;
  papaparse: typeof Papa;
  polyfill: Browser.Browser;
}

interface WorkerScope {
  importScripts(...urls: string[]): void;
  addEventListener(type: 'install', listener: () => void): void;
  careSideLazyScripts?: Partial<LazyScriptExports>;
}

const scope = globalThis as unknown as WorkerScope;

/** Called by a lazy script when it runs: hands its library to the worker. */
export function provideLazyScript<Name extends LazyScriptName>(name: Name, value: LazyScriptExports[Name]): void {
  (scope.careSideLazyScripts ??= {})[name] = value;
}

/** The library of a lazy script, importing the script (synchronously) the first time. */
export function lazyScript<Name extends LazyScriptName>(name: Name): LazyScriptExports[Name] {
  const loaded = scope.careSideLazyScripts?.[name];
  if (loaded) return loaded;
  try {
    scope.importScripts(LAZY_SCRIPTS[name]);
  } catch (error) {
    throw new Error(t('lazyScript.notLoaded', { script: LAZY_SCRIPTS[name], error: String(error) }));
  }
  const provided = scope.careSideLazyScripts?.[name];
  if (!provided) throw new Error(t('lazyScript.empty', { script: LAZY_SCRIPTS[name] }));
  return provided;
}

/**
 * Import every lazy script while the worker installs (a first install or an update), so later wakes may
 * import them on first use. Registered synchronously at the top of the worker, like every listener.
 */
export function importLazyScriptsOnInstall(): void {
  scope.addEventListener('install', () => {
    // One script that fails to load must not keep the others out of the cache.
    for (const name of Object.keys(LAZY_SCRIPTS) as LazyScriptName[]) {
      try {
        lazyScript(name);
      } catch (error) {
        console.warn(error);
      }
    }
  });
}
