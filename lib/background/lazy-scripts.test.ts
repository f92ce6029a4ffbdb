// @vitest-environment happy-dom
// (a worker-like global with addEventListener for the install listener; Node has none)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importLazyScriptsOnInstall, LAZY_SCRIPTS, lazyScript, provideLazyScript } from './lazy-scripts';

type Scope = { importScripts?: unknown; addEventListener?: unknown; careSideLazyScripts?: unknown; browser?: unknown };
const scope = globalThis as unknown as Scope;
const fakePapa = { parse: () => ({ data: [] }) } as unknown as Parameters<typeof provideLazyScript<'papaparse'>>[1];

const testBrowser = scope.browser;

afterEach(() => {
  scope.browser = testBrowser;
  vi.resetModules();
  delete scope.importScripts;
  delete scope.careSideLazyScripts;
  vi.restoreAllMocks();
});

describe('lazy scripts (Chrome worker)', () => {
  it('imports a script on first use only, and hands back what it provided', () => {
    const importScripts = vi.fn((url: string) => {
      if (url === LAZY_SCRIPTS.papaparse) provideLazyScript('papaparse', fakePapa);
    });
    scope.importScripts = importScripts;
    expect(lazyScript('papaparse')).toBe(fakePapa);
    expect(lazyScript('papaparse')).toBe(fakePapa);
    expect(importScripts).toHaveBeenCalledTimes(1);
    expect(importScripts).toHaveBeenCalledWith('/background-papaparse.js');
  });

  it('says which script failed and what to do when the browser refuses it', () => {
    scope.importScripts = () => {
      throw new Error('importScripts() of new scripts after service worker installation is not allowed');
    };
    expect(() => lazyScript('pouchdb')).toThrow(/background-pouchdb\.js .*not allowed.*reload CareSide from the browser's extensions page/);
  });

  it('fails clearly when a script runs without providing its library', () => {
    scope.importScripts = () => undefined;
    expect(() => lazyScript('papaparse')).toThrow('CareSide loaded /background-papaparse.js, but it provided nothing');
  });

  it('imports every lazy script while the worker installs', () => {
    let onInstall: (() => void) | undefined;
    const addEventListener = vi.spyOn(globalThis, 'addEventListener').mockImplementation((type: string, listener: unknown) => {
      if (type === 'install') onInstall = listener as () => void;
    });
    const imported: string[] = [];
    scope.importScripts = (url: string) => {
      imported.push(url);
      const name = (Object.keys(LAZY_SCRIPTS) as (keyof typeof LAZY_SCRIPTS)[]).find((key) => LAZY_SCRIPTS[key] === url);
      if (name) provideLazyScript(name, {} as never);
    };
    importLazyScriptsOnInstall();
    expect(addEventListener).toHaveBeenCalledWith('install', expect.any(Function));
    expect(imported).toEqual([]);
    onInstall?.();
    expect(imported.sort()).toEqual(Object.values(LAZY_SCRIPTS).sort());
  });

  it('imports the other scripts at install when one fails to load', () => {
    let onInstall: (() => void) | undefined;
    vi.spyOn(globalThis, 'addEventListener').mockImplementation((type: string, listener: unknown) => {
      if (type === 'install') onInstall = listener as () => void;
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const imported: string[] = [];
    scope.importScripts = (url: string) => {
      if (url === LAZY_SCRIPTS.pouchdb) throw new Error('failed to load');
      imported.push(url);
      const name = (Object.keys(LAZY_SCRIPTS) as (keyof typeof LAZY_SCRIPTS)[]).find((key) => LAZY_SCRIPTS[key] === url);
      if (name) provideLazyScript(name, {} as never);
    };
    importLazyScriptsOnInstall();
    onInstall?.();
    expect(imported.sort()).toEqual([LAZY_SCRIPTS.papaparse, LAZY_SCRIPTS.polyfill].sort());
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('the stand-ins the worker build uses for the lazy libraries', () => {
  it('`new PouchDB(...)` builds the lazily imported constructor with the same arguments', async () => {
    class FakePouch {
      constructor(
        readonly name: string,
        readonly options?: object,
      ) {}
    }
    scope.importScripts = () => provideLazyScript('pouchdb', FakePouch as never);
    const { default: LazyPouchDB } = await import('./lazy/pouchdb-browser');
    const replica: unknown = new LazyPouchDB('careside-team-1', { skip_setup: true });
    expect(replica).toBeInstanceOf(FakePouch);
    expect(replica).toEqual(new FakePouch('careside-team-1', { skip_setup: true }));
  });

  it("`Papa.parse(...)` calls the lazily imported library's parse", async () => {
    const parse = vi.fn(() => ({ data: [['a']] }));
    scope.importScripts = () => provideLazyScript('papaparse', { parse } as never);
    const { default: LazyPapa } = await import('./lazy/papaparse');
    expect(LazyPapa.parse('a', { preview: 1 })).toEqual({ data: [['a']] });
    expect(parse).toHaveBeenCalledWith('a', { preview: 1 });
  });
});

describe("the worker build's webextension-polyfill", () => {
  it("is the browser's own `browser` when it has one, with no script imported", async () => {
    const native = { runtime: { id: 'careside' } };
    scope.browser = native;
    const importScripts = vi.fn();
    scope.importScripts = importScripts;
    const { default: browser } = await import('./lazy/webextension-polyfill');
    expect(browser).toBe(native);
    expect(importScripts).not.toHaveBeenCalled();
  });

  it("is the polyfill's, from its own script, in a Chrome without a native `browser`", async () => {
    delete scope.browser;
    const polyfilled = { runtime: { id: 'careside' }, polyfilled: true };
    scope.importScripts = (url: string) => {
      if (url === LAZY_SCRIPTS.polyfill) provideLazyScript('polyfill', polyfilled as never);
    };
    const { default: browser } = await import('./lazy/webextension-polyfill');
    expect(browser).toBe(polyfilled);
  });
});
