import { describe, expect, it } from 'vitest';
import { loadXFixture } from '../../../tests/fixtures/x/load';
import { xAdapter } from './adapter';
import { authorIdOnPage } from './author-id';

const page = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
const follow = (testid: string, label: string) => `<button data-testid="${testid}" aria-label="${label}" role="button">Follow</button>`;

describe('authorIdOnPage (X user ids from follow buttons)', () => {
  it("reads the focused post author's id on the authored status page, and no one else's", () => {
    const doc = loadXFixture('status');
    expect(authorIdOnPage(doc, 'rileypark')).toBe('1700000000000000001');
    expect(authorIdOnPage(doc, '@RileyPark')).toBe('1700000000000000001');
    expect(authorIdOnPage(doc, 'samflies')).toBeUndefined();
    expect(authorIdOnPage(loadXFixture('timeline'), 'jdoe_travels')).toBeUndefined();
  });

  it('takes a button only when its label names the handle, whole, in any UI language', () => {
    const doc = page(
      `<div id="layers"><div data-testid="HoverCard">${follow('111-unfollow', 'Following @rileyparker')}</div></div>` +
        `<div data-testid="UserCell">${follow('222-follow', 'Suivre @dana_travels')}</div>` +
        follow('333-follow', '@ken_ja さんをフォロー') +
        follow('abc-follow', 'Follow @broken') +
        follow('444-follow', 'Follow'),
    );
    expect(authorIdOnPage(doc, 'rileyparker')).toBe('111');
    expect(authorIdOnPage(doc, 'rileypark')).toBeUndefined();
    expect(authorIdOnPage(doc, 'dana_travels')).toBe('222');
    expect(authorIdOnPage(doc, 'ken_ja')).toBe('333');
    expect(authorIdOnPage(doc, 'broken')).toBeUndefined();
  });
});

describe('xAdapter.completeForLog', () => {
  it('adds the author id the page shows, and leaves a post without one as it was', () => {
    const doc = loadXFixture('status');
    const focused = xAdapter
      .findPosts(doc)
      .map((article) => xAdapter.readPost(article, window))
      .find((post) => post?.postId === '1996000000000000003');
    if (!focused) throw new Error('focused post not read');
    expect(focused.authorId).toBeUndefined();
    expect(xAdapter.completeForLog?.(focused, doc)).toEqual({ ...focused, authorId: '1700000000000000001' });
    const other = { ...focused, authorHandle: 'samflies' };
    expect(xAdapter.completeForLog?.(other, doc)).toBe(other);
    const known = { ...focused, authorId: '42' };
    expect(xAdapter.completeForLog?.(known, doc)).toBe(known);
  });
});
