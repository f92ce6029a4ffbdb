import { describe, expect, it } from 'vitest';
import { PostSchema, type Post } from '../../domain/post';
import { loadXFixture, X_FIXTURES, xWindow, type XFixture } from '../../../tests/fixtures/x/load';
import { readRepost, xAdapter } from './adapter';
import { repostedName } from './context';

function readAll(fixture: XFixture, doc = loadXFixture(fixture)): Post[] {
  return xAdapter.findPosts(doc).map((element) => {
    const post = xAdapter.readPost(element, xWindow(fixture));
    if (!post) throw new Error(`unreadable post in ${fixture}`);
    expect(PostSchema.parse(post)).toEqual(post);
    return post;
  });
}

const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(19 - prefix.length, '0')}`;

describe('localized action bars (localized-cells.html)', () => {
  const posts = readAll('localized');

  it('reads the counts in every UI language, from the bar or, where it is silent, from the buttons', () => {
    expect(posts.map((post) => post.reach)).toEqual([
      { replies: 7, reposts: 1204, likes: 15717, views: 1648921 }, // en
      { replies: 12, reposts: 3, likes: 1200, views: 23456 }, // es
      { replies: 1234, reposts: 56, likes: 1200, views: 98765 }, // fr
      { replies: 3, reposts: 1234, likes: 1234, views: 1200000 }, // de
      { replies: 5, reposts: 12, likes: 12000, views: 6366 }, // ja
      { replies: 8, reposts: 2, likes: 10, views: 34000 }, // zh-TW
      { replies: 2, reposts: 0, likes: 1234, views: 5678 }, // de, counts from the buttons
    ]);
  });

  it('recognises the localized "Replying to" line', () => {
    expect(posts.map((post) => post.kind)).toEqual(['post', 'reply', 'post', 'post', 'reply', 'post', 'post']);
    expect(posts[1]?.text).toBe('@AcmeSupport Acme perdió mi maleta otra vez');
    expect(posts[4]?.text).toBe('@AcmeSupport Acmeの便が3時間遅れています。説明もありません。');
  });
});

describe('reposts and placeholders on Home (home-reposts.html)', () => {
  const doc = loadXFixture('home');
  const articles = xAdapter.findPosts(doc);
  const posts = readAll('home', doc);

  it('reads a repost as the original post', () => {
    expect(posts.map((post) => post.postId)).toEqual([101, 101, 103, 105, 106, 107].map((n) => id('1995', n)));
    expect(posts[0]).toMatchObject({ kind: 'post', authorHandle: 'rileypark', url: `https://x.com/rileypark/status/${id('1995', 101)}` });
    expect(posts[0]).toEqual(posts[1]);
  });

  it('names the reposter, in any listed UI language, and ignores other social contexts', () => {
    expect(articles.map((article) => readRepost(article))).toEqual([
      { handle: 'jdoe_travels', name: 'Jane Doe' },
      null,
      { handle: 'samflies', name: 'Sam' },
      null, // "Kim Sato liked"
      { handle: 'lea_voyage', name: 'Léa' },
      { handle: 'yuki_tabi', name: 'ゆき' },
    ]);
  });

  it('reads the quoting post of a reposted quote, not the quoted brand post', () => {
    expect(posts[2]).toMatchObject({ authorHandle: 'olaberg', text: 'Sure, "on time". Sat on the tarmac for two hours.' });
  });

  it('finds no post in placeholder, tombstone and loading cells', () => {
    const cells = [...doc.querySelectorAll('[data-testid="cellInnerDiv"]')];
    expect(cells.map((cell) => xAdapter.findPosts(cell).length)).toEqual([1, 0, 1, 1, 1, 1, 1, 0, 0]);
  });

  it('parses social-context lines', () => {
    expect(repostedName('You reposted')).toBe('You');
    expect(repostedName('Max hat repostet')).toBe('Max');
    expect(repostedName('Lucía reposteó')).toBe('Lucía');
    expect(repostedName('美琳 已轉發')).toBe('美琳');
    expect(repostedName('Pinned')).toBeNull();
    expect(repostedName('Kim Sato liked')).toBeNull();
  });
});

describe('a status page with replies (status-replies.html)', () => {
  const doc = loadXFixture('status');
  const posts = readAll('status', doc);

  it('marks every post below the first in the conversation as a reply, and recommendations as posts', () => {
    expect(posts.map((post) => [post.postId, post.kind])).toEqual([
      [id('1996', 1), 'post'],
      [id('1996', 2), 'reply'],
      [id('1996', 3), 'reply'],
      [id('1996', 4), 'reply'],
      [id('1996', 5), 'reply'],
      [id('1996', 6), 'reply'],
      [id('1996', 7), 'post'],
    ]);
  });

  it('says which post each answers: in the thread the one above it, below the focused post the focused post, recommendations none', () => {
    expect(posts.map((post) => post.inReplyTo)).toEqual([
      undefined,
      id('1996', 1), // @AcmeAir's reply in the thread answers the first post
      id('1996', 2),
      id('1996', 3),
      id('1996', 3),
      id('1996', 3),
      undefined,
    ]);
    const offStatus = { location: new URL('https://x.com/search?q=acme') } as unknown as Window;
    expect(xAdapter.readPost(xAdapter.findPosts(doc)[3] as Element, offStatus)?.inReplyTo).toBeUndefined();
  });

  it('reads the focused post (time link under its text, views outside the analytics link)', () => {
    expect(posts[2]).toMatchObject({
      authorHandle: 'rileypark',
      postedAt: '2025-11-23T09:30:00.000Z',
      text: '@AcmeAir it has been five days and the bag is still "being located".',
      reach: { replies: 3, reposts: 1, likes: 12, views: 1024 },
    });
  });

  it('puts the "Replying to" handles first in the text', () => {
    expect(posts[3]?.text).toBe('@rileypark @AcmeAir Same here, Acme Air never called back.');
  });

  it('reads the focused post as the conversation start when nothing is above it', () => {
    const cells = [...doc.querySelectorAll('[data-testid="cellInnerDiv"]')];
    cells[0]?.remove();
    cells[1]?.remove();
    const focused = xAdapter.findPosts(doc)[0] as Element;
    expect(xAdapter.readPost(focused, xWindow('status'))?.kind).toBe('post');
  });

  it('keeps a reply a reply when X’s virtual list has dropped the cells above it', () => {
    const fresh = loadXFixture('status');
    const cells = [...fresh.querySelectorAll('[data-testid="cellInnerDiv"]')];
    for (const cell of cells.slice(0, 4)) cell.remove();
    const [first] = xAdapter.findPosts(fresh);
    const post = xAdapter.readPost(first as Element, xWindow('status'));
    expect(post?.postId).toBe(id('1996', 5));
    expect(post?.kind).toBe('reply');
  });

  it('does not apply conversation rules off status pages', () => {
    const [, second] = xAdapter.findPosts(loadXFixture('status'));
    const onSearch = { location: new URL('https://x.com/search?q=acme') } as unknown as Window;
    expect(xAdapter.readPost(second as Element, onSearch)?.kind).toBe('post');
  });
});

