// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PAGES, loadDemoSettings } from '../../demo/pages';
import { createBrandMatcher } from '../../lib/match/brand-matcher';
import { facebookAdapter } from '../../lib/sites/facebook/adapter';
import { platformForUrl } from '../../lib/sites/origins';
import type { SiteAdapter } from '../../lib/sites/types';
import { xAdapter } from '../../lib/sites/x/adapter';
import { yelpAdapter } from '../../lib/sites/yelp/adapter';

const ADAPTERS: Record<string, SiteAdapter> = { x: xAdapter, facebook: facebookAdapter, yelp: yelpAdapter };

/** What each site's demo page must yield: posts read, brand mentions (by the demo brand Acme Air). */
const EXPECTED: Record<string, { posts: number; mentions: number }> = {
  facebook: { posts: 4, mentions: 3 },
  yelp: { posts: 6, mentions: 4 },
};

// No browser: the Facebook and Yelp demo pages read through the real adapters, as the content scripts will.
describe('Facebook and Yelp demo pages', () => {
  const matcher = createBrandMatcher(loadDemoSettings().brands);

  for (const page of DEMO_PAGES.filter((entry) => entry.platform !== 'x')) {
    it(`${page.label}: the adapter reads its posts and the complaint to log mentions the brand`, () => {
      const adapter = ADAPTERS[page.platform] as SiteAdapter;
      const doc = new DOMParser().parseFromString(readFileSync(page.file, 'utf8'), 'text/html');
      const win = { location: new URL(page.url), document: doc } as unknown as Window;
      expect(platformForUrl(page.url)).toBe(page.platform);
      expect(adapter.expectsPosts(new URL(page.url))).toBe(true);

      const posts = adapter.findPosts(doc).flatMap((element) => adapter.readPost(element, win) ?? []);
      const mentioning = posts.filter((post) => matcher.match(post.text, post.authorHandle).brandIds.length > 0);
      expect({ posts: posts.length, mentions: mentioning.length }).toEqual(EXPECTED[page.platform]);
      expect(mentioning.map((post) => `${post.platform}:${post.postId}`)).toContain(page.firstComplaintPostKey);
    });
  }

  it('has a demo page for every site', () => {
    expect(new Set(DEMO_PAGES.map((page) => page.platform))).toEqual(new Set(['x', 'facebook', 'yelp']));
  });
});
