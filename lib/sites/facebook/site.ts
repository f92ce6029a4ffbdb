import { runsOn, type SiteDefinition } from '../site';

/**
 * Hosts whose markup the adapter reads. m.facebook.com serves a different (touch) DOM that
 * the adapter has no fixtures for, so the sidebar must not report it as broken.
 */
const COMET_HOSTS: readonly string[] = ['www.facebook.com', 'web.facebook.com'];

/**
 * Paths that always show posts, i.e. where finding none means our selectors broke.
 * Profiles and Pages are left out: an empty or private profile legitimately shows none.
 */
const POST_PAGE_PATHS: readonly RegExp[] = [
  /^\/$/,
  /^\/home\.php$/,
  /^\/groups\/feed\/?$/,
  /^\/permalink\.php$/,
  /^\/story\.php$/,
  /^\/[A-Za-z0-9.\-_]+\/posts\/[A-Za-z0-9]+\/?$/,
  /^\/groups\/[A-Za-z0-9.\-_]+\/(?:posts|permalink)\/[A-Za-z0-9]+\/?$/,
];

export const FACEBOOK_SITE = {
  platform: 'facebook',
  name: 'Facebook',
  shortName: 'Facebook',
  hosts: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
  expectsPosts: (url: URL): boolean =>
    runsOn(FACEBOOK_SITE, url) && COMET_HOSTS.includes(url.hostname) && POST_PAGE_PATHS.some((path) => path.test(url.pathname)),
  replyBoxName: "Facebook's comment box",
  // Meta's one-per-comment private reply while its window is open, then a Messenger link to the Page.
  handoff: { channels: ['facebook_private_reply', 'messenger'], channelName: 'private message' },
} as const satisfies SiteDefinition;
