// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import acmeSettings from '../../tests/fixtures/x/acme-settings.json';
import { loadXFixture } from '../../tests/fixtures/x/load';
import { SettingsSchema } from '../settings/schema';
import { xAdapter } from '../sites/x/adapter';
import { createBrandMatcher } from './brand-matcher';
import { matchPost } from './post-match';

describe('brand matcher on the posts of the authored X search timeline', () => {
  const matcher = createBrandMatcher(SettingsSchema.parse(acmeSettings).brands);
  const doc = loadXFixture('timeline');
  const results = xAdapter
    .findPosts(doc)
    .map((element) => xAdapter.readPost(element, window))
    .filter((post) => post !== null)
    .map((post) => ({ id: post.postId.slice(-2), text: post.text, ...matchPost(matcher, post) }));
  const byId = (id: string) => results.find((result) => result.id === id);

  it('finds the seven brand mentions (one of them in a quoted post) and flags the brand’s own post', () => {
    expect(results.filter((result) => result.brandIds.length > 0).map((result) => result.id)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '06',
      '07',
      '10',
    ]);
    expect(results.filter((result) => result.byBrand).map((result) => result.id)).toEqual(['06']);
  });

  it('matches the handle, the hashtag prefix, the possessive, the reply target, hostile text and RTL text', () => {
    const spans = (id: string) => {
      const result = byId(id);
      return result?.hits.map((hit) => result.text.slice(hit.start, hit.end));
    };
    expect(spans('01')).toEqual(['@AcmeSupport', '#AcmeFail']);
    expect(spans('02')).toEqual(['Acme']);
    expect(spans('03')).toEqual(['@AcmeSupport']);
    expect(spans('07')).toEqual(['acme']);
    expect(spans('10')).toEqual(['Acme']);
  });

  it('lists a quote whose quoted post names the brand, with no hit in the quoting text', () => {
    expect(byId('04')?.brandIds).toEqual(['acme']);
    expect(byId('04')?.hits).toEqual([]);
  });

  it('ignores longer words, the email address and the excluded museum', () => {
    expect(byId('08')?.brandIds).toEqual([]);
    expect(byId('09')?.brandIds).toEqual([]);
  });
});
