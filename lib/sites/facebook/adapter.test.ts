import { describe, expect, it, vi } from 'vitest';
import { MAX_POST_TEXT, PostSchema, type Post } from '../../domain/post';
import { loadFacebookFixture, windowAt, type FacebookFixture } from '../../../tests/fixtures/facebook/load';
import { facebookAdapter as adapter } from './adapter';

const win = windowAt('https://www.facebook.com/');

function readAll(fixture: FacebookFixture | Document): Post[] {
  const doc = typeof fixture === 'string' ? loadFacebookFixture(fixture) : fixture;
  return adapter
    .findPosts(doc)
    .map((element) => adapter.readPost(element, win))
    .filter((post): post is Post => post !== null);
}

describe('Facebook URLs', () => {
  it('expects posts on feeds and permalinks, not on profiles, Messenger or the touch site', () => {
    for (const url of [
      'https://www.facebook.com/',
      'https://www.facebook.com/?filter=all&sk=h_chr',
      'https://www.facebook.com/groups/feed/',
      'https://www.facebook.com/AcmeAir/posts/pfbid0Acme7hT2kQ9mZ4xW1vR8sN3bL6cY5dJ',
      'https://www.facebook.com/permalink.php?story_fbid=1&id=2',
      'https://web.facebook.com/groups/acmeflyers/posts/7234567890123456/',
      // The real capture's canonical address: a Bengali slug before the post id.
      'https://www.facebook.com/salmanmd.sultan.1/posts/closed%E0%A6%88%E0%A6%A6-%E0%A6%89%E0%A6%AA%E0%A6%B2%E0%A6%95%E0%A7%8D%E0%A6%B7%E0%A7%87-system-design/3741738029450159/',
    ]) {
      expect(adapter.expectsPosts(new URL(url)), url).toBe(true);
    }
    for (const url of [
      'https://www.facebook.com/AcmeAir',
      'https://www.facebook.com/messages/t/123',
      'https://www.facebook.com/marketplace/',
      'https://m.facebook.com/',
    ]) {
      expect(adapter.expectsPosts(new URL(url)), url).toBe(false);
    }
  });
});

