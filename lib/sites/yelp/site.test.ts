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
});
