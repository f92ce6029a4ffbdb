import { describe, expect, it } from 'vitest';
import { runsOn } from '../site';
import { X_PROFILE_PATH, X_SITE, X_STATUS_PATH } from './site';

describe('X site', () => {
  it('knows which URLs are X', () => {
    expect(runsOn(X_SITE, new URL('https://x.com/home'))).toBe(true);
    expect(runsOn(X_SITE, new URL('https://mobile.twitter.com/home'))).toBe(true);
    expect(runsOn(X_SITE, new URL('https://example.com/home'))).toBe(false);
  });

  it('reads handle and post id from a status path, for handles X allows (1 to 15 characters)', () => {
    expect(X_STATUS_PATH.exec('/AcmeSupport/status/123')?.slice(1)).toEqual(['AcmeSupport', '123']);
    expect(X_STATUS_PATH.exec('/acme_support_15/status/123/photo/1?s=20')?.slice(1)).toEqual(['acme_support_15', '123']);
    expect(X_STATUS_PATH.exec('/i/status/123#reply')?.slice(1)).toEqual(['i', '123']);
    expect(X_STATUS_PATH.test('/acme_support_016/status/123')).toBe(false);
    expect(X_STATUS_PATH.test('/AcmeSupport/status/123abc')).toBe(false);
    expect(X_STATUS_PATH.test('/AcmeSupport/likes')).toBe(false);
  });

  it('names the account of a profile link', () => {
    expect(X_SITE.accountOf('https://x.com/AcmeSupport')).toBe('AcmeSupport');
    expect(X_SITE.accountOf('/AcmeSupport')).toBe('AcmeSupport');
    expect(X_SITE.accountOf('https://x.com/AcmeSupport/status/1')).toBeUndefined();
    expect(X_SITE.accountOf('https://evil.example/AcmeSupport')).toBeUndefined();
  });

  it('reads the handle from a profile path', () => {
    expect(X_PROFILE_PATH.exec('/rileypark/')?.[1]).toBe('rileypark');
    expect(X_PROFILE_PATH.test('/rileypark/status/1')).toBe(false);
    expect(X_PROFILE_PATH.test('/a_handle_too_long')).toBe(false);
  });
});