describe('home feed (feed.html)', () => {
  const doc = loadFacebookFixture('feed');

  it('finds 3 posts, the comment in post 2, and the placeholder, in document order', () => {
    const elements = adapter.findPosts(doc);
    expect(elements).toHaveLength(5);
    expect(elements.map((element) => adapter.readPost(element, win)?.postId ?? null)).toEqual([
      'pfbid02Xk7u9mJqV3hL4sT1wY8bN5cR2dF6gHaZ',
      '7234567890123456',
      '7234567890123456_c7234999999999999',
      'pfbid0Tq8Wm3Lk2Zr7Yd1Xc5Vb9Nf4Gh6Jp',
      null, // loading placeholder
    ]);
  });

  it('reads a profile post: tracking stripped, emoji from <img alt>, "See more" left out, counts', () => {
    expect(readAll(doc)[0]).toEqual({
      platform: 'facebook',
      postId: 'pfbid02Xk7u9mJqV3hL4sT1wY8bN5cR2dF6gHaZ',
      kind: 'post',
      url: 'https://www.facebook.com/jane.doe.5521/posts/pfbid02Xk7u9mJqV3hL4sT1wY8bN5cR2dF6gHaZ',
      authorName: 'Jane Doe',
      authorUrl: 'https://www.facebook.com/jane.doe.5521',
      text:
        'Three hours on hold with Acme Air and nobody picks up 😡\n' +
        'My flight AC 123 was cancelled and the refund form just errors out. #AcmeFail Does anyone know a phone number that…',
      reach: { likes: 1200, replies: 48, reposts: 12 },
    });
  });

  it('reads a group post and its comment', () => {
    const [, group, comment] = readAll(doc);
    expect(group).toEqual({
      platform: 'facebook',
      postId: '7234567890123456',
      kind: 'post',
      url: 'https://www.facebook.com/groups/acmeflyers/posts/7234567890123456',
      authorName: 'Sam Lee',
      authorUrl: 'https://www.facebook.com/profile.php?id=100004455667788',
      authorId: '100004455667788',
      text:
        'Lost bag update, day 4.\n' +
        'The tracker still says "in transit" and the Acme claim line hangs up after 40 minutes.\n' +
        'Anyone had luck with the online form?',
      // "Mia Chen and 6 others" = 7; the comment's own "2 reactions" is not the post's.
      reach: { likes: 7, replies: 3 },
    });
    expect(comment).toEqual({
      platform: 'facebook',
      postId: '7234567890123456_c7234999999999999',
      kind: 'comment',
      inReplyTo: '7234567890123456',
      url: 'https://www.facebook.com/groups/acmeflyers/posts/7234567890123456?comment_id=7234999999999999',
      authorName: 'Mia Chen',
      authorUrl: 'https://www.facebook.com/profile.php?id=100007788990011',
      authorId: '100007788990011',
      text: 'Same thing happened to me with Acme last week.',
      reach: { likes: 2 },
    });
  });

  it('keeps only story_fbid and id of a permalink.php link (drops mibextid, rdid, __cft__, __tn__)', () => {
    expect(readAll(doc)[3]).toMatchObject({
      postId: 'pfbid0Tq8Wm3Lk2Zr7Yd1Xc5Vb9Nf4Gh6Jp',
      url: 'https://www.facebook.com/permalink.php?story_fbid=pfbid0Tq8Wm3Lk2Zr7Yd1Xc5Vb9Nf4Gh6Jp&id=100012345678901',
      authorId: '100012345678901',
      text: 'Fresh air and a long walk fixes most things 🌲',
      reach: { likes: 7 },
    });
  });

  it('reads the same ids from a fresh parse (keys survive reloads)', () => {
    expect(readAll('feed').map((post) => post.postId)).toEqual(readAll(doc).map((post) => post.postId));
  });
});

