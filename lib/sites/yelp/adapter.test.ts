import { describe, expect, it, vi } from 'vitest';
import { PostSchema, type Post } from '../../domain/post';
import { loadYelpFixture, yelpWindow, type YelpFixture } from '../../../tests/fixtures/yelp/load';
import { yelpAdapter as adapter } from './adapter';

function readAll(fixture: YelpFixture, doc: Document = loadYelpFixture(fixture)): Post[] {
  return adapter
    .findPosts(doc)
    .map((element) => adapter.readPost(element, yelpWindow(fixture)))
    .filter((post): post is Post => post !== null);
}

const BIZ = 'https://www.yelp.com/biz/acme-bistro-san-francisco';

describe('Yelp URLs', () => {
  it('expects reviews on business pages and the owner review page', () => {
    expect(adapter.expectsPosts(new URL(`${BIZ}?osq=Burgers`))).toBe(true);
    expect(adapter.expectsPosts(new URL('https://biz.yelp.com/r2r/mpf3x-BjTdTEA3yCZrAYPw'))).toBe(true);
    expect(adapter.expectsPosts(new URL('https://www.yelp.com/search?find_desc=burgers'))).toBe(false);
    expect(adapter.expectsPosts(new URL('https://www.yelp.com/biz_photos/acme-bistro-san-francisco'))).toBe(false);
    expect(adapter.expectsPosts(new URL('https://biz.yelp.com/home/mpf3x-BjTdTEA3yCZrAYPw'))).toBe(false);
  });
});

describe('business page (biz-reviews.html)', () => {
  const posts = readAll('bizReviews');

  it('reads 5 reviews and the owner reply under review 2, in page order', () => {
    expect(posts.map((post) => [post.kind, post.authorName, post.reach.rating])).toEqual([
      ['review', 'Jane D.', 1],
      ['review', 'Sam K.', 2],
      ['reply', 'Maria G.', undefined],
      ['review', 'Priya S.', 3],
      ['review', 'Tom B.', 4],
      ['review', 'Ana L.', 5],
    ]);
  });

  it("reads a review with Yelp's review id (from its photo link)", () => {
    expect(posts[0]).toEqual({
      platform: 'yelp',
      postId: 'aBcD1234EfGh5678IjKl9A',
      kind: 'review',
      url: `${BIZ}?hrid=aBcD1234EfGh5678IjKl9A`,
      authorName: 'Jane D.',
      authorUrl: 'https://www.yelp.com/user_details?userid=Xa1bC2dE3fG4hI5jK6lM7n',
      text: 'Waited 50 minutes for a cold burger. When I asked about it the manager shrugged. Never again 😡\n\nAcme Bistro used to be my go-to.',
      postedAt: '2025-11-02T00:00:00.000Z',
      reach: { rating: 1 },
    });
  });

  it('reads a review without a review id (business + userid + date) and its owner reply', () => {
    expect(posts[1]).toEqual({
      platform: 'yelp',
      postId: 'mpf3x-BjTdTEA3yCZrAYPw.Sk9_pQ8rS7tU6vW5xY4zA3.20251028',
      kind: 'review',
      url: BIZ,
      authorName: 'Sam K.',
      authorUrl: 'https://www.yelp.com/user_details?userid=Sk9_pQ8rS7tU6vW5xY4zA3',
      text: 'They charged my card twice for one brunch and it took three calls to get a refund.',
      postedAt: '2025-10-28T00:00:00.000Z',
      reach: { rating: 2 },
    });
    expect(posts[2]).toEqual({
      platform: 'yelp',
      postId: 'mpf3x-BjTdTEA3yCZrAYPw.Sk9_pQ8rS7tU6vW5xY4zA3.20251028_reply',
      kind: 'reply',
      inReplyTo: 'mpf3x-BjTdTEA3yCZrAYPw.Sk9_pQ8rS7tU6vW5xY4zA3.20251028',
      url: BIZ,
      authorName: 'Maria G.',
      // The business answers: its public page stands for the author (the own-post check matches it to the brand).
      authorUrl: BIZ,
      text: 'Hi Sam, I am so sorry about the double charge. We fixed the card reader and refunded you the same day. Please ask for me next time. Maria',
      postedAt: '2025-11-04T00:00:00.000Z',
      reach: {},
    });
  });

  it("does not mix the owner's reply into the review text", () => {
    expect(posts[1]?.text).not.toContain('Maria');
  });

  it('keeps markup typed into a review as text', () => {
    expect(posts[3]?.text).toBe('It was fine. Nothing special, nothing bad. <b>Parking</b> is hard & the music is loud.');
    expect(loadYelpFixture('bizReviews').querySelectorAll('li b')).toHaveLength(0);
  });

  it('reads emoji as typed', () => {
    expect(posts[4]?.text).toBe('Great fries 🍟 and friendly staff, a bit slow on Saturdays.');
    expect(posts[5]).toMatchObject({ postId: 'zYxW9876VuTs5432RqPo1B', text: 'Best brunch in SF! 😍😍 The shakshuka is perfect.' });
  });

  it('ignores the business summary rating and the "People also viewed" list', () => {
    const doc = loadYelpFixture('bizReviews');
    const found = adapter.findPosts(doc);
    expect(found.some((element) => element.closest('aside'))).toBe(false);
    expect(posts.map((post) => post.reach.rating)).not.toContain(3.4);
  });

  it('every post is a valid Post', () => {
    for (const post of posts) expect(PostSchema.safeParse(post).success, post.postId).toBe(true);
  });
});

