/**
 * Every selector and UI label the Yelp adapter relies on, in one place. Each selector is paired
 * with the count it must find on each fixture in selectors.test.ts. Yelp's class names are
 * build hashes ("y-css-1sqelp2", "list__09f24__ynIEd") that change every few months, so nothing
 * here uses a class: we anchor on links, roles, ARIA labels, lang attributes and page metadata.
 */
export const YELP_SELECTORS = {
  /** The business's Yelp id (www.yelp.com/biz pages). */
  bizIdMeta: 'meta[name="yelp-biz-id"]',
  /** https://www.yelp.com/biz/<alias> */
  canonicalLink: 'link[rel="canonical"]',
  /** schema.org data; one of them is the LocalBusiness (or a subtype such as Restaurant). */
  jsonLd: 'script[type="application/ld+json"]',
  /** Server-rendered page data (the Apollo state): holds each review as "Review:<id>" (review-ids.ts). */
  embeddedJson: 'script[type="application/json"]',
  /**
   * One review: a list item holding a star rating and a reviewer, either as a /user_details link
   * (www.yelp.com) or as the reviewer passport region (role="region" aria-label="NAME", used on
   * both sites). Business lists ("People also viewed") have ratings but neither.
   */
  reviewCard:
    'li:has([role="img"][aria-label$="star rating"]):has(a[href*="/user_details?userid="]), li:has([role="img"][aria-label$="star rating"]):has([role="region"][aria-label])',
  /** "4 star rating" (reviews) and "3.4 star rating" (business summaries). */
  starRating: '[role="img"][aria-label$="star rating"]',
  /** Reviewer profile link; its userid is the reviewer's stable id. */
  userLink: 'a[href*="/user_details?userid="]',
  /** Reviewer passport: aria-label is the reviewer's display name. */
  reviewerRegion: '[role="region"][aria-label]',
  /** Review and owner-comment bodies: the only elements in a card that carry a lang attribute. */
  bodyText: 'li [lang]',
  /** Text in a language, anywhere but the page's own <html lang>: dates and owner markers are never read inside one. */
  languageBlock: '[lang]:not(html)',
  /**
   * The owner's passport heading an owner's public reply on www.yelp.com ("Business owner
   * information", avatar, name, role); the reply's date and text (plain <p><span>, no lang) follow it.
   */
  ownerPassport: '[data-testid="business-owner-passport"]',
  /** Elements whose own text may be a date or an owner marker. */
  leafText: 'p, span, div, h3, h4',
  /** A body's paragraph (the control goes after it) or the owner's name line. */
  paragraph: 'p',
  /** Controls, scripts and styles inside a body: not text the reader sees. */
  bodyNoise: 'button, [role="button"], script, style',
  /** The owner's avatar: its alt is the owner's name when no name line is printed. */
  ownerAvatar: 'img[alt]',
  /** The business name heading, when the page has no JSON-LD name. */
  businessHeading: 'h1',
  /** Links that carry a review id: review photos (/biz_photos/...?reviewid=) and review permalinks (?hrid=). */
  reviewIdLink: 'a[href*="reviewid="], a[href*="hrid="]',
  /** Legacy review markup (pre-2020 layout) carried the id as an attribute. */
  reviewIdAttribute: '[data-review-id]',
  /** www.yelp.com/biz/<alias> links (biz.yelp.com links back to the public page). */
  publicBizLink: 'a[href*="www.yelp.com/biz/"]',
  /** Buttons inside a card ("Read more", "Comment", reactions). */
  button: 'li button, li [role="button"]',
} as const;

/**
 * A review container for the read-share health check: a list item with a star rating. Business
 * lists ("People also viewed") match too, so a Yelp page rarely makes a healthy start and the
 * check stays quiet there rather than raise a false alarm.
 */
export const YELP_POST_CONTAINER = 'li:has([role="img"][aria-label$="star rating"])';

export type YelpSelectorName = keyof typeof YELP_SELECTORS;

/** A review's own rating label, "1 star rating" .. "5 star rating". */
export const REVIEW_RATING = /^([0-5](?:\.\d)?) star rating$/;

/**
 * Text that marks a business owner's public comment under a review (English UI):
 * www.yelp.com shows "Comment from NAME of BUSINESS" and the role "Business Owner";
 * biz.yelp.com and the owner passport label the response block "Business owner information", and
 * the passport gives the replier's role ("Business Owner", "Business Employee").
 */
export const OWNER_COMMENT_FROM = /^Comment from (.+) of (.+)$/;
export const OWNER_MARKERS: readonly string[] = ['Business Owner', 'Business Employee', 'Business Manager', 'Business owner information'];

/** An avatar's alt names its person: "Photo of Maria G.". */
export const AVATAR_ALT_PREFIX = /^Photo of /;

/** Dates as the cards print them: "Nov 2, 2025" (www) and "11/2/2025" (biz.yelp.com). */
export const MONTH_DAY_YEAR = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{1,2}), (\d{4})$/;
export const NUMERIC_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;

/** The button that opens the public-comment box on biz.yelp.com. */
export const COMMENT_BUTTON_LABELS: readonly string[] = ['Comment', 'Public comment', 'Respond publicly'];

/**
 * The public-comment box biz.yelp.com opens under a review ("Comment" / "Respond publicly"): a
 * plain textarea, in the review card or in a dialog over the page. Counted in composer.test.ts.
 */
export const YELP_COMPOSER_SELECTORS = {
  textarea: 'textarea',
  dialog: '[role="dialog"]',
} as const;
