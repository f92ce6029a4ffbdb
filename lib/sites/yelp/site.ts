import { runsOn, urlOnHosts, type SiteDefinition } from '../site';

/**
 * Paths that always show reviews when selectors work, per host. A business with no reviews yet
 * exists but is rare; we accept that its page is reported as "no posts found".
 */
const REVIEW_PAGE_PATHS: Readonly<Record<string, readonly RegExp[]>> = {
  'www.yelp.com': [/^\/biz\/[^/]+\/?$/],
  'biz.yelp.com': [/^\/r2r\/[A-Za-z0-9_-]+(?:\/.*)?$/],
};

export const YELP_SITE = {
  platform: 'yelp',
  name: 'Yelp',
  shortName: 'Yelp',
  hosts: ['www.yelp.com', 'biz.yelp.com'],
  expectsPosts: (url: URL): boolean =>
    runsOn(YELP_SITE, url) && (REVIEW_PAGE_PATHS[url.hostname] ?? []).some((path) => path.test(url.pathname)),
  // A business's public page, www.yelp.com/biz/<alias>: the alias names the business (owner replies are by it).
  accountOf: (href: string): string | undefined => {
    const url = urlOnHosts(href, ['www.yelp.com', 'yelp.com', 'm.yelp.com']);
    const alias = url ? /^\/biz\/([^/]+)\/?$/.exec(url.pathname)?.[1] : undefined;
    return alias && /^[A-Za-z0-9%._~-]{1,200}$/.test(alias) ? alias : undefined;
  },
  // Every review on www.yelp.com/biz/<alias> is about that business, whether or not it names it.
  postsAbout: (url: URL): string | undefined =>
    url.hostname === 'www.yelp.com' && runsOn(YELP_SITE, url) ? YELP_SITE.accountOf(url.href) : undefined,
  replyBoxName: "Yelp's public comment box",
  // Yelp for Business's private message to the reviewer (no link opens it: the agent pastes).
  handoff: { channels: ['yelp_message'], channelName: 'private message' },
} as const satisfies SiteDefinition;
