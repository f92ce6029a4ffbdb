import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureMessages } from './ensure-messages';
import { localeFolders, messageFrom } from './messages';

const SPANISH = { extension_name: { message: 'CareSide' }, popup_openCases: { message: '$1 caso abierto | $1 casos abiertos' } };

function pageWithoutBundle(uiLanguage: string) {
  const i18n = { getMessage: (_name: string, _subs?: string | string[]) => '', getUILanguage: () => uiLanguage };
  return { chrome: { i18n, runtime: { getURL: (path: string) => `chrome-extension://id${path}` } } };
}

afterEach(() => vi.unstubAllGlobals());

describe('ensureMessages', () => {
  it('answers from the packaged messages of the UI language when the page got no bundle', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      const found = url.endsWith('/_locales/es/messages.json');
      return Promise.resolve({ ok: found, json: () => Promise.resolve(SPANISH) });
    });
    const globals = pageWithoutBundle('es-MX');
    await ensureMessages(globals);
    expect(fetched).toEqual(['chrome-extension://id/_locales/es_MX/messages.json', 'chrome-extension://id/_locales/es/messages.json']);
    expect(globals.chrome.i18n.getMessage('popup_openCases', ['2'])).toBe('2 caso abierto | 2 casos abiertos');
    expect(globals.chrome.i18n.getMessage('unknown')).toBe('');
  });

  it('leaves a page that has its bundle alone, without reading anything', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const globals = pageWithoutBundle('en');
    const native = (name: string) => (name === 'extension_name' ? 'CareSide' : 'native');
    globals.chrome.i18n.getMessage = native;
    await ensureMessages(globals);
    expect(fetch).not.toHaveBeenCalled();
    expect(globals.chrome.i18n.getMessage).toBe(native);
  });
});

describe('packaged messages', () => {
  it('fills $1… and $$ like Chromium, and tries the exact locale, its language, then English', () => {
    expect(messageFrom({ a: { message: 'Cost $$$1 for $2' } }, 'a', ['5', 'two'])).toBe('Cost $5 for two');
    expect(localeFolders('pt-BR')).toEqual(['pt_BR', 'pt', 'en']);
    expect(localeFolders('en')).toEqual(['en']);
  });
});