describe('a page whose selectors broke (search-broken.html)', () => {
  it('finds no post on a page that should show posts', () => {
    expect(xAdapter.findPosts(loadXFixture('broken'))).toEqual([]);
    expect(xAdapter.expectsPosts(xWindow('broken').location as unknown as URL)).toBe(true);
  });
});

describe('long posts X cut with "Show more" (search-long-quotes.html)', () => {
  const posts = readAll('longQuotes');

  it('marks the cut posts as truncated and reads their text up to the cut', () => {
    expect(posts.map((post) => post.truncated ?? false)).toEqual([true, true, false, false, false, false, false]);
    expect(posts[0]?.text).toMatch(/^@AcmeSupport four hours on the tarmac .* because the$/);
    // The button's label is not part of the text.
    expect(posts.some((post) => post.text.includes('Show more'))).toBe(false);
  });

  it('reads the whole text of a post expanded in place (no "Show more" left)', () => {
    expect(posts[2]?.text).toMatch(/^Booked a window seat .* Acme Air, please just refund the seat fee\.$/);
    expect(posts[2]).not.toHaveProperty('truncated');
  });

  it('reads a cut post again as whole once the page expands it in place', () => {
    const doc = loadXFixture('longQuotes');
    const [article] = xAdapter.findPosts(doc);
    const body = article?.querySelector('[data-testid="tweetText"]');
    // What X does on "Show more": the rest of the text in tweetText, the button removed.
    body?.append(doc.createTextNode(' airline had oversold it.'));
    article?.querySelector('[data-testid="tweet-text-show-more-link"]')?.remove();
    const post = xAdapter.readPost(article as Element, xWindow('longQuotes'));
    expect(post?.text).toMatch(/because the airline had oversold it\.$/);
    expect(post).not.toHaveProperty('truncated');
  });
});

describe('quote posts (search-long-quotes.html and the real quote captures)', () => {
  const posts = readAll('longQuotes');

  it('reads the quoted author and text from the quote card, apart from the quoting text', () => {
    expect(posts[3]).toMatchObject({
      authorHandle: 'lee_ortiz',
      text: 'This aged well. Two cancellations this week alone.',
      quoted: {
        authorHandle: 'AcmeSupport',
        authorName: 'Acme Support',
        text: 'We’re proud that 92% of our flights left on time this autumn. Thank you for flying with us!',
        // Only the card's photo link names the quoted post's id.
        postId: '19930000000000000001',
      },
    });
    expect(posts[4]?.quoted).toEqual({
      authorHandle: 'robinhale',
      authorName: 'Robin Hale',
      text: 'Acme lost my bag on a direct flight. Nine days, no updates, no one picks up.',
    });
    expect(posts.slice(0, 3).map((post) => post.quoted)).toEqual([undefined, undefined, undefined]);
  });

  it('reads the quoted post of the real captures', () => {
    expect(readAll('quote')[0]?.quoted).toEqual({
      authorHandle: 'OriginalAuthor',
      authorName: 'Original Author',
      text: 'This is the original quoted tweet content that provides important context and information for the conversation',
      postId: '1983129251856470493',
    });
    expect(readAll('quoteVideo')[0]?.quoted).toMatchObject({ authorHandle: 'OriginalPoster', authorName: 'Original Poster' });
    expect(readAll('sample')[0]?.quoted).toBeUndefined();
  });
});

describe('brief reads (a post that mentions no brand is not read whole)', () => {
  it('reads what matching needs, and completePost adds exactly what a whole read has, on every saved page', () => {
    for (const fixture of Object.keys(X_FIXTURES) as XFixture[]) {
      const win = xWindow(fixture);
      for (const element of xAdapter.findPosts(loadXFixture(fixture))) {
        const whole = xAdapter.readPost(element, win);
        const brief = xAdapter.readPost(element, win, true);
        expect(brief === null, fixture).toBe(whole === null);
        if (!brief || !whole) continue;
        expect(brief, fixture).toMatchObject({ postId: whole.postId, kind: whole.kind, text: whole.text, authorName: '', reach: {} });
        expect(brief.quoted, fixture).toEqual(whole.quoted);
        expect(brief.authorHandle, fixture).toBe(whole.authorHandle);
        expect(xAdapter.completePost?.(brief, element, win), fixture).toEqual(whole);
      }
    }
  });
});
