import { describe, expect, it } from 'vitest';
import { BrandSchema, type BrandInput } from '../domain/brand';
import { createBrandMatcher, type BrandMatch } from './brand-matcher';

const brand = (input: BrandInput) => BrandSchema.parse(input);

const acme = brand({
  id: 'acme',
  name: 'Acme',
  aliases: ['Acme Air', 'ACME Airlines'],
  handles: { x: ['AcmeSupport', '@Acme'], facebook: ['AcmeAirFB'], yelp: [] },
  hashtags: ['#AcmeCares', 'FlyBetter'],
  exclusions: ['Acme Anvils Museum'],
});
const globex = brand({ id: 'globex', name: 'Globex', handles: { x: ['GlobexHelp'], facebook: [], yelp: [] } });
const shunfeng = brand({ id: 'sf', name: '顺丰' });

const matcher = createBrandMatcher([acme, globex, shunfeng]);

function spans(text: string, result: BrandMatch = matcher.match(text)): string[] {
  return result.hits.map((hit) => text.slice(hit.start, hit.end));
}

describe('createBrandMatcher: what counts as a mention', () => {
  it.each([
    ['Acme lost my bag', ['Acme']],
    ["acme's app is down", ['acme']],
    ['Thanks ACME!', ['ACME']],
    ['(Acme)', ['Acme']],
    ['l’Acme est en retard', ['Acme']],
    ['acme.com is down', ['acme']],
    ['https://acme.com/help does not load', ['acme']],
    ['@Acme why', ['@Acme']],
    ['@AcmeSupport my flight', ['@AcmeSupport']],
    ['@acmesupport: hello', ['@acmesupport']],
    ['#AcmeFail again', ['#AcmeFail']],
    ['#acme', ['#acme']],
    ['#AcmeCares thanks', ['#AcmeCares']],
    ['#AcmeCaresNot', ['#AcmeCaresNot']],
    ['#flybetter', ['#flybetter']],
    ['Flew Acme Air today', ['Acme Air']],
    ['Flew Acme   Air today', ['Acme   Air']],
    ['ÀCMÉ is late', ['ÀCMÉ']],
    ['ＡＣＭＥ is late', ['ＡＣＭＥ']],
    ['我爱Acme航空', ['Acme']],
    ['顺丰快递太慢了', ['顺丰']],
  ])('%j mentions %j', (text, expected) => {
    expect(spans(text)).toEqual(expected);
    expect(matcher.match(text).brandIds).toContain(expected[0] === '顺丰' ? 'sf' : 'acme');
  });

  it.each([
    'Acmeology is a field',
    'megaacme',
    'acme2 and acme_bot',
    'support@acme.com never answers',
    'write to acme@mail.example.org',
    'jane.doe+acme@acme-air.co.uk',
    '@AcmeSupporter is a fan account',
    'x#AcmeCares',
    '#FlyBetterNot',
    'Visited the Acme Anvils Museum today',
    'visited the ACME   anvils museum',
    'nothing to see here',
    '',
  ])('%j mentions nothing', (text) => {
    const result = matcher.match(text);
    expect(result.brandIds).toEqual([]);
    expect(result.hits).toEqual([]);
  });

  it('still counts a mention next to an excluded phrase', () => {
    const text = 'After the Acme Anvils Museum, Acme lost my bag';
    expect(spans(text)).toEqual(['Acme']);
    expect(matcher.match(text).hits[0]?.start).toBe(text.lastIndexOf('Acme'));
  });

  it('keeps a handle mention next to an email address', () => {
    const text = 'mailed support@acme.com then tweeted @AcmeSupport';
    expect(spans(text)).toEqual(['@AcmeSupport']);
  });

  it('reports each hit with its brand, configured term and kind', () => {
    expect(matcher.match('#AcmeCares by @AcmeSupport, Acme Air and #AcmeFail').hits).toEqual([
      { brandId: 'acme', term: '#AcmeCares', kind: 'hashtag', start: 0, end: 10 },
      { brandId: 'acme', term: '@AcmeSupport', kind: 'handle', start: 14, end: 26 },
      { brandId: 'acme', term: 'Acme Air', kind: 'name', start: 28, end: 36 },
      { brandId: 'acme', term: 'Acme', kind: 'hashtag', start: 41, end: 50 },
    ]);
  });

  it('lists brands in order of first mention, once each', () => {
    const result = matcher.match('Globex beats Acme, unlike acme or @GlobexHelp');
    expect(result.brandIds).toEqual(['globex', 'acme']);
    expect(result.hits.map((hit) => hit.brandId)).toEqual(['globex', 'acme', 'acme', 'globex']);
  });

  it('keeps one hit per span when terms overlap', () => {
    expect(spans('ACME Airlines delayed')).toEqual(['ACME Airlines']);
    expect(spans('@Acme')).toEqual(['@Acme']);
  });
});

describe('createBrandMatcher: names of several words', () => {
  const air = createBrandMatcher([brand({ id: 'air', name: 'Blue Sky Air', exclusions: ['Blue Sky Air Museum'] })]);
  it.each([
    ['Blue Sky Air lost my bag', ['Blue Sky Air']],
    ['BlueSkyAir lost my bag', ['BlueSkyAir']],
    ['Blue\u200BSky\u200BAir lost my bag', ['Blue\u200BSky\u200BAir']],
    ['#BlueSkyAirFail again', ['#BlueSkyAirFail']],
    ['blueskyairlines is a different word', []],
    ['Visit the BlueSkyAirMuseum today', []],
  ])('%j -> %j', (text, expected) => {
    expect(spans(text, air.match(text))).toEqual(expected);
  });
});

