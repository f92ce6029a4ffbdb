/**
 * Every selector and label the X adapter relies on, in one place. Each selector is paired with
 * the count it must find on each fixture in selectors.test.ts, so a change on x.com shows up as
 * one failing row. X's class names are hashed and change often: we use data-testid, roles and
 * ARIA only.
 */
export const X_SELECTORS = {
  /** A virtualised timeline cell; X recycles and reorders these while scrolling. */
  cell: '[data-testid="cellInnerDiv"]',
  /** One post. A quoted post is a div[role="link"], not an article, but older layouts nested articles. */
  tweet: 'article[data-testid="tweet"]',
  /** Display name + @handle + time block (one per post, one more per quoted post). */
  userName: '[data-testid="User-Name"]',
  /** The post's own permalink: only the outer post's time is wrapped in a status link. */
  permalinkTime: 'a[href*="/status/"] > time[datetime]',
  /** Any timestamp, including a quoted post's. */
  time: 'time[datetime]',
  /** The post body; emoji are <img alt> inside it. */
  tweetText: '[data-testid="tweetText"]',
  /** The quoted post block inside a quote tweet. */
  quoteBlock: 'div[role="link"]:has([data-testid="User-Name"])',
  /** Action bar whose aria-label carries every count ("48 replies, 152 reposts, ..."). */
  actionBar: '[role="group"][aria-label]',
  replyButton: '[data-testid="reply"]',
  repostButton: '[data-testid="retweet"]',
  likeButton: '[data-testid="like"]',
  /** "2596467 views. View post analytics" (timeline layout only). */
  viewsLink: 'a[href*="/analytics"][aria-label]',
  /** Candidates for the "Replying to @handle" line; confirmed by REPLYING_TO_LABELS. */
  replyContext: 'div[dir="ltr"]:has(a[href^="/"])',
  /** The @handle links inside that line. */
  replyTarget: 'div[dir="ltr"] a[href^="/"]',
} as const;

export type XSelectorName = keyof typeof X_SELECTORS;

/** UI-language text that starts the reply context line. Add a locale by adding its label. */
export const REPLYING_TO_LABELS: readonly string[] = ['Replying to'];

export type ReachMetric = 'replies' | 'reposts' | 'likes' | 'views';

/**
 * Words that follow each number in the action bar's aria-label, per UI language. Matching is
 * case-insensitive on whole words. Bookmarks are deliberately absent: they are not reach.
 */
export const REACH_WORDS: Record<string, Record<ReachMetric, readonly string[]>> = {
  en: {
    replies: ['reply', 'replies'],
    reposts: ['repost', 'reposts', 'retweet', 'retweets'],
    likes: ['like', 'likes'],
    views: ['view', 'views'],
  },
};

/** Suffixes X uses for abbreviated counts ("1.2K", "3,4 M"), per language, with their multipliers. */
export const COMPACT_SUFFIXES: Record<string, Record<string, number>> = {
  en: { k: 1e3, m: 1e6, b: 1e9 },
};

/**
 * Paths on x.com that always show posts, i.e. where finding none means our selectors broke.
 * Profiles are left out: an empty or protected profile legitimately shows none.
 */
export const POST_PAGE_PATHS: readonly RegExp[] = [
  /^\/home\/?$/,
  /^\/search\/?$/,
  /^\/[A-Za-z0-9_]{1,15}\/status\/\d+/,
  /^\/i\/lists\/\d+/,
];
