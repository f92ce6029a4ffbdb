import type { Platform } from '../domain/post';

/**
 * What CareSide knows about a site without touching its pages: names, hosts, URL patterns and
 * handoff channels. Data and pure URL checks only, so the background (sender checks) and
 * lib/handoff can import it without pulling a site's DOM adapter into their bundles.
 */
export interface SiteDefinition {
  readonly platform: Platform;
  /** Human name shown in the sidebar ("X / Twitter"). */
  readonly name: string;
  /** The name in running text ("my X post"). */
  readonly shortName: string;
  /** Exact hosts the content script runs on, over https; manifest matches and sender checks derive from them. */
  readonly hosts: readonly string[];
  /** Whether a page at this URL always shows posts (finding none there means broken selectors). */
  readonly expectsPosts: (url: URL) => boolean;
  /**
   * The account a profile or page link names (X handle, Facebook Page or profile name or id, Yelp
   * business alias), or undefined for any other link. The own-post check compares it with the
   * brand's accounts for this site, which may themselves be written as such links.
   */
  readonly accountOf: (href: string) => string | undefined;
  /**
   * The account every post on a page at this URL is about, when the page is that account's own
   * (a Yelp business page: each review there is about the business, named or not), as
   * `accountOf` names accounts; undefined elsewhere or on sites without such pages. When the
   * account is one of a brand's, every post on the page by someone else mentions that brand.
   */
  readonly postsAbout?: (url: URL) => string | undefined;
  /** How the UI names the site's reply box in messages. */
  readonly replyBoxName: string;
  readonly handoff: {
    /** The site's own private channels (lib/handoff/build.ts builds one target kind per channel), preferred first. */
    readonly channels: readonly string[];
    /** How replies name the private channel when no handoff target is available ("DM"). */
    readonly channelName: string;
  };
}

/** `href` as an https URL on one of `hosts`, or undefined. Relative links resolve against the first host. */
export function urlOnHosts(href: string, hosts: readonly string[]): URL | undefined {
  try {
    const url = new URL(href, `https://${hosts[0] ?? 'invalid'}/`);
    return url.protocol === 'https:' && hosts.includes(url.hostname) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Content-script match patterns for the site's hosts ("https://x.com/*"). */
export function matchPatterns(site: SiteDefinition): string[] {
  return site.hosts.map((host) => `https://${host}/*`);
}

/**
 * Does the site's content script run at this URL: https on one of its exact hosts, default port,
 * no credentials. Exact hosts, so look-alikes such as x.com.evil.test never match.
 */
export function runsOn(site: SiteDefinition, url: URL): boolean {
  return url.protocol === 'https:' && url.port === '' && url.username === '' && url.password === '' && site.hosts.includes(url.hostname);
}