describe('post with comments and replies (post-comments.html)', () => {
  const doc = loadFacebookFixture('postComments');
  const posts = readAll(doc);
  const post = 'https://www.facebook.com/AcmeAir/posts/pfbid0Acme7hT2kQ9mZ4xW1vR8sN3bL6cY5dJ';

  it('reads the post, 3 comments and 1 reply once each (the hidden duplicate is dropped)', () => {
    expect(posts.map((p) => [p.kind, p.postId])).toEqual([
      ['post', 'pfbid0Acme7hT2kQ9mZ4xW1vR8sN3bL6cY5dJ'],
      ['comment', 'pfbid0Acme7hT2kQ9mZ4xW1vR8sN3bL6cY5dJ_c1111111111111111'],
      ['comment', 'pfbid0Acme7hT2kQ9mZ4xW1vR8sN3bL6cY5dJ_c1111111111111111_r2222222222222222'],
      ['comment', 'pfbid0Acme7hT2kQ9mZ4xW1vR8sN3bL6cY5dJ_c3333333333333333'],
      ['comment', 'pfbid0Acme7hT2kQ9mZ4xW1vR8sN3bL6cY5dJ_c4444444444444444'],
    ]);
    expect(doc.querySelectorAll('[role="article"][aria-label^="Comment by Riley Park"]')).toHaveLength(2);
  });

  it('reads the post', () => {
    expect(posts[0]).toEqual({
      platform: 'facebook',
      postId: 'pfbid0Acme7hT2kQ9mZ4xW1vR8sN3bL6cY5dJ',
      kind: 'post',
      url: post,
      authorName: 'Acme Air',
      authorUrl: 'https://www.facebook.com/AcmeAir',
      text:
        'Travel update: storms at our Denver hub are causing delays this afternoon ⛈️\n' +
        'Check your flight status in the app before heading to the airport. Rebooking is free for flights today.',
      reach: { likes: 230, replies: 4, reposts: 2 },
    });
  });

  it('reads a comment (author from its name link, not the tracking comment_id on that link)', () => {
    expect(posts[1]).toEqual({
      platform: 'facebook',
      postId: 'pfbid0Acme7hT2kQ9mZ4xW1vR8sN3bL6cY5dJ_c1111111111111111',
      kind: 'comment',
      inReplyTo: 'pfbid0Acme7hT2kQ9mZ4xW1vR8sN3bL6cY5dJ',
      url: `${post}?comment_id=1111111111111111`,
      authorName: 'Riley Park',
      authorUrl: 'https://www.facebook.com/riley.park.9',
      text: 'Still waiting on my refund from March 🙄 case number 48213, nobody answers.',
      reach: { likes: 5 },
    });
  });

  it('reads a reply as a comment with its own id', () => {
    expect(posts[2]).toEqual({
      platform: 'facebook',
      postId: 'pfbid0Acme7hT2kQ9mZ4xW1vR8sN3bL6cY5dJ_c1111111111111111_r2222222222222222',
      kind: 'comment',
      // A reply answers its comment.
      inReplyTo: 'pfbid0Acme7hT2kQ9mZ4xW1vR8sN3bL6cY5dJ_c1111111111111111',
      url: `${post}?comment_id=1111111111111111&reply_comment_id=2222222222222222`,
      authorName: 'Acme Air',
      authorUrl: 'https://www.facebook.com/AcmeAir',
      text: 'Hi Riley, sorry about the wait. Please send us a private message with your booking reference. ^MK',
      reach: {},
    });
  });

  it('reads a base64 comment id and a cut comment without its "See more" control', () => {
    expect(posts[3]).toMatchObject({
      postId: 'pfbid0Acme7hT2kQ9mZ4xW1vR8sN3bL6cY5dJ_c3333333333333333',
      url: `${post}?comment_id=3333333333333333`,
      authorName: 'Noor Haddad',
    });
    expect(posts[3]?.text.endsWith('This is the second time this year that…')).toBe(true);
    expect(posts[3]?.text).not.toContain('See more');
  });

  it("keeps a commenter's name when their profile link is /people/<Name>/<pfbid...>/ (no numeric id)", () => {
    const copy = loadFacebookFixture('postComments');
    const noor = copy.querySelector('[role="article"][aria-label^="Comment by Noor"]')!;
    for (const link of noor.querySelectorAll('a[href^="https://www.facebook.com/noor.haddad.31"]')) {
      link.setAttribute(
        'href',
        'https://www.facebook.com/people/Noor-Haddad/pfbid02Xk7Qm9Zr4Tb8Lw3Hs6Nd1Jc5Vf2Gp/?__cft__[0]=AZX8&__tn__=R]-R',
      );
    }
    const comment = readAll(copy).find((post) => post.postId.endsWith('_c3333333333333333'));
    expect(comment).toMatchObject({
      authorName: 'Noor Haddad',
      authorUrl: 'https://www.facebook.com/people/Noor-Haddad/pfbid02Xk7Qm9Zr4Tb8Lw3Hs6Nd1Jc5Vf2Gp',
    });
    expect(comment?.authorId).toBeUndefined();
  });

  it('reads an emoji-only comment', () => {
    expect(posts[4]).toMatchObject({ text: '😡😡', authorId: '100055566677788', reach: { likes: 1 } });
  });

  it('keeps the visible copy when the hidden duplicate comes first', () => {
    const copy = loadFacebookFixture('postComments');
    const hidden = copy.querySelector('[style="display: none;"]');
    const list = copy.querySelector('[role="article"][aria-label^="Comment by Noor"]')?.closest('ul');
    expect(hidden && list).toBeTruthy();
    list?.before(hidden!);
    const elements = adapter.findPosts(copy);
    const riley = elements.filter((element) => element.getAttribute('aria-label')?.startsWith('Comment by Riley'));
    expect(riley).toHaveLength(1);
    expect(riley[0]?.closest('[style="display: none;"]')).toBeNull();
  });
});

