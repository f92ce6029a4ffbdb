// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import acmeSettings from '../../tests/fixtures/x/acme-settings.json';
import { loadXFixture, xWindow } from '../../tests/fixtures/x/load';
import { makePost } from '../cases/testing';
import { SettingsSchema } from '../settings/schema';
import { xAdapter } from '../sites/x/adapter';
import { createBrandMatcher } from './brand-matcher';
import { matchPost } from './post-match';

const matcher = createBrandMatcher(SettingsSchema.parse(acmeSettings).brands);

describe('matchPost: a post and the post it quotes', () => {
  it("lists a quote of the brand's own post, by the quoted author's handle, when no text names the brand", () => {
    const post = makePost('1', {
      text: 'This aged well.',
      quoted: { authorHandle: 'acmesupport', authorName: 'Acme Support', text: 'On time!' },
    });
    expect(matchPost(matcher, post)).toEqual({ brandIds: ['acme'], hits: [], byBrand: false });
  });

  it('lists a quote whose quoted text names the brand, and adds brands from both parts in order', () => {
    const quotedOnly = makePost('2', {
      text: 'Same here.',
      quoted: { authorHandle: 'robin', authorName: 'Robin', text: 'Acme lost my bag' },
    });
    expect(matchPost(matcher, quotedOnly).brandIds).toEqual(['acme']);
    const both = makePost('3', {
      text: 'Acme could learn from this',
      quoted: { authorHandle: 'GlobexHelp', authorName: 'Globex Help', text: 'Refund sent' },
    });
    const match = matchPost(matcher, both);
    expect(match.brandIds).toEqual(['acme', 'globex']);
    expect(match.hits.map((hit) => both.text.slice(hit.start, hit.end))).toEqual(['Acme']);
  });

  it('adds nothing for a quote of an unrelated post, and keeps byBrand about the quoting author', () => {
    const unrelated = makePost('4', {
      text: 'Great thread',
      quoted: { authorHandle: 'skynotes', authorName: 'Sky Notes', text: 'Budget travel tips' },
    });
    expect(matchPost(matcher, unrelated).brandIds).toEqual([]);
    const brandQuotes = makePost('5', {
      authorHandle: 'AcmeSupport',
      text: 'We are on it.',
      quoted: { authorName: 'Robin', text: 'Acme lost my bag' },
    });
    expect(matchPost(matcher, brandQuotes)).toMatchObject({ brandIds: ['acme'], byBrand: true });
  });

  it('finds the mentions of the long-posts and quotes page (search-long-quotes.html)', () => {
    const doc = loadXFixture('longQuotes');
    const posts = xAdapter
      .findPosts(doc)
      .map((element) => xAdapter.readPost(element, xWindow('longQuotes')))
      .filter((post) => post !== null);
    expect(posts.map((post) => [post.postId.slice(-1), matchPost(matcher, post).brandIds])).toEqual([
      ['1', ['acme']], // cut, the brand named before the cut
      ['2', []], // cut before it names the brand
      ['3', ['acme']], // expanded in place: the brand after the first cut
      ['4', ['acme']], // quotes @AcmeSupport
      ['5', ['acme']], // the quoted text names Acme
      ['6', []], // quotes an unrelated post
      ['7', ['acme', 'globex']], // Acme in the quote, Globex from the quoted @GlobexHelp
    ]);
  });
});
