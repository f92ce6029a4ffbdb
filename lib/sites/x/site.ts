import { runsOn, urlOnHosts, type SiteDefinition } from '../site';

/** An X handle: 1 to 15 letters, digits or underscores (X's own limit at sign-up and rename). */
const HANDLE = '[A-Za-z0-9_]{1,15}';

/** An @handle as X prints it ("@AcmeSupport"); the handle is group 1. */
export const X_HANDLE_TEXT = new RegExp(`^@?(${HANDLE})$`);

/** A profile path, /<handle>; the handle is group 1. */
export const X_PROFILE_PATH = new RegExp(`^/(${HANDLE})/?$`);

/**
 * A status path: /<handle>/status/<id>, then the end, a further path segment, a query or a
 * fragment. Handle is group 1, post id group 2. The one pattern for permalinks and status pages.
 */
export const X_STATUS_PATH = new RegExp(`^/(${HANDLE})/status/(\\d{1,30})(?:[/?#]|$)`);

/** `https://x.com/<handle>`, exactly. */
const PLAIN_PROFILE_URL = new RegExp(`^https://x\\.com/(${HANDLE})$`);

/**
 * Paths that always show posts, i.e. where finding none means our selectors broke.
 * Profiles are left out: an empty or protected profile legitimately shows none.
 */
const POST_PAGE_PATHS: readonly RegExp[] = [/^\/home\/?$/, /^\/search\/?$/, X_STATUS_PATH, /^\/i\/lists\/\d+/];

export const X_SITE = {
  platform: 'x',
  name: 'X / Twitter',
  shortName: 'X',
  hosts: ['x.com', 'twitter.com', 'mobile.twitter.com'],
  expectsPosts: (url: URL): boolean => runsOn(X_SITE, url) && POST_PAGE_PATHS.some((path) => path.test(url.pathname)),
  accountOf: (href: string): string | undefined => {
    // The form the X adapter writes every author link in, read without parsing a URL per post.
    const plain = PLAIN_PROFILE_URL.exec(href);
    if (plain) return plain[1];
    const url = urlOnHosts(href, X_SITE.hosts);
    return url ? X_PROFILE_PATH.exec(url.pathname)?.[1] : undefined;
  },
  replyBoxName: "X's reply box",
  // A DM composer link needs the customer's numeric id; without it, their profile to DM from.
  handoff: { channels: ['x_dm', 'x_profile'], channelName: 'DM' },
} as const satisfies SiteDefinition;
