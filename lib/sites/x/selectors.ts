/**
 * Every selector and label the X adapter relies on, in one place. Each selector is paired with
 * the count it must find on each fixture in selectors.test.ts, so a change on x.com shows up as
 * one failing row. X's class names are hashed and change often: we use data-testid, roles and
 * ARIA only. UI text (labels) is listed per UI language; add a language by adding its entries.
 */
export const X_SELECTORS = {
  /** A virtualised timeline cell; X recycles and reorders these while scrolling. */
  cell: '[data-testid="cellInnerDiv"]',
  /** One post. A quoted post is a div[role="link"], not an article, but older layouts nested articles. */
  tweet: 'article[data-testid="tweet"]',
  /** Display name + @handle + time block (one per post, one more per quoted post). */
  userName: '[data-testid="User-Name"]',
  /** The userName block's first link holds the display name (and badges, which carry no text). */
  displayNameLink: '[data-testid="User-Name"] a',
  /** The post's own permalink: only the outer post's time is wrapped in a status link. */
  permalinkTime: 'a[href*="/status/"] > time[datetime]',
  /** Any timestamp, including a quoted post's. */
  time: 'time[datetime]',
  /** The post body; emoji are <img alt> inside it. */
  tweetText: '[data-testid="tweetText"]',
  /**
   * X's "Show more" after a long post's text on timelines (a button, or a link to the status
   * page in some layouts): present while the text shown is cut; gone once it is expanded in place.
   */
  showMore: '[data-testid="tweet-text-show-more-link"]',
  /** The quoted post block inside a quote tweet. */
  quoteBlock: 'div[role="link"]:has([data-testid="User-Name"])',
  /** Any link block: a cheap first check for a quote, before the precise quoteBlock query. */
  linkBlock: 'div[role="link"]',
  /** Action bar whose aria-label carries every count ("48 replies, 152 reposts, ..."). */
  actionBar: '[role="group"][aria-label]',
  replyButton: '[data-testid="reply"]',
  repostButton: '[data-testid="retweet"]',
  likeButton: '[data-testid="like"]',
  /** The same buttons once the viewer has reposted or liked the post. */
  undoRepostButton: '[data-testid="unretweet"]',
  unlikeButton: '[data-testid="unlike"]',
  /** Bookmark button: its count is not a reach signal, but it holds a place in the action bar's summary. */
  bookmarkButton: '[data-testid="bookmark"], [data-testid="removeBookmark"]',
  /** "2596467 views. View post analytics" (timeline layout only). */
  viewsLink: 'a[href*="/analytics"][aria-label]',
  /**
   * Links that may be the @handles of a "Replying to @handle" line: the line is their nearest
   * textLine ancestor, confirmed by REPLYING_TO_LABELS. (Found from the links rather than with
   * div:has(a), which costs several times more per post.)
   */
  replyTarget: 'div[dir="ltr"] a[href^="/"]',
  /** A line of UI text; the "Replying to" line is the one whose text starts with a label. */
  textLine: 'div[dir="ltr"]',
  /**
   * The line above a post saying why it is in this timeline: "Jane reposted", "Pinned",
   * "Jane liked". Confirmed as a repost by REPOSTED_LABELS; its profile link names the reposter.
   */
  socialContext: '[data-testid="socialContext"]',
  /** A link; the one around or inside the socialContext line is the reposter's profile. */
  link: 'a[href]',
  /**
   * Follow / Following buttons: X names them "<numeric user id>-follow" / "-unfollow" and labels
   * them with the account's @handle ("Follow @rileypark"), in the focused post's header, on
   * profile headers, in user cells and hover cards. The one place an X page shows a user id.
   */
  followButton: '[data-testid$="-follow"], [data-testid$="-unfollow"]',
  /**
   * A section heading cell in a timeline ("Discover more" under a conversation): posts after it
   * are recommendations, not replies.
   */
  sectionHeading: '[data-testid="cellInnerDiv"] [role="heading"]',
} as const;

export type XSelectorName = keyof typeof X_SELECTORS;

/** A post container for the read-share health check: any article, even one X stopped naming "tweet". */
export const X_POST_CONTAINER = 'article';

/** The UI languages whose labels are listed here (X's own language codes). */
export const X_UI_LANGUAGES = ['en', 'es', 'fr', 'de', 'ja', 'zh-TW'] as const;
export type XUiLanguage = (typeof X_UI_LANGUAGES)[number];