describe('post dialog (dialog.html)', () => {
  it('reads the feed copy and the dialog copy as one post key, and the dialog comment', () => {
    const doc = loadFacebookFixture('dialog');
    const elements = adapter.findPosts(doc);
    const posts = elements.map((element) => adapter.readPost(element, win));
    expect(posts.map((post) => post?.postId)).toEqual([
      'pfbid0DanaQ4mT8xK2wZ6vB1nR7sL3cY9hJ',
      'pfbid0DanaQ4mT8xK2wZ6vB1nR7sL3cY9hJ',
      'pfbid0DanaQ4mT8xK2wZ6vB1nR7sL3cY9hJ_c5555555555555555',
    ]);
    expect(elements[1]?.closest('[role="dialog"]')).not.toBeNull();
    expect(posts[0]).toEqual(posts[1]);
    expect(posts[1]).toMatchObject({
      authorName: 'Dana Cruz',
      text: 'Acme Air charged my card twice for the same seat upgrade. Two weeks, three emails, zero answers.',
      reach: { likes: 64, replies: 1, reposts: 9 },
    });
    expect(posts[2]).toMatchObject({ kind: 'comment', authorName: 'Lee Park', reach: { likes: 3 } });
  });
});

describe('edge cases (edge-cases.html)', () => {
  const doc = loadFacebookFixture('edgeCases');
  const posts = readAll(doc);

  it('keeps hostile markup as text and creates no elements from it', () => {
    expect(posts[0]).toEqual({
      platform: 'facebook',
      postId: 'pfbid0EveH4x0rQ2mZ8wK1vT7sN3bL6cY5dJ',
      kind: 'post',
      url: 'https://www.facebook.com/eve.hacker.1/posts/pfbid0EveH4x0rQ2mZ8wK1vT7sN3bL6cY5dJ',
      // javascript: author link: no authorUrl.
      authorName: '<b>Eve</b> <img src=x onerror=alert(1)>',
      text:
        'Acme <script>alert("x")</script> & <img src=x onerror=alert(1)> \u202eRTL override\u202c مرحبا Acme\n' + 'See this and that post',
      reach: { likes: 3 },
    });
    expect(doc.querySelectorAll('script, b, img[src="x"]')).toHaveLength(0);
  });

  it('does not take a link in the body (to another post) for the permalink', () => {
    expect(posts[0]?.postId).not.toBe('999999999');
  });

  it('clamps an oversized body to MAX_POST_TEXT', () => {
    expect(posts[1]?.postId).toBe('pfbid0LongT3xtQ2mZ8wK1vT7sN3bL6cY5dJ');
    expect(posts[1]?.text).toHaveLength(MAX_POST_TEXT);
    expect(posts[1]?.text.endsWith('…')).toBe(true);
  });

  it('takes the permalink from comment links when the timestamp href is not filled in yet', () => {
    expect(posts[2]).toMatchObject({
      postId: 'pfbid0LazyHr3fQ2mZ8wK1vT7sN3bL6cY5dJ',
      url: 'https://www.facebook.com/AcmeAir/posts/pfbid0LazyHr3fQ2mZ8wK1vT7sN3bL6cY5dJ',
      reach: { likes: 12, replies: 1 },
    });
    expect(posts[3]).toMatchObject({
      kind: 'comment',
      postId: 'pfbid0LazyHr3fQ2mZ8wK1vT7sN3bL6cY5dJ_c6666666666666666',
    });
  });

  it('identifies a photo-only post by its photo link and reads abbr[data-utime]', () => {
    expect(posts[4]).toEqual({
      platform: 'facebook',
      postId: '4444444444444444',
      kind: 'post',
      url: 'https://www.facebook.com/permalink.php?story_fbid=4444444444444444',
      authorName: 'Photo Person',
      authorUrl: 'https://www.facebook.com/photo.person',
      text: '',
      postedAt: '2024-11-24T09:20:00.000Z',
      reach: { likes: 5 },
    });
  });

  it('ignores a data-utime no Date can hold instead of throwing', () => {
    const copy = loadFacebookFixture('edgeCases');
    copy.querySelector('abbr[data-utime]')?.setAttribute('data-utime', '99999999999999999');
    const photoPost = readAll(copy)[4];
    expect(photoPost?.postId).toBe('4444444444444444');
    expect(photoPost?.postedAt).toBeUndefined();
  });

  it('falls back to a hash of author and text when a post shows no link at all', () => {
    const fallback = posts[5];
    expect(fallback?.postId).toMatch(/^h[0-9a-z]{8,14}$/);
    expect(fallback?.url).toBe('https://www.facebook.com/');
    expect(fallback?.text).toBe('Acme Air gate agents in Lisbon were wonderful today 🙏');
    // Same post on a fresh parse → same id; different text → different id.
    expect(readAll('edgeCases')[5]?.postId).toBe(fallback?.postId);
    const changed = loadFacebookFixture('edgeCases');
    const body = changed.querySelectorAll('[aria-posinset="5"] div[dir="auto"][style*="text-align"]')[0];
    body?.append(' and friendly');
    expect(readAll(changed)[5]?.postId).not.toBe(fallback?.postId);
  });

  it('every post it reads is a valid Post', () => {
    for (const post of posts) expect(PostSchema.safeParse(post).success, post.postId).toBe(true);
  });
});

