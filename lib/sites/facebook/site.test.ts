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
});