/** UI-language text that starts the reply context line ("Replying to @AcmeAir"). */
export const REPLYING_TO_LABELS: Record<XUiLanguage, readonly string[]> = {
  en: ['Replying to'],
  es: ['En respuesta a'],
  fr: ['En réponse à'],
  de: ['Antwort an'],
  ja: ['返信先:', '返信先：'],
  'zh-TW': ['回覆給', '回覆'],
};

/**
 * The socialContext line of a repost, per UI language; `{name}` is the reposter's display name.
 * Other social contexts ("Pinned", "Jane liked") are not reposts and are ignored.
 */
export const REPOSTED_LABELS: Record<XUiLanguage, readonly string[]> = {
  en: ['{name} reposted', '{name} Reposted', '{name} retweeted', '{name} Retweeted'],
  es: ['{name} reposteó', '{name} lo reposteó', '{name} retuiteó'],
  fr: ['{name} a reposté', '{name} a retweeté'],
  de: ['{name} hat repostet', '{name} hat retweetet'],
  ja: ['{name}さんがリポストしました', '{name} さんがリポストしました', '{name}さんがリツイート', '{name}がリポストしました'],
  'zh-TW': ['{name} 已轉發', '{name} 轉發了', '{name}已轉發', '{name} 已轉推'],
};

export type ReachMetric = 'replies' | 'reposts' | 'likes' | 'views';

/**
 * Words that follow each number in the action bar's aria-label ("48 replies, 152 reposts, ...")
 * and in each button's label ("48 Replies. Reply", "10 個喜歡。喜歡"), per UI language, written
 * in lower case with plain quotes (labels are normalised the same way before matching).
 * Bookmarks are deliberately absent: they are not reach.
 */
export const REACH_WORDS: Record<XUiLanguage, Record<ReachMetric, readonly string[]>> = {
  en: {
    replies: ['reply', 'replies'],
    reposts: ['repost', 'reposts', 'retweet', 'retweets'],
    likes: ['like', 'likes'],
    views: ['view', 'views'],
  },
  es: {
    replies: ['respuesta', 'respuestas'],
    reposts: ['repost', 'reposts', 'retweet', 'retweets'],
    likes: ['me gusta'],
    views: ['reproducción', 'reproducciones', 'visualización', 'visualizaciones'],
  },
  fr: {
    replies: ['réponse', 'réponses'],
    reposts: ['repost', 'reposts', 'retweet', 'retweets'],
    likes: ["j'aime"],
    views: ['vue', 'vues'],
  },
  de: {
    replies: ['antwort', 'antworten'],
    reposts: ['repost', 'reposts', 'retweet', 'retweets'],
    // "1.234 Gefällt mir" and "1.234 „Gefällt mir“-Angaben" (quotes are dropped before matching).
    likes: ['gefällt mir', 'mag ich'],
    views: ['aufruf', 'aufrufe', 'ansicht', 'ansichten'],
  },
  ja: {
    replies: ['件の返信'],
    reposts: ['件のリポスト', '件のリツイート'],
    likes: ['件のいいね'],
    views: ['件の表示'],
  },
  'zh-TW': {
    replies: ['則回覆'],
    reposts: ['次轉發', '則轉發', '次轉推', '則轉推', '次轉貼'],
    likes: ['個喜歡', '個讚', '次喜歡'],
    views: ['次觀看', '次瀏覽', '次查看'],
  },
};

/**
 * Suffixes X uses for abbreviated counts ("1.2K", "1,2 k", "1,2 mil", "1,2 Mio.", "1.2万",
 * "3.4萬"), per UI language, in lower case, with their multipliers.
 */
export const COMPACT_SUFFIXES: Record<XUiLanguage, Record<string, number>> = {
  en: { k: 1e3, m: 1e6, b: 1e9 },
  es: { mil: 1e3, m: 1e6 },
  fr: { k: 1e3, m: 1e6, md: 1e9 },
  de: { tsd: 1e3, mio: 1e6, mrd: 1e9 },
  ja: { 万: 1e4, 億: 1e8 },
  'zh-TW': { 萬: 1e4, 万: 1e4, 億: 1e8 },
};

/**
 * X's reply box: a contenteditable DraftJS editor, in the reply dialog the reply button opens
 * on timelines and search, or inline under the focused post on a status page.
 */
export const X_COMPOSER_SELECTORS = {
  editor: '[data-testid="tweetTextarea_0"]',
  dialog: '[role="dialog"]',
} as const;
