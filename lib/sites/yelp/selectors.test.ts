import { describe, expect, it } from 'vitest';
import { YELP_FIXTURES, loadYelpFixture, readYelpFixture, type YelpFixture } from '../../../tests/fixtures/yelp/load';
import { describeSelectorTable, type SelectorCounts } from '../selector-table';
import { YELP_SELECTORS, type YelpSelectorName } from './selectors';

/**
 * How many elements each selector must find on each fixture, read off the files (see
 * tests/fixtures/yelp/SOURCES.md). Generic selectors (leafText, paragraph, bodyNoise, ownerAvatar)
 * were counted with the test parser.
 */
const EXPECTED: SelectorCounts<YelpSelectorName, YelpFixture> = {
  bizIdMeta: { bizReviews: 1, renamedClasses: 1, ownerReviews: 0, noReviews: 1, ownerReplies: 1 },
  canonicalLink: { bizReviews: 1, renamedClasses: 1, ownerReviews: 0, noReviews: 1, ownerReplies: 1 },
  // Restaurant + BreadcrumbList.
  jsonLd: { bizReviews: 2, renamedClasses: 2, ownerReviews: 0, noReviews: 2, ownerReplies: 1 },
  // The Apollo state holding "Review:<id>" entries: only the owner-replies page carries it.
  embeddedJson: { bizReviews: 0, renamedClasses: 0, ownerReviews: 0, noReviews: 0, ownerReplies: 1 },
  reviewCard: { bizReviews: 5, renamedClasses: 5, ownerReviews: 3, noReviews: 0, ownerReplies: 3 },
  // Reviews + the header summary + two "People also viewed" businesses (www); reviews + summary (biz).
  starRating: { bizReviews: 8, renamedClasses: 8, ownerReviews: 4, noReviews: 2, ownerReplies: 5 },
  // Avatar and name link per review.
  userLink: { bizReviews: 10, renamedClasses: 10, ownerReviews: 0, noReviews: 0, ownerReplies: 6 },
  reviewerRegion: { bizReviews: 5, renamedClasses: 5, ownerReviews: 3, noReviews: 0, ownerReplies: 3 },
  // Review bodies + one owner comment; ownerReplies: 3 reviews + 1 previous review (owner replies there carry no lang).
  bodyText: { bizReviews: 6, renamedClasses: 6, ownerReviews: 4, noReviews: 0, ownerReplies: 4 },
  // The same bodies: nothing else on these pages but <html> carries a lang.
  languageBlock: { bizReviews: 6, renamedClasses: 6, ownerReviews: 4, noReviews: 0, ownerReplies: 4 },
  // The owner replies' passports (ownerReplies: real www structure, replies without lang).
  ownerPassport: { bizReviews: 0, renamedClasses: 0, ownerReviews: 0, noReviews: 0, ownerReplies: 2 },
  leafText: { bizReviews: 320, renamedClasses: 320, ownerReviews: 139, noReviews: 29, ownerReplies: 182 },
  paragraph: { bizReviews: 9, renamedClasses: 9, ownerReviews: 8, noReviews: 1, ownerReplies: 15 },
  bodyNoise: { bizReviews: 27, renamedClasses: 27, ownerReviews: 10, noReviews: 2, ownerReplies: 17 },
  ownerAvatar: { bizReviews: 8, renamedClasses: 8, ownerReviews: 1, noReviews: 0, ownerReplies: 5 },
  businessHeading: { bizReviews: 1, renamedClasses: 1, ownerReviews: 1, noReviews: 1, ownerReplies: 1 },
  // Photo links of reviews 1 and 5.
  reviewIdLink: { bizReviews: 2, renamedClasses: 2, ownerReviews: 0, noReviews: 0, ownerReplies: 0 },
  // Legacy markup only; exercised in identity.test.ts.
  reviewIdAttribute: { bizReviews: 0, renamedClasses: 0, ownerReviews: 0, noReviews: 0, ownerReplies: 0 },
  publicBizLink: { bizReviews: 0, renamedClasses: 0, ownerReviews: 1, noReviews: 0, ownerReplies: 0 },
  // www: "More options" + 4 reactions per review; biz: Thank/Comment/Direct message, Edit comment, Read more.
  button: { bizReviews: 25, renamedClasses: 25, ownerReviews: 9, noReviews: 0, ownerReplies: 15 },
};

const fixtures = Object.keys(YELP_FIXTURES) as YelpFixture[];

describeSelectorTable('Yelp selectors against saved pages', {
  selectors: YELP_SELECTORS,
  fixtures,
  load: loadYelpFixture,
  expected: EXPECTED,
});

describe('Yelp fixtures', () => {
  it('the renamed copy shares no class name with the original and differs in nothing else', () => {
    const classes = (html: string) => new Set([...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => (m[1] ?? '').split(/\s+/)));
    const original = readYelpFixture('bizReviews');
    const renamed = readYelpFixture('renamedClasses');
    const shared = [...classes(original)].filter((name) => classes(renamed).has(name));
    expect(classes(original).size).toBeGreaterThan(50);
    expect(shared).toEqual([]);
    const stripClasses = (html: string) => html.replace(/class="[^"]*"/g, 'class=""').replace(/<!--[\s\S]*?-->/, '');
    expect(stripClasses(renamed)).toBe(stripClasses(original));
  });
});
