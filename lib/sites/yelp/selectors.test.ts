import { describe, expect, it } from 'vitest';
import { YELP_FIXTURES, loadYelpFixture, readYelpFixture, type YelpFixture } from '../../../tests/fixtures/yelp/load';
import { YELP_SELECTORS, type YelpSelectorName } from './selectors';

/** How many elements each selector must find on each fixture, read off the files (see tests/fixtures/yelp/SOURCES.md). */
const EXPECTED: Record<YelpSelectorName, Record<YelpFixture, number>> = {
  bizIdMeta: { bizReviews: 1, renamedClasses: 1, ownerReviews: 0, noReviews: 1 },
  canonicalLink: { bizReviews: 1, renamedClasses: 1, ownerReviews: 0, noReviews: 1 },
  // Restaurant + BreadcrumbList.
  jsonLd: { bizReviews: 2, renamedClasses: 2, ownerReviews: 0, noReviews: 2 },
  reviewCard: { bizReviews: 5, renamedClasses: 5, ownerReviews: 3, noReviews: 0 },
  // Reviews + the header summary + two "People also viewed" businesses (www); reviews + summary (biz).
  starRating: { bizReviews: 8, renamedClasses: 8, ownerReviews: 4, noReviews: 2 },
  // Avatar and name link per review.
  userLink: { bizReviews: 10, renamedClasses: 10, ownerReviews: 0, noReviews: 0 },
  reviewerRegion: { bizReviews: 5, renamedClasses: 5, ownerReviews: 3, noReviews: 0 },
  // Review bodies + one owner comment.
  bodyText: { bizReviews: 6, renamedClasses: 6, ownerReviews: 4, noReviews: 0 },
  // Photo links of reviews 1 and 5.
  reviewIdLink: { bizReviews: 2, renamedClasses: 2, ownerReviews: 0, noReviews: 0 },
  // Legacy markup only; exercised in identity.test.ts.
  reviewIdAttribute: { bizReviews: 0, renamedClasses: 0, ownerReviews: 0, noReviews: 0 },
  publicBizLink: { bizReviews: 0, renamedClasses: 0, ownerReviews: 1, noReviews: 0 },
  // www: "More options" + 4 reactions per review; biz: Thank/Comment/Direct message, Edit comment, Read more.
  button: { bizReviews: 25, renamedClasses: 25, ownerReviews: 9, noReviews: 0 },
};

const fixtures = Object.keys(YELP_FIXTURES) as YelpFixture[];

describe('Yelp selectors against saved pages', () => {
  const documents = Object.fromEntries(fixtures.map((fixture) => [fixture, loadYelpFixture(fixture)])) as Record<
    YelpFixture,
    Document
  >;

  for (const [name, selector] of Object.entries(YELP_SELECTORS) as [YelpSelectorName, string][]) {
    for (const fixture of fixtures) {
      it(`${name} finds ${EXPECTED[name][fixture]} on ${fixture}`, () => {
        expect(documents[fixture].querySelectorAll(selector)).toHaveLength(EXPECTED[name][fixture]);
      });
    }
  }

  it('has a row for every selector', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(YELP_SELECTORS).sort());
  });

  it('uses no class names (Yelp class names are build hashes)', () => {
    for (const selector of Object.values(YELP_SELECTORS)) {
      expect(selector.replace(/"[^"]*"/g, '""')).not.toMatch(/\.[A-Za-z_-]|\[class/);
    }
  });

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
