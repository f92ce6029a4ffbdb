import { describe, expect, it } from 'vitest';
import { runsOn } from '../site';
import { FACEBOOK_SITE } from './site';

describe('Facebook site', () => {
  it('runs on facebook.com hosts only', () => {
    expect(runsOn(FACEBOOK_SITE, new URL('https://www.facebook.com/'))).toBe(true);
    expect(runsOn(FACEBOOK_SITE, new URL('https://web.facebook.com/groups/feed/'))).toBe(true);
    expect(runsOn(FACEBOOK_SITE, new URL('https://m.facebook.com/'))).toBe(true);
    expect(runsOn(FACEBOOK_SITE, new URL('https://www.facebook.com.evil.test/'))).toBe(false);
    expect(runsOn(FACEBOOK_SITE, new URL('http://www.facebook.com/'))).toBe(false);
  });

  it.each([
    ['https://www.facebook.com/AcmeAir', 'AcmeAir'],
    ['https://web.facebook.com/AcmeAir/posts/pfbid0Acme', 'AcmeAir'],
    ['https://facebook.com/acme.air.official/', 'acme.air.official'],
    ['https://www.facebook.com/profile.php?id=100012345678901', '100012345678901'],
    ['https://www.facebook.com/people/Acme-Air/pfbid02Xk7Qm9Zr4T/', 'pfbid02Xk7Qm9Zr4T'],
    ['https://www.facebook.com/people/Acme-Air/100028295814975', '100028295814975'],
    ['https://www.facebook.com/pg/AcmeAir/reviews/', 'AcmeAir'],
  ])('names the account of %s', (href, account) => {
    expect(FACEBOOK_SITE.accountOf(href)).toBe(account);
  });

  it.each([
    'https://www.facebook.com/groups/acmeflyers/',
    'https://www.facebook.com/permalink.php?story_fbid=1&id=2',
    'https://www.facebook.com/profile.php?id=abc',
    'https://evil.example/AcmeAir',
    'http://www.facebook.com/AcmeAir',
  ])('names no account for %s', (href) => {
    expect(FACEBOOK_SITE.accountOf(href)).toBeUndefined();
  });
});