describe('after a Yelp redeploy renames every class (biz-reviews-renamed-classes.html)', () => {
  it('reads exactly the same posts', () => {
    expect(readAll('renamedClasses')).toEqual(readAll('bizReviews'));
  });
});

describe('business without reviews (biz-no-reviews.html)', () => {
  it('finds nothing and does not mistake business ratings for reviews', () => {
    const doc = loadYelpFixture('noReviews');
    expect(doc.querySelectorAll('[role="img"][aria-label$="star rating"]').length).toBeGreaterThan(0);
    expect(adapter.findPosts(doc)).toEqual([]);
  });
});

describe('owner review page on biz.yelp.com (biz-owner-reviews.html)', () => {
  const posts = readAll('ownerReviews');

  it('reads 3 reviews and the public response, with business id from the /r2r/ path', () => {
    expect(posts.map((post) => [post.kind, post.authorName, post.reach.rating, post.postedAt])).toEqual([
      ['review', 'Jane D.', 1, '2025-11-02T00:00:00.000Z'],
      ['review', 'Sam K.', 2, '2025-10-28T00:00:00.000Z'],
      ['reply', 'Acme Bistro', undefined, '2025-11-04T00:00:00.000Z'],
      ['review', 'Lee W.', 4, '2025-10-01T00:00:00.000Z'],
    ]);
    for (const post of posts) {
      expect(post.postId).toMatch(/^mpf3x-BjTdTEA3yCZrAYPw\.h[0-9a-z]+(_reply)?$/);
      // Links go to the public page the card links back to; the owner's reply is by that page.
      expect(post.url).toBe(BIZ);
      expect(post.authorUrl).toBe(post.kind === 'reply' ? BIZ : undefined);
    }
    expect(posts[2]?.postId).toBe(`${posts[1]?.postId}_reply`);
  });

  it('leaves out the "Read more" control', () => {
    expect(posts[3]?.text).toBe('Good coffee, but the new menu is confusing and the wait for a table was long on a weekday');
  });

  it('gives the same ids on a fresh parse', () => {
    expect(readAll('ownerReviews').map((post) => post.postId)).toEqual(posts.map((post) => post.postId));
  });

  it("opens a review's public comment box", () => {
    const doc = loadYelpFixture('ownerReviews');
    const [first] = adapter.findPosts(doc);
    const comment = [...first!.querySelectorAll('button')].find((button) => button.textContent === 'Comment')!;
    const click = vi.fn();
    comment.addEventListener('click', click);
    expect(adapter.openReplyComposer(first!, yelpWindow('ownerReviews'))).toBe(true);
    expect(click).toHaveBeenCalledOnce();
  });
});

