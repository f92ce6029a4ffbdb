import { describe, expect, it } from 'vitest';
import { normalizeHandle } from './brand-handles';
import { BrandSchema } from './brand';

describe('a brand handle as people paste it', () => {
  it.each([
    ['x', '@AcmeAirHelp', 'AcmeAirHelp'],
    ['x', ' AcmeAir ', 'AcmeAir'],
    ['x', 'https://x.com/AcmeAirHelp', 'AcmeAirHelp'],
    ['x', 'twitter.com/AcmeAirHelp/', 'AcmeAirHelp'],
    ['x', 'https://mobile.twitter.com/acme_air?lang=en', 'acme_air'],
    ['facebook', 'facebook.com/AcmeAir', 'AcmeAir'],
    ['facebook', 'https://www.facebook.com/AcmeAir/posts/123', 'AcmeAir'],
    ['facebook', 'https://m.facebook.com/profile.php?id=100064', '100064'],
    ['facebook', 'acme.air', 'acme.air'],
    ['yelp', 'https://www.yelp.com/biz/acme-air-san-francisco?osq=Acme', 'acme-air-san-francisco'],
    ['yelp', 'yelp.de/biz/caf%C3%A9-m%C3%BCller-berlin', 'café-müller-berlin'],
    ['yelp', 'acme-air-san-francisco', 'acme-air-san-francisco'],
  ] as const)('%s: %j becomes %j', (platform, raw, handle) => {
    expect(normalizeHandle(platform, raw)).toEqual({ handle });
  });

  it.each([
    ['x', '@Acme Air Help', /not a handle: an X handle is one word/],
    ['x', 'https://facebook.com/AcmeAir', /not a handle/],
    ['x', 'AcmeAirCustomerSupport', /up to 15/],
    ['facebook', 'Acme Air', /no spaces/],
    ['yelp', 'https://www.yelp.com/search?find_desc=acme', /not a handle/],
    ['x', 'Acme\u200BAir', /not a handle/],
    ['x', '  ', /must not be empty/],
  ] as const)('%s: %j is refused with a sentence', (platform, raw, message) => {
    const result = normalizeHandle(platform, raw);
    expect('error' in result && result.error).toMatch(message);
  });

  it('stored settings load normalised, and a handle saved before the check still loads as it was', () => {
    const brand = BrandSchema.parse({
      id: 'acme',
      name: 'Acme Air',
      handles: { x: ['https://x.com/AcmeAirHelp', 'Acme Air Help'], facebook: ['facebook.com/AcmeAir'], yelp: [] },
    });
    expect(brand.handles).toEqual({ x: ['AcmeAirHelp', 'Acme Air Help'], facebook: ['AcmeAir'], yelp: [] });
  });
});