describe('createBrandMatcher: posts by the brand', () => {
  it('flags posts by any of a brand’s handles, however written', () => {
    expect(matcher.match('Acme here, sorry about that', 'AcmeSupport').byBrand).toBe(true);
    expect(matcher.match('Acme here', '@acmesupport').byBrand).toBe(true);
    expect(matcher.match('Acme here', 'AcmeAirFB').byBrand).toBe(true);
    expect(matcher.match('Acme lost my bag', 'jdoe').byBrand).toBe(false);
    expect(matcher.match('Acme lost my bag').byBrand).toBe(false);
  });

  it("flags a Facebook Page's or a Yelp business's own post by its page link, with no handle", () => {
    const pages = createBrandMatcher([
      brand({
        id: 'acme',
        name: 'Acme',
        handles: { x: [], facebook: ['AcmeAirFB', 'https://www.facebook.com/profile.php?id=100012345678901'], yelp: ['acme-bistro-sf'] },
      }),
      brand({ id: 'globex', name: 'Globex', handles: { x: [], facebook: ['facebook.com/GlobexCorp/'], yelp: [] } }),
    ]);
    const fb = (authorUrl: string) => ({ platform: 'facebook' as const, authorUrl });
    expect(pages.match('Acme here', fb('https://www.facebook.com/acmeairfb')).byBrand).toBe(true);
    expect(pages.authorBrand(fb('https://www.facebook.com/AcmeAirFB'))).toBe('acme');
    expect(pages.authorBrand(fb('https://www.facebook.com/profile.php?id=100012345678901'))).toBe('acme');
    expect(pages.authorBrand(fb('https://www.facebook.com/GlobexCorp'))).toBe('globex');
    expect(pages.authorBrand({ platform: 'yelp', authorUrl: 'https://www.yelp.com/biz/acme-bistro-sf' })).toBe('acme');
    expect(pages.match('Acme lost my bag', fb('https://www.facebook.com/riley.park.9')).byBrand).toBe(false);
    // An account is a brand's only on its own platform: a Yelp alias is no Facebook Page.
    expect(pages.authorBrand(fb('https://www.facebook.com/acme-bistro-sf'))).toBeUndefined();
    expect(pages.authorBrand({ platform: 'x', authorHandle: 'jdoe', authorUrl: 'https://x.com/jdoe' })).toBeUndefined();
  });

  it('still reports the mentions in a brand’s own post', () => {
    const result = matcher.match('Acme Support here', 'AcmeSupport');
    expect(result).toEqual({
      brandIds: ['acme'],
      byBrand: true,
      hits: [{ brandId: 'acme', term: 'Acme', kind: 'name', start: 0, end: 4 }],
    });
  });
});

describe('createBrandMatcher: hard text', () => {
  it('finds brands among emoji, keeping original UTF-16 ranges', () => {
    const text = '😡😡 Acme 👨‍👩‍👧 lost my bag 🧳 #AcmeFail🔥';
    expect(spans(text)).toEqual(['Acme', '#AcmeFail']);
  });

  it('finds brands in right-to-left text and across bidi marks', () => {
    const arabic = 'خدمة Acme سيئة جدا';
    expect(spans(arabic)).toEqual(['Acme']);
    const marked = 'שירות \u200fAcme\u200f גרוע';
    expect(spans(marked)).toEqual(['Acme']);
    // A name split by an invisible character still reads as the name.
    expect(spans('Ac\u200dme is late')).toEqual(['Ac\u200dme']);
  });

  it('does not treat Arabic letters glued to the name as a boundary', () => {
    expect(matcher.match('بAcme').hits).toEqual([]);
  });

  it('handles a 10k-character post with many mentions and one at the very end', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(371);
    const text = `${filler}Acme`;
    expect(text.length).toBeGreaterThan(10_000);
    expect(spans(text)).toEqual(['Acme']);
    const dense = 'Acme '.repeat(2_000);
    const result = matcher.match(dense);
    expect(result.hits).toHaveLength(2_000);
    expect(result.hits.at(-1)).toMatchObject({ start: 9_995, end: 9_999 });
  });

  it('handles a 10k-character word without spaces', () => {
    expect(matcher.match('acme'.repeat(2_500)).hits).toEqual([]);
    expect(matcher.match(`${'@'.repeat(5_000)}acme${'.'.repeat(5_000)}`).hits).toHaveLength(1);
  });
});

describe('createBrandMatcher: configuration', () => {
  it('matches nothing without brands', () => {
    expect(createBrandMatcher([]).match('Acme', 'AcmeSupport')).toEqual({ brandIds: [], hits: [], byBrand: false });
  });

  it('ignores terms that fold to nothing', () => {
    const odd = brand({ id: 'odd', name: '\u0301\u0301', aliases: ['Odd Co'] });
    expect(createBrandMatcher([odd]).match('odd co rocks').brandIds).toEqual(['odd']);
  });

  it('applies an exclusion only to its own brand', () => {
    const museum = brand({ id: 'museum', name: 'Anvils Museum' });
    const both = createBrandMatcher([acme, museum]);
    expect(both.match('the Acme Anvils Museum').brandIds).toEqual(['museum']);
  });

  it('is built once and reused across posts', () => {
    const built = createBrandMatcher([acme]);
    expect(built.match('Acme').brandIds).toEqual(['acme']);
    expect(built.match('Globex').brandIds).toEqual([]);
    expect(built.match('acme again').brandIds).toEqual(['acme']);
  });
});