describe('owner replies as real www.yelp.com prints them (biz-owner-replies.html)', () => {
  const posts = readAll('ownerReplies');

  it('keeps every review the owner answered, and reads each reply after its review', () => {
    expect(posts.map((post) => [post.kind, post.authorName, post.reach.rating, post.postedAt])).toEqual([
      ['review', 'Dana R.', 1, '2025-09-20T00:00:00.000Z'],
      ['reply', 'Maria G.', undefined, '2025-09-22T00:00:00.000Z'],
      ['review', 'Chris P.', 5, '2025-09-18T00:00:00.000Z'],
      ['review', 'Lee W.', 2, '2025-08-30T00:00:00.000Z'],
      ['reply', 'Maria G.', undefined, '2025-09-01T00:00:00.000Z'],
    ]);
    expect(posts[1]?.postId).toBe(`${posts[0]?.postId}_reply`);
    expect(posts[4]?.postId).toBe(`${posts[3]?.postId}_reply`);
    expect([posts[1]?.inReplyTo, posts[4]?.inReplyTo]).toEqual([posts[0]?.postId, posts[3]?.postId]);
  });

  it("reads the reply's lang-less paragraphs as its text, and keeps them out of the review", () => {
    expect(posts[1]).toMatchObject({
      authorUrl: BIZ,
      text:
        'Hi Dana, I am sorry your booking was lost. Our reservation system dropped a batch of bookings that weekend.\n' +
        'Please email me at the restaurant and dinner for your table is on us.',
    });
    expect(posts[0]?.text).toBe(
      'Booked a table for 8 through the app, arrived to find no booking and a 45 minute wait. Acme Bistro never called back.',
    );
    expect(posts[4]?.text).toBe('Thank you Lee, we have hired two more servers for weekends.');
  });

  it('reads the current review of a card that also holds a previous review, not the previous one', () => {
    expect(posts[3]?.text).toBe('Second visit, same slow service. Acme Bistro needs more people on weekends.');
    expect(posts.map((post) => post.text).join('\n')).not.toContain('a little noisy');
  });

  it("links each review by the id the page's data gives it (no id in the card), the replies to their review", () => {
    expect(posts.map((post) => post.url)).toEqual([
      `${BIZ}?hrid=dRv8Qm2LpXa7nW4bKs1TzQ`, // the data's UTC date is the day after the printed one
      `${BIZ}?hrid=dRv8Qm2LpXa7nW4bKs1TzQ`,
      `${BIZ}?hrid=cPq3Zr9YtUe6vB1nHm5GaA`,
      `${BIZ}?hrid=LwE7sK2dFj9hQx4pRv0CbN`, // not Lee W.'s previous review, also in the data
      `${BIZ}?hrid=LwE7sK2dFj9hQx4pRv0CbN`,
    ]);
    // The post ids stay as before, so cases logged earlier still find their posts.
    expect(posts[0]?.postId).toBe('mpf3x-BjTdTEA3yCZrAYPw.Dn4R_reviewer_0000000001.20250920');
  });

  it('falls back to the business page when the data names no id for a review', () => {
    const doc = loadYelpFixture('ownerReplies');
    doc.querySelector('script[type="application/json"]')?.remove();
    const read = adapter.findPosts(doc).map((element) => adapter.readPost(element, yelpWindow('ownerReplies')));
    expect(read.map((post) => post?.url)).toEqual([BIZ, BIZ, BIZ, BIZ, BIZ]);
  });

  it('puts the control after the reply text', () => {
    const doc = loadYelpFixture('ownerReplies');
    const reply = adapter.findPosts(doc)[1]!;
    expect(adapter.anchorFor(reply)?.element.textContent).toContain('dinner for your table is on us');
  });

  it('every post is a valid Post', () => {
    for (const post of posts) expect(PostSchema.safeParse(post).success, post.postId).toBe(true);
  });
});

describe('inline control anchor and composer on www.yelp.com', () => {
  it('goes after the review body, and after the owner reply body', () => {
    const doc = loadYelpFixture('bizReviews');
    const [, review, reply] = adapter.findPosts(doc);
    const reviewAnchor = adapter.anchorFor(review!);
    expect(reviewAnchor?.position).toBe('afterend');
    expect(reviewAnchor?.element.textContent).toContain('charged my card twice');
    expect(reviewAnchor?.element.textContent).not.toContain('Maria');
    const replyAnchor = adapter.anchorFor(reply!);
    expect(replyAnchor?.element.textContent).toContain('Please ask for me next time');
  });

  it('has no reply composer for the public (owners reply on biz.yelp.com)', () => {
    const doc = loadYelpFixture('bizReviews');
    const [first] = adapter.findPosts(doc);
    expect(adapter.openReplyComposer(first!, yelpWindow('bizReviews'))).toBe(false);
  });

  it('returns null for an element that is not a review card or owner block', () => {
    const doc = loadYelpFixture('bizReviews');
    expect(adapter.readPost(doc.querySelector('h1')!, yelpWindow('bizReviews'))).toBeNull();
  });
});
