import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../settings/schema';
import { xAdapter } from '../sites/x/adapter';
import { X_SELECTORS } from '../sites/x/selectors';
import { loadXFixture, X_FIXTURE_URLS } from '../../tests/fixtures/x/load';
import { collectDiagnostics, countSelectors, diagnosticsText, redactedUrl } from './diagnostics';
import { initialSnapshot, type ContentSnapshot } from './view-model';

const settled = (patch: Partial<ContentSnapshot>): ContentSnapshot => ({
  ...initialSnapshot('X / Twitter'),
  settings: { status: 'ok', settings: SettingsSchema.parse({ version: 1, brands: [] }) },
  searching: false,
  ...patch,
});

describe('redactedUrl', () => {
  it('keeps the page address and the query names, never the values or the fragment', () => {
    expect(redactedUrl('https://x.com/search?q=acme%20refund&src=typed_query&f=live#top')).toBe('https://x.com/search?q=…&src=…&f=…');
    expect(redactedUrl('https://www.yelp.com/biz/acme-bistro?token=s3cret&token=again')).toBe(
      'https://www.yelp.com/biz/acme-bistro?token=…',
    );
    expect(redactedUrl('https://x.com/rileypark/status/1996000000000000003')).toBe('https://x.com/rileypark/status/1996000000000000003');
    expect(redactedUrl('not a url')).toBe('(unreadable address)');
  });
});

describe('collectDiagnostics', () => {
  it("on X's redesigned search page: 0 posts found, the tweet selector finds nothing, and no page text is copied", () => {
    const doc = loadXFixture('broken');
    const diagnostics = collectDiagnostics({
      adapter: xAdapter,
      doc,
      snapshot: settled({ expectsPosts: true }),
      href: `${X_FIXTURE_URLS.broken}&secret=abc`,
      userAgent: 'Mozilla/5.0 test',
      extensionVersion: '1.2.3',
      now: Date.UTC(2026, 0, 2, 3, 4, 5),
    });
    expect(diagnostics).toMatchObject({
      generatedAt: '2026-01-02T03:04:05.000Z',
      extensionVersion: '1.2.3',
      site: { platform: 'x', adapter: 'X / Twitter' },
      url: 'https://x.com/search?q=…&src=…&f=…&secret=…',
      expectsPosts: true,
      userAgent: 'Mozilla/5.0 test',
      posts: { found: 0, read: 0, withText: 0, withAuthor: 0, mentions: 0 },
    });
    expect(diagnostics.warning).toContain('Read 0 posts on a page that should show posts');
    expect(diagnostics.selectors.tweet).toBe(0);
    expect(diagnostics.selectors.cell).toBeGreaterThan(0);
    expect(Object.keys(diagnostics.selectors)).toEqual(Object.keys(X_SELECTORS));
    const text = diagnosticsText(diagnostics);
    expect(text.startsWith('CareSide diagnostics')).toBe(true);
    expect(JSON.parse(text.slice(text.indexOf('\n') + 1))).toEqual(diagnostics);
    // The posts' words stay out of it: only counts and the adapter's own selectors.
    const postText = doc.querySelector(X_SELECTORS.tweetText)?.textContent?.trim() ?? '';
    expect(postText).toContain('Acme');
    expect(text).not.toContain(postText.slice(0, 20));
    expect(text).not.toContain('abc');
  });

  it('counts every selector on the real timeline, and marks one the browser rejects', () => {
    const counts = countSelectors(loadXFixture('timeline'), { tweet: X_SELECTORS.tweet, broken: 'article[' });
    expect(counts).toEqual({ tweet: 9, broken: 'invalid' });
  });
});
