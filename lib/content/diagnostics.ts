import type { SiteAdapter } from '../sites/types';
import { healthWarning, type ContentSnapshot } from './view-model';

/**
 * "Copy diagnostics" on the sidebar's health warning: what a developer needs to see why a page
 * is not read (the page address, the adapter, how many elements each of its selectors finds,
 * posts found and read), as text the user copies and pastes wherever they choose. Nothing is
 * sent anywhere, and no post text, author or case is included.
 */
export interface Diagnostics {
  generatedAt: string;
  extensionVersion: string;
  site: { platform: string; adapter: string };
  /** The page address with every query value and the fragment left out (they can hold tokens). */
  url: string;
  expectsPosts: boolean;
  userAgent: string;
  posts: { found: number; read: number; withText: number; withAuthor: number; mentions: number };
  readShare: ContentSnapshot['readShare'];
  warning: string | null;
  /** Elements each selector of the adapter's table finds on the page now; "invalid" if the browser rejects it. */
  selectors: Record<string, number | 'invalid'>;
}

/** `href` with query values replaced by "…" and no fragment: the names say enough to diagnose. */
export function redactedUrl(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return '(unreadable address)';
  }
  const names = [...new Set(url.searchParams.keys())];
  const query = names.length > 0 ? `?${names.map((name) => `${encodeURIComponent(name)}=…`).join('&')}` : '';
  return `${url.origin}${url.pathname}${query}`;
}

export function countSelectors(root: ParentNode, selectors: Readonly<Record<string, string>>): Diagnostics['selectors'] {
  const counts: Diagnostics['selectors'] = {};
  for (const [name, selector] of Object.entries(selectors)) {
    try {
      counts[name] = root.querySelectorAll(selector).length;
    } catch {
      counts[name] = 'invalid';
    }
  }
  return counts;
}

export interface DiagnosticsSource {
  adapter: Pick<SiteAdapter, 'platform' | 'name' | 'findPosts' | 'selectors'>;
  doc: Document;
  snapshot: ContentSnapshot;
  href: string;
  userAgent: string;
  extensionVersion: string;
  now: number;
}

/** Look at the page now (runs on the click, never in the background of the page). */
export function collectDiagnostics(source: DiagnosticsSource): Diagnostics {
  const { adapter, doc, snapshot } = source;
  let found = 0;
  try {
    found = adapter.findPosts(doc).length;
  } catch {
    found = -1; // the adapter itself failed: worth seeing in the report
  }
  return {
    generatedAt: new Date(source.now).toISOString(),
    extensionVersion: source.extensionVersion,
    site: { platform: adapter.platform, adapter: adapter.name },
    url: redactedUrl(source.href),
    expectsPosts: snapshot.expectsPosts,
    userAgent: source.userAgent,
    posts: {
      found,
      read: snapshot.postsRead,
      withText: snapshot.readQuality.withText,
      withAuthor: snapshot.readQuality.withAuthor,
      mentions: snapshot.mentions.length,
    },
    readShare: snapshot.readShare,
    warning: healthWarning(snapshot),
    selectors: countSelectors(doc, adapter.selectors ?? {}),
  };
}

/** The block the user copies: one line saying what it is, then the JSON. */
export function diagnosticsText(diagnostics: Diagnostics): string {
  return `CareSide diagnostics (copied by you; CareSide sent none of this anywhere)\n${JSON.stringify(diagnostics, null, 2)}\n`;
}
