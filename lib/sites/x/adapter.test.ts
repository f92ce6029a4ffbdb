import { describe, expect, it } from 'vitest';
import { PostSchema, type Post } from '../../domain/post';
import { loadXFixture } from '../../../tests/fixtures/x/load';
import { readRichText, xAdapter } from './adapter';

function readAll(doc: Document): (Post | null)[] {
  return xAdapter.findPosts(doc).map((element) => xAdapter.readPost(element, window));
}

function only(doc: Document): Post {
  const posts = readAll(doc);
  expect(posts).toHaveLength(1);
  const post = posts[0];
  if (!post) throw new Error('post not read');
  return post;
}

describe('xAdapter on the real captures', () => {
  it('reads the focused tweet on a status page', () => {
    const post = only(loadXFixture('sample'));
    expect(post).toEqual({
      platform: 'x',
      postId: '1981398750557065646',
      kind: 'post',
      url: 'https://x.com/TestUser123/status/1981398750557065646',
      authorName: 'Test User Account',
      authorHandle: 'TestUser123',
      authorUrl: 'https://x.com/TestUser123',
      text: "Democrat Shutdown Jeopardizes America's Skies",
      postedAt: '2025-10-23T16:34:09.000Z',
      reach: { replies: 48, reposts: 152, likes: 553, views: 30142 },
    });
    expect(PostSchema.parse(post)).toEqual(post);
  });

  it('reads the counts from buttons outside the action bar when the bar holds none (a layout change)', () => {
    const doc = loadXFixture('sample');
    const article = xAdapter.findPosts(doc)[0];
    const bar = article?.querySelector('[role="group"][aria-label]');
    if (!article || !bar) throw new Error('capture without an action bar');
    const buttons = bar.cloneNode(true) as Element;
    buttons.removeAttribute('role');
    buttons.removeAttribute('aria-label');
    bar.replaceChildren();
    // A bar label without counts: the counts can only come from the buttons.
    bar.setAttribute('aria-label', 'Actions');
    article.append(buttons);
    expect(only(doc).reach).toEqual({ replies: 48, reposts: 152, likes: 553 });
  });

  it('reads the quoting tweet, not the quoted one', () => {
    const post = only(loadXFixture('quote'));
    expect(post.postId).toBe('1983130065320780162');
    expect(post.authorHandle).toBe('TestQuoter');
    expect(post.authorName).toBe('Test Quoter');
    expect(post.text).toBe('This is a quote tweet with additional commentary');
    expect(post.postedAt).toBe('2025-10-28T11:13:47.000Z');
    expect(post.reach).toEqual({ replies: 2534, reposts: 4483, likes: 25616, views: 2596467 });
  });

  it('reads the quote-with-video capture, whose action bar the markup nests inside the quote block', () => {
    const post = only(loadXFixture('quoteVideo'));
    expect(post.postId).toBe('1983128852952998358');
    expect(post.url).toBe('https://x.com/QuotingUser/status/1983128852952998358');
    expect(post.authorName).toBe('Quoting User');
    expect(post.text).toBe('How to share Example.com links');
    expect(post.postedAt).toBe('2025-10-28T11:08:57.000Z');
    expect(post.reach).toEqual({ replies: 972, reposts: 2370, likes: 11313, views: 2195266 });
  });
});

describe('xAdapter on the authored search timeline', () => {
  const doc = loadXFixture('timeline');
  const posts = readAll(doc);

  it('finds every tweet article and reads each into a valid Post', () => {
    expect(posts).toHaveLength(9);
    for (const post of posts) expect(PostSchema.safeParse(post).success).toBe(true);
    expect(posts.map((post) => post?.postId)).toEqual([
      '1991000000000000001',
      '1991000000000000002',
      '1991000000000000003',
      '1991000000000000004',
      '1991000000000000006',
      '1991000000000000007',
      '1991000000000000008',
      '1991000000000000009',
      '1991000000000000010',
    ]);
  });

  it('restores emoji from <img alt> in text and names', () => {
    expect(posts[0]?.text).toBe('@AcmeSupport my flight was cancelled AGAIN 😡 three hours on hold and nobody answers. #AcmeFail');
    expect(posts[1]?.authorName).toBe('Sam ✈️ Lee');
    expect(posts[1]?.text).toBe("Shoutout to Acme's crew in Denver, fastest bag drop ever 🙌✈️");
  });

  it('marks replies and puts the replied-to handles first, as the X API does', () => {
    expect(posts[2]?.kind).toBe('reply');
    expect(posts[2]?.text).toBe('@AcmeSupport Still waiting on my refund, 6 weeks now. Please DM me.');
    expect(posts[4]?.kind).toBe('reply');
    expect(posts[4]?.authorHandle).toBe('AcmeSupport');
    expect(posts[0]?.kind).toBe('post');
  });

  it('keeps only the quoting text of a quote tweet', () => {
    expect(posts[3]?.text).toBe('This is ridiculous. Never again.');
    expect(posts[3]?.postedAt).toBe('2025-11-20T06:30:00.000Z');
    expect(posts[3]?.reach).toEqual({ replies: 31, reposts: 120, likes: 870, views: 120455 });
  });

  it('reads hostile markup as plain text', () => {
    expect(posts[5]?.text).toBe('<img src=x onerror=alert(1)> acme refund scam <script>alert(2)</script>');
    expect(posts[5]?.authorName).toBe('Mallory <b onmouseover=alert(3)>x</b>');
  });

  it('reads right-to-left text unchanged', () => {
    expect(posts[8]?.text).toBe('خدمة Acme سيئة جدا، حقيبتي ضاعت');
    expect(posts[8]?.authorName).toBe('نورة');
  });

  it('skips the placeholder cell (no article)', () => {
    const cells = doc.querySelectorAll('[data-testid="cellInnerDiv"]');
    expect(cells).toHaveLength(10);
    expect(xAdapter.findPosts(cells[4] as Element)).toEqual([]);
  });
});

