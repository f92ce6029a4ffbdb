/**
 * Every selector and UI label the Facebook adapter relies on, in one place. Each selector is paired
 * with the count it must find on each fixture in selectors.test.ts, so a change on facebook.com
 * shows up as one failing row. Facebook's class names are atomic and hashed ("x1yztbdb") and change
 * with every deploy: we use roles, ARIA, dir/style attributes and the data-ad-* rendering hooks only.
 */
export const FB_SELECTORS = {
  /** A feed unit (home, Page, group and search feeds): the virtualised list sets aria-posinset. */
  feedUnit: '[aria-posinset]',
  /**
   * A post outside a feed (permalink page, post dialog): an article named by its header.
   * Comments are articles too but carry an aria-label ("Comment by ...") instead.
   */
  standalonePost: '[role="article"][aria-labelledby]:not([aria-label])',
  /**
   * The author-name rendering hook. Some group feed units carry neither role="article" nor
   * aria-posinset: a unit is then the largest block around one of these holding no other.
   */
  profileNameMarker: '[data-ad-rendering-role="profile_name"]',
  /** Comment and reply articles: aria-label "Comment by NAME ..." / "Reply by NAME to ...". */
  commentArticle: '[role="article"][aria-label]',
  /** The feed list; a marker-only unit never reaches past it. */
  feed: '[role="feed"]',
  /** A post opened over the feed. */
  dialog: '[role="dialog"]',
  /** The post body (the hooks nest; the adapter takes the outermost). data-ad-* are rendering markers, not class names. */
  storyMessage: '[data-ad-rendering-role="story_message"], [data-ad-comet-preview="message"], [data-ad-preview="message"]',
  /** Paragraphs of a post or comment body (Comet renders each as div[dir=auto] with text-align). */
  textBlock: 'div[dir="auto"][style*="text-align"]',
  /** Author: the link inside the post header heading, or the profile_name rendering hook. */
  authorLink: '[data-ad-rendering-role="profile_name"] a[href], h2 a[href], h3 a[href], h4 a[href]',
  /** The post header's heading, where the control goes when a post has no body. */
  headerHeading: 'h2, h3, h4',
  /** A link; a comment's author is its first own link with a name that is a profile. */
  link: 'a[href]',
  /** Links that may be the post's permalink (timestamp), a photo of it, or a comment on it. */
  postLinkCandidate: 'a[href*="/posts/"], a[href*="permalink.php"], a[href*="story.php"], a[href*="/permalink/"], a[href*="set=pcb."]',
  /** A comment's or reply's own timestamp link (also used to derive the post it belongs to). */
  commentLink: 'a[href*="comment_id="]',
  /** A comment's "2h · Like · Reply" row (a list around its timestamp link). */
  commentActionRow: 'ul',
  /** An item of a comment list: a reply box inside one answers a comment, outside them it comments on the post. */
  commentListItem: 'li',
  /** Text holders; a leaf one may be a summary count ("48 comments", "3 shares"). */
  textLeaf: 'span, div',
  /** The "All reactions:" label, followed by the post's reaction total. */
  reactionsLabel: 'span',
  /** Relay data blocks that may embed posts as JSON (lib/sites/facebook/embedded-json.ts). */
  relayJsonScript: 'script[type="application/json"][data-sjs]',
  /** Any script: inline bootstrap scripts embed posts as JSON object literals too. */
  script: 'script',
  /** An element named by another element's text (Facebook names its scrambled "Sponsored" link this way). */
  labelledElement: '[aria-labelledby]',
  /** A link named by its aria-label ("Sponsored" on some layouts). */
  labelledLink: 'a[aria-label]',
  /** Facebook's "Why am I seeing this ad?" / ad library links: only ads carry them. */
  adInfoLink: 'a[href*="/ads/about"], a[href*="/ads/library"]',
  /** Machine-readable times where Facebook still renders them. */
  timeElement: 'abbr[data-utime], time[datetime]',
  /** "See more" / "See less" / "See translation" inside a body: controls, not text. */
  inlineButton: '[role="button"]',
  /** The post's comment button; Facebook focuses its composer. */
  commentButton: '[role="button"][aria-label="Leave a comment"], [role="button"][aria-label="Comment"]',
  /** A comment composer already on screen. */
  composer: '[role="textbox"][contenteditable="true"]',
  /** A comment's reaction count: aria-label "3 reactions; see who reacted to this". */
  commentReactions: '[role="button"][aria-label*="reaction"]',
} as const;

/** A post or comment container for the read-share health check (feed posts, permalinks and comments are all articles). */
export const FB_POST_CONTAINER = '[role="article"]';

export type FacebookSelectorName = keyof typeof FB_SELECTORS;

/** Label text that precedes a post's total reaction count ("All reactions:" then "1.2K"). */
export const ALL_REACTIONS_LABELS: readonly string[] = ['All reactions:'];

/** "48 comments", "1 comment", "1.2K shares" on a post's summary bar (English UI). */
export const COMMENT_COUNT = /^([\d.,]+\s?[KkMm]?)\s+comments?$/;
export const SHARE_COUNT = /^([\d.,]+\s?[KkMm]?)\s+shares?$/;
/** "3 reactions; see who reacted to this" on a comment. */
export const COMMENT_REACTION_COUNT = /^([\d.,]+\s?[KkMm]?)\s+reactions?\b/;
/** "Jane Doe and 14 others" in place of a bare reaction count when friends reacted. */
export const AND_OTHERS = /\band\s+([\d.,]+\s?[KkMm]?)\s+others?$/;

/**
 * The label Facebook puts on paid posts in the header, in the UI languages CareSide's users are
 * most likely to run (the label is matched whole, after trimming).
 */
export const SPONSORED_LABELS: readonly string[] = [
  'Sponsored',
  'Sponsorisé',
  'Gesponsert',
  'Patrocinado',
  'Sponsorizzato',
  'Gesponsord',
  'Sponsorowane',
  'Sponsrad',
  'Sponset',
  'Sponsoreret',
  'Sponsoroitu',
  'Sponzorováno',
  'Sponsorlu',
  'Bersponsor',
  'Được tài trợ',
  'Реклама',
  'Χορηγούμενη',
  'ממומן',
  'مُموَّل',
  'ممول',
  'प्रायोजित',
  '赞助内容',
  '贊助',
  '広告',
  '광고',
];

/** The reply control under a comment. */
export const REPLY_BUTTON_LABELS: readonly string[] = ['Reply'];