describe('logged-out Page with embedded JSON (page-logged-out.html)', () => {
  const posts = readAll('loggedOut');

  it('identifies a post without a permalink by its text in the JSON, and takes the full text', () => {
    expect(posts[0]).toEqual({
      platform: 'facebook',
      postId: 'pfbid0LoggedOutA7hT2kQ9mZ4xW1vR8sN3bL',
      kind: 'post',
      url: 'https://www.facebook.com/permalink.php?story_fbid=pfbid0LoggedOutA7hT2kQ9mZ4xW1vR8sN3bL&id=100064123456789',
      authorName: 'Acme Air',
      authorUrl: 'https://www.facebook.com/AcmeAir',
      authorId: '100064123456789',
      text: expect.stringMatching(/^Update on today's Lisbon delays: .* We are sorry for the disruption\.$/) as string,
      postedAt: new Date(1732443600 * 1000).toISOString(),
      reach: { likes: 15, reposts: 1, replies: 4 },
    });
  });

  it('adds time, author id and counts to a post found by permalink', () => {
    expect(posts[1]).toMatchObject({
      postId: 'pfbid0LoggedOutB7hT2kQ9mZ4xW1vR8sN3bL',
      authorId: '100064123456789',
      text: 'Our new Lisbon lounge opens on Monday.',
      postedAt: new Date(1732357200 * 1000).toISOString(),
      reach: { likes: 42, reposts: 3, replies: 7 },
    });
  });

  it('without the JSON, the same cut post gets a fallback id and keeps its visible text', () => {
    const doc = loadFacebookFixture('loggedOut');
    doc.querySelector('script[data-sjs]')?.remove();
    const [first] = readAll(doc);
    expect(first?.postId).toMatch(/^h/);
    expect(first?.text.endsWith('…')).toBe(true);
    expect(first?.postedAt).toBeUndefined();
  });

  it('picks up JSON that arrives after the first read (scripts appended later)', () => {
    const doc = loadFacebookFixture('loggedOut');
    const script = doc.querySelector('script[data-sjs]')!;
    script.remove();
    expect(readAll(doc)[0]?.postId).toMatch(/^h/);
    doc.body.append(script);
    expect(readAll(doc)[0]?.postId).toBe('pfbid0LoggedOutA7hT2kQ9mZ4xW1vR8sN3bL');
  });
});

describe('real logged-out pages (server HTML, nothing rendered)', () => {
  it.each(['realPageA', 'realPageB'] as const)('%s has no post elements', (fixture) => {
    expect(adapter.findPosts(loadFacebookFixture(fixture))).toEqual([]);
  });
});

describe('inline control anchor', () => {
  it('goes after a post body, or after the comment action row', () => {
    const doc = loadFacebookFixture('postComments');
    const [post, comment] = adapter.findPosts(doc);
    const postAnchor = adapter.anchorFor(post!);
    expect(postAnchor?.position).toBe('afterend');
    expect(postAnchor?.element.matches('[data-ad-rendering-role="story_message"]')).toBe(true);
    const commentAnchor = adapter.anchorFor(comment!);
    expect(commentAnchor?.position).toBe('afterend');
    expect(commentAnchor?.element.tagName).toBe('UL');
    expect(commentAnchor?.element.closest('[role="article"]')).toBe(comment);
  });

  it('goes after the header of a post without a body', () => {
    const doc = loadFacebookFixture('edgeCases');
    const photoPost = doc.querySelector('[aria-posinset="4"]')!;
    expect(adapter.anchorFor(photoPost)).toEqual({ element: photoPost.querySelector('h3'), position: 'afterend' });
  });
});

describe('openReplyComposer', () => {
  it("focuses the post's composer when one is on screen", () => {
    const doc = loadFacebookFixture('postComments');
    const [post] = adapter.findPosts(doc);
    const composer = post!.querySelector<HTMLElement>('[role="textbox"]')!;
    const focus = vi.spyOn(composer, 'focus');
    expect(adapter.openReplyComposer(post!, win)).toBe(true);
    expect(focus).toHaveBeenCalledOnce();
  });

  it('clicks "Leave a comment" otherwise', () => {
    const doc = loadFacebookFixture('feed');
    const [post] = adapter.findPosts(doc);
    const button = post!.querySelector<HTMLElement>('[aria-label="Leave a comment"]')!;
    const click = vi.fn();
    button.addEventListener('click', click);
    expect(adapter.openReplyComposer(post!, win)).toBe(true);
    expect(click).toHaveBeenCalledOnce();
  });

  it("clicks a comment's own Reply button", () => {
    const doc = loadFacebookFixture('postComments');
    const comment = adapter.findPosts(doc)[1]!;
    const reply = [...comment.querySelectorAll<HTMLElement>('[role="button"]')].find((b) => b.textContent === 'Reply')!;
    const click = vi.fn();
    reply.addEventListener('click', click);
    expect(adapter.openReplyComposer(comment, win)).toBe(true);
    expect(click).toHaveBeenCalledOnce();
  });

  it('says so when there is nothing to open', () => {
    const doc = loadFacebookFixture('feed');
    const placeholder = doc.querySelector('[aria-posinset="4"]')!;
    expect(adapter.openReplyComposer(placeholder, win)).toBe(false);
  });
});

describe('group feed with units that have no role="article" (group-feed.html)', () => {
  const groupWin = windowAt('https://www.facebook.com/groups/acmeflyers/');
  const doc = loadFacebookFixture('groupFeed');
  const posts = adapter
    .findPosts(doc)
    .map((element) => adapter.readPost(element, groupWin))
    .filter((post): post is Post => post !== null);

  it('reads the marker-only units as posts, in page order, with author, permalink and counts', () => {
    expect(posts.map((post) => [post.kind, post.authorName, post.url])).toEqual([
      ['post', 'Priya Shah', 'https://www.facebook.com/groups/acmeflyers/posts/7234567890123456'],
      ['post', 'Globex Travel', 'https://www.facebook.com/groups/acmeflyers/'],
      ['post', 'Tom Berg', 'https://www.facebook.com/groups/acmeflyers/posts/7234567890129999'],
    ]);
    expect(posts[0]).toMatchObject({
      postId: '7234567890123456',
      authorUrl: 'https://www.facebook.com/profile.php?id=100004455667788',
      authorId: '100004455667788',
      text: 'Acme Air cancelled my flight to Lisbon the night before and nobody answers the phone.\nHas anyone here got a refund from them?',
      reach: { likes: 12, replies: 8 },
    });
    for (const post of posts) expect(PostSchema.safeParse(post).success, post.postId).toBe(true);
  });

  it('marks the sponsored post, and only it', () => {
    expect(posts.map((post) => post.sponsored)).toEqual([undefined, true, undefined]);
  });

  it('puts the control after the body of a marker-only unit', () => {
    const [unit] = adapter.findPosts(doc);
    expect(adapter.anchorFor(unit!)?.element.textContent).toContain('Has anyone here got a refund');
  });

  it('does not take a lone author name (no body, no permalink) for a post', () => {
    const copy = loadFacebookFixture('groupFeed');
    copy
      .querySelector('[role="feed"]')!
      .insertAdjacentHTML(
        'beforeend',
        '<div><div data-ad-rendering-role="profile_name"><a href="https://www.facebook.com/someone">Someone</a></div><span>Add friend</span></div>',
      );
    expect(adapter.findPosts(copy)).toHaveLength(3);
  });
});

describe('sponsored posts', () => {
  const unit = (header: string) =>
    new DOMParser().parseFromString(
      `<div role="feed"><div aria-posinset="1"><h3><a href="https://www.facebook.com/GlobexTravel">Globex</a></h3>${header}` +
        '<div data-ad-rendering-role="story_message"><div dir="auto" style="text-align: start;">Sponsored by nobody, Acme Air lost my bag</div></div></div></div>',
      'text/html',
    );
  const read = (doc: Document) => adapter.readPost(adapter.findPosts(doc)[0]!, win);

  it.each([
    ['an ad-info link', '<a href="https://www.facebook.com/ads/about/?entry_product=ad_preferences">·</a>'],
    ['a link named Sponsored', '<a aria-label="Sponsored" href="#">·</a>'],
    ['a German label', '<span>Gesponsert</span>'],
    ['a Korean label named through aria-labelledby', '<a aria-labelledby="l1" href="#"><span>광</span></a><span id="l1">광고</span>'],
  ])('knows one by %s', (_name, header) => {
    expect(read(unit(header))?.sponsored).toBe(true);
  });

  it('does not take "Sponsored" typed in the body for the label', () => {
    const post = read(unit('<span>2h</span>'));
    expect(post?.sponsored).toBeUndefined();
    expect(post?.text).toContain('Sponsored by nobody');
  });
});

describe('real rendered post permalink with 10 comments (rendered-post-permalink-comments.html, real capture)', () => {
  const permalinkWin = windowAt('https://www.facebook.com/salmanmd.sultan.1/posts/3741738029450159/');
  const doc = loadFacebookFixture('realPermalink');
  const posts = adapter
    .findPosts(doc)
    .map((element) => adapter.readPost(element, permalinkWin))
    .filter((post): post is Post => post !== null);

  it('reads the post and all 10 comments, each once, with author and text', () => {
    expect(doc.querySelectorAll('[role="article"][aria-label^="Comment by"]')).toHaveLength(10);
    expect(posts.map((post) => post.kind)).toEqual(['post', ...Array<string>(10).fill('comment')]);
    expect(new Set(posts.map((post) => post.postId)).size).toBe(11);
    for (const post of posts) {
      expect(post.authorName).toBe('Salman Mohammad Sultan');
      expect(post.authorUrl).toBe('https://www.facebook.com/salmanmd.sultan.1');
      expect(post.text.length).toBeGreaterThan(20);
      expect(post.sponsored).toBeUndefined();
      expect(PostSchema.safeParse(post).success, post.postId).toBe(true);
    }
    expect(posts[1]?.postId).toBe('pfbid02pmb12q1MvJtRmoNbehRRgzd48vLkUZca1mV5L4AKZq4MsLK52Kgmjag2hvQoFQwhl_c1772521800368774');
  });

  it('reads the post with its time, author id and counts', () => {
    expect(posts[0]).toMatchObject({
      postedAt: '2025-05-30T05:02:05.000Z',
      authorId: '100008419968650',
      reach: { replies: 782, reposts: 114, likes: 369 },
    });
    expect(posts[0]?.text.startsWith('Closed\n\nঈদ উপলক্ষে')).toBe(true);
  });
});
