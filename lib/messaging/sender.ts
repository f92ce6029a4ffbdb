import type { Browser } from 'wxt/browser';
import { platformForUrl } from '../sites/origins';
import type { SenderKind } from './protocol';

/** Who we are: compared against every incoming message's sender. */
export interface ExtensionIdentity {
  /** browser.runtime.id */
  runtimeId: string;
  /** e.g. "chrome-extension://abcdef…" or "moz-extension://uuid" (no trailing slash). */
  extensionOrigin: string;
}

/**
 * The trust boundary for runtime messages (cf. bitwarden's is-external-message): decide from
 * the browser-supplied sender, never from anything inside the message, who is talking.
 *  - 'extension': one of our own pages (popup, options), not framed inside a web tab;
 *  - 'content': our content script, in a tab, on one of the sites we run on;
 *  - null: anything else (other extensions, web pages, missing or unparsable URLs).
 */
export function classifySender(sender: Browser.runtime.MessageSender, identity: ExtensionIdentity): SenderKind | null {
  if (!identity.runtimeId || sender.id !== identity.runtimeId) return null;
  const url = parseUrl(sender.url);
  if (!url) return null;

  if (originOf(url) === normalizeOrigin(identity.extensionOrigin)) {
    // An extension page inside a web tab would be a frame a web page controls.
    return sender.tab && isWebTab(sender.tab, identity) ? null : 'extension';
  }
  if (sender.tab && platformForUrl(url) !== null) return 'content';
  return null;
}

/** scheme://host[:port] for any URL. `URL.origin` is "null" for non-special schemes such as chrome-extension:. */
export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

function normalizeOrigin(origin: string): string {
  const url = parseUrl(origin);
  return url ? originOf(url) : origin;
}

/** Browser UI pages that may host an extension page (e.g. options embedded in chrome://extensions). */
const BROWSER_UI_SCHEMES = new Set(['chrome:', 'edge:', 'about:']);

function isWebTab(tab: Browser.tabs.Tab, identity: ExtensionIdentity): boolean {
  // Fail closed: a tab we cannot see the URL of might be a web page.
  const url = parseUrl(tab.url);
  if (!url) return true;
  if (originOf(url) === normalizeOrigin(identity.extensionOrigin)) return false;
  return !BROWSER_UI_SCHEMES.has(url.protocol);
}

function parseUrl(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
