import { runsOn, type SiteDefinition } from '../site';

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
  replyBoxName: "Yelp's public comment box",
  // Yelp for Business's private message to the reviewer (no link opens it: the agent pastes).
  handoff: { channels: ['yelp_message'], channelName: 'private message' },
} as const satisfies SiteDefinition;
