import type { Browser } from 'wxt/browser';
import { describe, expect, it } from 'vitest';
import { classifySender, originOf, type ExtensionIdentity } from './sender';

const ID = 'test-extension-id';
const identity: ExtensionIdentity = { runtimeId: ID, extensionOrigin: `chrome-extension://${ID}` };

function tab(url: string | undefined, id = 7): Browser.tabs.Tab {
  return { id, url, index: 0, windowId: 1, highlighted: false, active: true, pinned: false, incognito: false } as Browser.tabs.Tab;
}

describe('classifySender', () => {
  it('accepts our popup and options pages as extension senders', () => {
    expect(classifySender({ id: ID, url: `chrome-extension://${ID}/popup.html` }, identity)).toBe('extension');
    // Options page opened in its own tab, or embedded in the browser's extensions page.
    expect(
      classifySender({ id: ID, url: `chrome-extension://${ID}/options.html`, tab: tab(`chrome-extension://${ID}/options.html`) }, identity),
    ).toBe('extension');
    expect(
      classifySender({ id: ID, url: `chrome-extension://${ID}/options.html`, tab: tab(`chrome://extensions/?options=${ID}`) }, identity),
    ).toBe('extension');
  });

  it('accepts Firefox moz-extension origins when that is ours', () => {
    const firefox = { runtimeId: 'careside@careside.app', extensionOrigin: 'moz-extension://1b2c3d4e-0000-4000-8000-000000000000/' };
    expect(classifySender({ id: firefox.runtimeId, url: 'moz-extension://1b2c3d4e-0000-4000-8000-000000000000/popup.html' }, firefox)).toBe(
      'extension',
    );
    expect(
      classifySender({ id: firefox.runtimeId, url: 'moz-extension://99999999-0000-4000-8000-000000000000/popup.html' }, firefox),
    ).toBeNull();
  });

  it('rejects our extension page framed inside a web tab', () => {
    expect(
      classifySender({ id: ID, url: `chrome-extension://${ID}/popup.html`, tab: tab('https://evil.test/'), frameId: 3 }, identity),
    ).toBeNull();
    expect(classifySender({ id: ID, url: `chrome-extension://${ID}/popup.html`, tab: tab(undefined) }, identity)).toBeNull();
  });

  it('accepts our content script in a tab on each supported site', () => {
    for (const url of ['https://x.com/acme/status/1', 'https://www.facebook.com/acme', 'https://www.yelp.com/biz/acme']) {
      expect(classifySender({ id: ID, url, tab: tab(url), frameId: 0 }, identity)).toBe('content');
    }
  });

  it('rejects a content-looking sender without a tab, on a look-alike host, or over http', () => {
    expect(classifySender({ id: ID, url: 'https://x.com/home' }, identity)).toBeNull();
    expect(classifySender({ id: ID, url: 'https://x.com.evil.test/home', tab: tab('https://x.com.evil.test/home') }, identity)).toBeNull();
    expect(classifySender({ id: ID, url: 'http://x.com/home', tab: tab('http://x.com/home') }, identity)).toBeNull();
  });

  it('rejects web pages and other extensions', () => {
    // A web page (externally_connectable) has no extension id.
    expect(classifySender({ url: 'https://x.com/home', tab: tab('https://x.com/home') }, identity)).toBeNull();
    expect(classifySender({ id: 'other-extension', url: 'https://x.com/home', tab: tab('https://x.com/home') }, identity)).toBeNull();
    expect(classifySender({ id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' }, identity)).toBeNull();
    // Our id but another extension's origin.
    expect(classifySender({ id: ID, url: 'chrome-extension://other-extension/popup.html' }, identity)).toBeNull();
  });

  it('rejects missing or unparsable URLs and an empty identity', () => {
    expect(classifySender({ id: ID }, identity)).toBeNull();
    expect(classifySender({ id: ID, url: 'not a url', tab: tab('https://x.com/') }, identity)).toBeNull();
    expect(classifySender({}, identity)).toBeNull();
    expect(
      classifySender({ id: '', url: 'chrome-extension:///popup.html' }, { runtimeId: '', extensionOrigin: 'chrome-extension://' }),
    ).toBeNull();
  });
});

describe('originOf', () => {
  it('keeps scheme and host even where URL.origin would be "null"', () => {
    expect(originOf(new URL('chrome-extension://abc/popup.html'))).toBe('chrome-extension://abc');
    expect(originOf(new URL('https://x.com:443/a'))).toBe('https://x.com');
    expect(originOf(new URL('https://x.com:8443/a'))).toBe('https://x.com:8443');
  });
});