describe('xAdapter details', () => {
  it('returns null for an article without a permalink (tombstone / placeholder)', () => {
    const doc = new DOMParser().parseFromString(
      '<article data-testid="tweet"><div data-testid="tweetText">This post is unavailable.</div></article>',
      'text/html',
    );
    const [article] = xAdapter.findPosts(doc);
    expect(article).toBeDefined();
    expect(xAdapter.readPost(article as Element, window)).toBeNull();
  });

  it('finds only outermost articles when an old layout nests the quoted post as an article', () => {
    const doc = new DOMParser().parseFromString(
      `<article data-testid="tweet" id="outer">
         <a href="/a/status/1"><time datetime="2025-01-01T00:00:00.000Z">1h</time></a>
         <div data-testid="tweetText">outer</div>
         <article data-testid="tweet" id="inner">
           <a href="/b/status/2"><time datetime="2025-01-01T00:00:00.000Z">2h</time></a>
           <div data-testid="tweetText">inner</div>
         </article>
       </article>`,
      'text/html',
    );
    const found = xAdapter.findPosts(doc);
    expect(found.map((element) => element.id)).toEqual(['outer']);
    const post = xAdapter.readPost(found[0] as Element, window);
    expect(post?.postId).toBe('1');
    expect(post?.text).toBe('outer');
  });

  it('finds nested articles nowhere, even searching from inside a post or after it', () => {
    const doc = new DOMParser().parseFromString(
      `<div id="timeline">
         <div id="cell1"><article data-testid="tweet" id="a"><div id="body"><article data-testid="tweet" id="a-quote">
           <article data-testid="tweet" id="a-quote-quote"></article></article></div></article></div>
         <div id="cell2"><article data-testid="tweet" id="b"></article></div>
       </div>`,
      'text/html',
    );
    const ids = (root: ParentNode) => xAdapter.findPosts(root).map((element) => element.id);
    expect(ids(doc)).toEqual(['a', 'b']);
    expect(ids(doc.getElementById('timeline') as Element)).toEqual(['a', 'b']);
    expect(ids(doc.getElementById('cell2') as Element)).toEqual(['b']);
    // A subtree added inside a post (e.g. a quote rendered late) holds no post of its own.
    expect(ids(doc.getElementById('body') as Element)).toEqual([]);
  });

  it('clamps oversized text', () => {
    const doc = new DOMParser().parseFromString(
      `<article data-testid="tweet"><a href="/a/status/1"><time datetime="2025-01-01T00:00:00Z">1h</time></a>
       <div data-testid="tweetText"><span>${'a'.repeat(12_000)}</span></div></article>`,
      'text/html',
    );
    const post = xAdapter.readPost(xAdapter.findPosts(doc)[0] as Element, window);
    expect(post?.text).toHaveLength(10_000);
    expect(post?.text.endsWith('…')).toBe(true);
  });

  it('turns <br> into a line break', () => {
    const doc = new DOMParser().parseFromString('<div>one<br>two<img alt="🙂">three</div>', 'text/html');
    expect(readRichText(doc.body.firstElementChild as Element)).toBe('one\ntwo🙂three');
  });

  it('anchors the control after the action bar row, or at the end of the article', () => {
    const doc = loadXFixture('quote');
    const [article] = xAdapter.findPosts(doc);
    const anchor = xAdapter.anchorFor(article as Element);
    expect(anchor?.position).toBe('afterend');
    expect(anchor?.element.querySelector('[role="group"]')).not.toBeNull();

    const bare = new DOMParser().parseFromString('<article data-testid="tweet"></article>', 'text/html');
    const bareArticle = xAdapter.findPosts(bare)[0] as Element;
    expect(xAdapter.anchorFor(bareArticle)).toEqual({ element: bareArticle, position: 'beforeend' });
  });

  it('opens the reply composer by clicking the post’s own reply button', () => {
    const doc = loadXFixture('quote');
    const [article] = xAdapter.findPosts(doc) as [Element];
    let clicked = 0;
    article.querySelector('[data-testid="reply"]')?.addEventListener('click', () => (clicked += 1));
    expect(xAdapter.openReplyComposer(article, window)).toBe(true);
    expect(clicked).toBe(1);
    const bare = new DOMParser().parseFromString('<article data-testid="tweet"></article>', 'text/html');
    expect(xAdapter.openReplyComposer(xAdapter.findPosts(bare)[0] as Element, window)).toBe(false);
  });

  it('knows which X pages should show posts', () => {
    expect(xAdapter.expectsPosts(new URL('https://x.com/search?q=acme'))).toBe(true);
    expect(xAdapter.expectsPosts(new URL('https://x.com/AcmeSupport/status/123'))).toBe(true);
    expect(xAdapter.expectsPosts(new URL('https://x.com/settings/account'))).toBe(false);
    expect(xAdapter.expectsPosts(new URL('https://x.com/messages'))).toBe(false);
  });
});
