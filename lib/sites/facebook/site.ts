import { runsOn, urlOnHosts, type SiteDefinition } from '../site';

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
  // Permalinks may carry a slug of the post's opening words before the id, in any script (percent-encoded).
  /^\/[A-Za-z0-9.\-_]+\/posts\/(?:[^/]+\/)?[A-Za-z0-9]+\/?$/,
  /^\/groups\/[A-Za-z0-9.\-_]+\/(?:posts|permalink)\/[A-Za-z0-9]+\/?$/,
];

/** First path segments that are Facebook's own sections, never a Page or profile name. */
const NOT_ACCOUNTS: ReadonlySet<string> = new Set([
  'groups',
  'photo',
  'photo.php',
  'watch',
  'reel',
  'stories',
  'events',
  'permalink.php',
  'story.php',
  'home.php',
  'search',
  'marketplace',
  'gaming',
  'hashtag',
  'pages',
  'pg',
]);
const ACCOUNT_NAME = /^[A-Za-z0-9.\-_]{1,100}$/;

/**
 * The Page or profile a link names: /<name>[/...] (a Page's posts, about, reviews), profile.php?id=<id>,
 * /people/<name>/<id>/, /pg/<name>/. Facebook's own hosts plus the bare domain links use.
 */
function facebookAccountOf(href: string): string | undefined {
  const url = urlOnHosts(href, [...FACEBOOK_SITE.hosts, 'facebook.com']);
  if (!url) return undefined;
  const [first, second, third] = url.pathname.split('/').filter(Boolean);
  if (first === 'profile.php') return /^\d{1,30}$/.exec(url.searchParams.get('id') ?? '')?.[0];
  if (first === 'people') return third && ACCOUNT_NAME.test(third) ? third : undefined;
  if (first === 'pg') return second && ACCOUNT_NAME.test(second) ? second : undefined;
  return first && ACCOUNT_NAME.test(first) && !NOT_ACCOUNTS.has(first) ? first : undefined;
}

export const FACEBOOK_SITE = {
  platform: 'facebook',
  name: 'Facebook',
  shortName: 'Facebook',
  hosts: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
  expectsPosts: (url: URL): boolean =>
    runsOn(FACEBOOK_SITE, url) && COMET_HOSTS.includes(url.hostname) && POST_PAGE_PATHS.some((path) => path.test(url.pathname)),
  accountOf: facebookAccountOf,
  replyBoxName: "Facebook's comment box",
  // Meta's one-per-comment private reply while its window is open, then a Messenger link to the Page.
  handoff: { channels: ['facebook_private_reply', 'messenger'], channelName: 'private message' },
} as const satisfies SiteDefinition;
