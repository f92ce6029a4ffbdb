import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../i18n/testing';
import { notLoggedMessage, platformForUrl, postLinkProblem, SITE_MATCHES } from './origins';

describe('platformForUrl', () => {
  it.each([
    ['https://x.com/home', 'x'],
    ['https://twitter.com/acme/status/1', 'x'],
    ['https://mobile.twitter.com/acme', 'x'],
    ['https://www.facebook.com/acme/posts/1', 'facebook'],
    ['https://web.facebook.com/acme', 'facebook'],
    ['https://m.facebook.com/story.php?id=1', 'facebook'],
    ['https://www.yelp.com/biz/acme-sf', 'yelp'],
    ['https://biz.yelp.com/inbox', 'yelp'],
    ['https://X.COM/home', 'x'],
  ] as const)('%s -> %s', (url, platform) => {
    expect(platformForUrl(url)).toBe(platform);
    expect(platformForUrl(new URL(url))).toBe(platform);
  });

  it.each([
    'http://x.com/home',
    'https://x.com.evil.test/home',
    'https://evil-x.com/',
    'https://notx.com/',
    'https://x.com:8443/home',
    'https://x.com@evil.test/',
    'https://user:pw@x.com/',
    'https://facebook.com.evil.test/',
    'https://facebook.com/',
    'https://yelp.com/',
    'https://api.x.com/',
    'https://x.com./home',
    'wss://x.com/',
    'chrome-extension://abc/popup.html',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('rejects %s', (url) => {
    expect(platformForUrl(url)).toBeNull();
  });

  it('covers every match pattern, each mapping back to its own platform', () => {
    for (const [platform, patterns] of Object.entries(SITE_MATCHES)) {
      for (const pattern of patterns) {
        expect(platformForUrl(pattern.replace('*', 'some/page'))).toBe(platform);
      }
    }
  });
});

describe('why a post is not logged', () => {
  const foreign = { platform: 'yelp' as const, url: 'https://evil.example/biz/acme' };

  it('accepts a link on the post’s own site and names the allowed hosts otherwise', () => {
    expect(postLinkProblem({ platform: 'x', url: 'https://x.com/dana/status/7' })).toBeNull();
    expect(notLoggedMessage(postLinkProblem(foreign)!)).toMatch(
      /^Not logged: the post's link must be an https page on Yelp \(.*yelp\.com.*\), not "https:\/\/evil\.example\/biz\/acme"\.$/,
    );
  });

  describe('in Spanish', () => {
    beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

    it('says it in Spanish', () => {
      const message = notLoggedMessage(postLinkProblem(foreign)!);
      expect(message).toMatch(/^No registrado: el enlace de la publicación debe ser una página https de Yelp/);
      expect(englishLeaks(message)).toEqual([]);
    });
  });
});
