import { describe, expect, it } from 'vitest';
import { runsOn } from '../site';
import { YELP_SITE } from './site';

describe('Yelp site', () => {
  it('runs on www.yelp.com and biz.yelp.com only', () => {
    expect(runsOn(YELP_SITE, new URL('https://www.yelp.com/biz/acme-bistro-san-francisco'))).toBe(true);
    expect(runsOn(YELP_SITE, new URL('https://biz.yelp.com/r2r/mpf3x-BjTdTEA3yCZrAYPw'))).toBe(true);
    expect(runsOn(YELP_SITE, new URL('https://www.yelp.com.evil.test/biz/x'))).toBe(false);
    expect(runsOn(YELP_SITE, new URL('http://www.yelp.com/biz/x'))).toBe(false);
  });

  it("names a business by its public page's alias", () => {
    expect(YELP_SITE.accountOf('https://www.yelp.com/biz/acme-bistro-san-francisco')).toBe('acme-bistro-san-francisco');
    expect(YELP_SITE.accountOf('https://yelp.com/biz/acme-bistro-san-francisco/')).toBe('acme-bistro-san-francisco');
    expect(YELP_SITE.accountOf('https://www.yelp.com/user_details?userid=Xa1b')).toBeUndefined();
    expect(YELP_SITE.accountOf('https://www.yelp.com/biz_photos/acme-bistro-san-francisco')).toBeUndefined();
  });

  it('says every review on a business page is about that business, and no other page', () => {
    const about = (href: string) => YELP_SITE.postsAbout(new URL(href));
    expect(about('https://www.yelp.com/biz/acme-bistro-san-francisco')).toBe('acme-bistro-san-francisco');
    expect(about('https://www.yelp.com/biz/acme-bistro-san-francisco?osq=brunch&start=10')).toBe('acme-bistro-san-francisco');
    expect(about('https://www.yelp.com/biz_photos/acme-bistro-san-francisco')).toBeUndefined();
    expect(about('https://www.yelp.com/search?find_desc=acme')).toBeUndefined();
    expect(about('https://www.yelp.com/user_details?userid=Xa1b')).toBeUndefined();
    expect(about('http://www.yelp.com/biz/acme-bistro-san-francisco')).toBeUndefined();
  });
});
