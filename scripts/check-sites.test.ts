import { describe, expect, it } from 'vitest';
import { readFacebookFixture } from '../tests/fixtures/facebook/load';
import { readXFixture, X_FIXTURE_URLS } from '../tests/fixtures/x/load';
import { readYelpFixture } from '../tests/fixtures/yelp/load';
import { checkPage, formatReport, parseArgs } from './check-sites';

describe('check:sites', () => {
  it('reads a saved real Facebook permalink, taking its address from the canonical link', () => {
    const report = checkPage(readFacebookFixture('realPermalink'));
    expect(report).toMatchObject({
      urlSource: 'canonical link',
      platform: 'facebook',
      expectsPosts: true,
      elementsFound: 11,
      unreadable: 0,
      readQuality: { withText: 11, withAuthor: 11 },
      readShare: { containers: 11, read: 11 },
      warning: null,
    });
    expect(report.posts.map(({ post }) => post.kind)).toEqual(['post', ...Array<string>(10).fill('comment')]);
    expect(report.selectors.find((row) => row.name === 'commentArticle')?.count).toBe(10);
  });

  it('marks mentions, the brand’s own replies and what they answered with --settings', () => {
    const report = checkPage(readYelpFixture('ownerReplies'), {
      url: 'https://www.yelp.com/biz/acme-bistro-san-francisco',
      settings: { version: 1, brands: [{ id: 'bistro', name: 'Acme Bistro', handles: { yelp: ['acme-bistro-san-francisco'] } }] },
    });
    expect(report.posts.map(({ post, brands, byBrand }) => [post.kind, brands, byBrand])).toEqual([
      ['review', ['bistro'], false],
      ['reply', [], true],
      // Names no business, but this is the brand's own Yelp page: every review on it is about the brand.
      ['review', ['bistro'], false],
      ['review', ['bistro'], false],
      ['reply', [], true],
    ]);
    const text = formatReport(report, 'biz.html');
    expect(text).toContain('Read:     5 posts of 5 post elements found (0 unreadable): 3 review, 2 reply');
    expect(text).toContain('Health:   OK');
    expect(text).toMatch(/ownerPassport\s+2 {2}\[data-testid="business-owner-passport"\]/);
  });

  it('warns, and names the selectors that find nothing, on a page whose markup changed', () => {
    const report = checkPage(readXFixture('broken'), { url: X_FIXTURE_URLS.broken });
    expect(report.posts).toEqual([]);
    expect(report.warning).toContain('Read 0 posts on a page that should show posts');
    const text = formatReport(report, 'search.html');
    expect(text).toContain('Health:   WARNING');
    expect(text).toMatch(/tweet\s+0 {2}article\[data-testid="tweet"\] {3}<- finds nothing/);
  });

  it('warns when posts are found but none has text (a renamed text element)', () => {
    const html = readXFixture('timeline').replaceAll('data-testid="tweetText"', 'data-testid="postText"');
    const report = checkPage(html, { url: X_FIXTURE_URLS.timeline });
    expect(report.posts.length).toBeGreaterThan(3);
    expect(report.readQuality.withText).toBe(0);
    expect(report.warning).toContain('could read no text in any of them');
  });

  it('guesses the site from what the adapters read when the page does not say where it came from', () => {
    const report = checkPage(readYelpFixture('ownerReviews'));
    expect(report).toMatchObject({ urlSource: 'none', platform: 'yelp', expectsPosts: false });
    expect(report.posts).toHaveLength(4);
  });

  it('parses its arguments', () => {
    expect(parseArgs(['page.html', '--url', 'https://x.com/home', '--site', 'x', '--json'])).toEqual({
      file: 'page.html',
      options: { url: 'https://x.com/home', site: 'x' },
      json: true,
    });
    expect(parseArgs([])).toContain('Usage: npm run check:sites');
    expect(parseArgs(['page.html', '--site', 'myspace'])).toContain('--site must be one of');
    expect(parseArgs(['page.html', '--url', 'not a url'])).toContain('--url');
  });
});
