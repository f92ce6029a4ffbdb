/**
 * X search pages the e2e tests serve at https://x.com, built with the demo's markup builder
 * (demo/x/markup.ts, which mirrors real x.com markup). Brand: the demo's "Acme Air".
 */
import { xSearchPageHtml, type XPostSpec } from '../../../demo/x/markup';

export const X_SEARCH_URL = 'https://x.com/search?q=%22Acme%20Air%22&src=typed_query&f=live';

export const COMPLAINT_BY_MENTION: XPostSpec = {
  id: '1990000000000000001',
  displayName: 'Riley Park',
  handle: 'rileypark',
  text: '@AcmeAir my flight was cancelled an hour before boarding and the app still says on time. Nobody at the desk.',
  postedAt: '2025-11-20T09:15:00.000Z',
  replies: 12,
  reposts: 3,
  likes: 40,
  bookmarks: 2,
  views: 5400,
};

export const COMPLAINT_BY_NAME: XPostSpec = {
  id: '1990000000000000002',
  displayName: 'Noor Haddad',
  handle: 'noorhaddad',
  text: 'Acme Air lost my suitcase and the claim line hangs up after 40 minutes. Terrible service.',
  postedAt: '2025-11-20T09:10:00.000Z',
  replies: 4,
  likes: 19,
  views: 2100,
};

export const UNRELATED: XPostSpec = {
  id: '1990000000000000003',
  displayName: 'Chris Moe',
  handle: 'chrismoe',
  text: 'Fresh air and a long walk fixes most things.',
  postedAt: '2025-11-20T09:05:00.000Z',
  likes: 7,
  views: 300,
};

export const COMPLAINT_BY_HASHTAG: XPostSpec = {
  id: '1990000000000000004',
  displayName: 'Ola Berg',
  handle: 'olaberg',
  text: 'Third delay this month, seat broken, wifi dead. #AcmeAirFail',
  postedAt: '2025-11-20T09:00:00.000Z',
  replies: 1,
  views: 900,
};

export const TEST_POSTS = [COMPLAINT_BY_MENTION, COMPLAINT_BY_NAME, UNRELATED, COMPLAINT_BY_HASHTAG] as const;
/** The posts that mention the brand (every test post but UNRELATED). */
export const MENTIONING_POSTS = [COMPLAINT_BY_MENTION, COMPLAINT_BY_NAME, COMPLAINT_BY_HASHTAG] as const;

export function keyOf(post: XPostSpec): string {
  return `x:${post.id}`;
}

export function xTestPage(posts: readonly XPostSpec[] = TEST_POSTS): string {
  return xSearchPageHtml({ query: 'Acme Air', posts, note: 'CareSide e2e test page' });
}
