/**
 * The demo pages `npm start` opens, each served at its real URL (see scripts/browser/launch.ts).
 * To add a site (Facebook, Yelp): put its page under demo/<site>/ and add an entry here;
 * the demo scenario opens every entry and logs a case on the first one with `firstComplaintPostKey`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Platform, PostKey } from '../lib/domain/post';
import { SettingsSchema, type Settings } from '../lib/settings/schema';
import type { SiteMap } from '../scripts/browser/launch';
import { DEMO_X_FIRST_COMPLAINT_ID } from './x/search-posts';

export interface DemoPage {
  /** Human label used in the demo's output ("x.com/search"). */
  label: string;
  platform: Platform;
  /** The real URL the page is served at. */
  url: string;
  /** The HTML file served there. */
  file: string;
  /** A complaint on this page to log as a case. */
  firstComplaintPostKey?: PostKey;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const DEMO_PAGES: readonly DemoPage[] = [
  {
    label: 'x.com/search',
    platform: 'x',
    url: 'https://x.com/search?q=%22Acme%20Air%22&src=typed_query&f=live',
    file: here('./x/search.html'),
    firstComplaintPostKey: `x:${DEMO_X_FIRST_COMPLAINT_ID}`,
  },
  {
    label: 'facebook.com (home feed)',
    platform: 'facebook',
    url: 'https://www.facebook.com/',
    file: here('./facebook/feed.html'),
    firstComplaintPostKey: 'facebook:pfbid02Xk7u9mJqV3hL4sT1wY8bN5cR2dF6gHaZ',
  },
  {
    label: 'yelp.com/biz/acme-air-denver',
    platform: 'yelp',
    url: 'https://www.yelp.com/biz/acme-air-denver',
    file: here('./yelp/biz.html'),
    firstComplaintPostKey: 'yelp:aBcD1234EfGh5678IjKl9A',
  },
];

export const DEMO_SETTINGS_FILE = here('./settings.json');

/** The demo brand settings, checked against the real schema so a drift fails loudly. */
export function loadDemoSettings(): Settings {
  const raw: unknown = JSON.parse(readFileSync(DEMO_SETTINGS_FILE, 'utf8'));
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`demo/settings.json does not match lib/settings/schema.ts: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** url -> file map for serveSites(). */
export function demoSiteMap(): SiteMap {
  return Object.fromEntries(DEMO_PAGES.map((page) => [page.url, { file: page.file }]));
}
