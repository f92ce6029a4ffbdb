import { describe, expect, it } from 'vitest';
import { commentIdentity, normalizeCommentId, parseCommentLink, parsePostLink, parseProfileLink } from './permalink';

const TRACKING = '__cft__[0]=AZWq3mY8vR2kLp0sX7tN4bH1cJ9dF6gQ&__tn__=%2CO%2CP-R';

describe('parsePostLink', () => {
  it.each([
    [
      `https://www.facebook.com/AcmeAir/posts/pfbid02Xk7u9mJqV3hL4sT1wY8bN5cR2dF6gHaZ?${TRACKING}`,
      'pfbid02Xk7u9mJqV3hL4sT1wY8bN5cR2dF6gHaZ',
      'https://www.facebook.com/AcmeAir/posts/pfbid02Xk7u9mJqV3hL4sT1wY8bN5cR2dF6gHaZ',
    ],
    [
      `https://web.facebook.com/jane.doe.5521/posts/918273645546372/?${TRACKING}&mibextid=Nif5oz&rdid=Xy12Ab`,
      '918273645546372',
      'https://www.facebook.com/jane.doe.5521/posts/918273645546372',
    ],
    [
      // The real pages' wwwURL (garcon-real-page-b-text-story.html).
      'https://www.facebook.com/permalink.php?story_fbid=pfbid0dcnDxDnFgyioPGkFVUBAmULwCScvaTSzro4YSANJo7NiV9GwMRJqDisVM3hc8c19l&id=100028295814975',
      'pfbid0dcnDxDnFgyioPGkFVUBAmULwCScvaTSzro4YSANJo7NiV9GwMRJqDisVM3hc8c19l',
      'https://www.facebook.com/permalink.php?story_fbid=pfbid0dcnDxDnFgyioPGkFVUBAmULwCScvaTSzro4YSANJo7NiV9GwMRJqDisVM3hc8c19l&id=100028295814975',
    ],
    [
      `/story.php?id=100012345678901&story_fbid=1234567890&${TRACKING}`,
      '1234567890',
      'https://www.facebook.com/permalink.php?story_fbid=1234567890&id=100012345678901',
    ],
    [
      `https://m.facebook.com/groups/acmeflyers/posts/7234567890123456/?${TRACKING}`,
      '7234567890123456',
      'https://www.facebook.com/groups/acmeflyers/posts/7234567890123456',
    ],
    [
      'https://www.facebook.com/groups/123456789/permalink/7234567890123456/',
      '7234567890123456',
      'https://www.facebook.com/groups/123456789/posts/7234567890123456',
    ],
    [
      `https://www.facebook.com/photo/?fbid=1029384756&set=pcb.4444444444444444&${TRACKING}`,
      '4444444444444444',
      'https://www.facebook.com/permalink.php?story_fbid=4444444444444444',
    ],
  ])('reads %s', (href, postId, url) => {
    expect(parsePostLink(href)).toEqual({ postId, url });
  });

  it('gives the same identity to the same post under different hosts and tracking', () => {
    const a = parsePostLink(`https://www.facebook.com/AcmeAir/posts/pfbid0Abc?${TRACKING}`);
    const b = parsePostLink('https://web.facebook.com/AcmeAir/posts/pfbid0Abc/?ref=share&mibextid=WC7FNe');
    expect(a).not.toBeNull();
    expect(a).toEqual(b);
  });

  it.each([
    ['another host', 'https://evil.example/AcmeAir/posts/123456'],
    ['a look-alike host', 'https://www.facebook.com.evil.example/AcmeAir/posts/123456'],
    ['http', 'http://www.facebook.com/AcmeAir/posts/123456'],
    ['javascript:', 'javascript:alert(1)//www.facebook.com/AcmeAir/posts/1'],
    ['credentials in the URL', 'https://user:pw@www.facebook.com/AcmeAir/posts/123456'],
    ['a lazy timestamp link', '#'],
    ['a profile', 'https://www.facebook.com/AcmeAir'],
    ['permalink.php without an owner', 'https://www.facebook.com/permalink.php?story_fbid=123'],
    ['an id with markup', 'https://www.facebook.com/AcmeAir/posts/12%22%3E%3Cb%3E'],
    ['an album photo', 'https://www.facebook.com/photo/?fbid=1&set=a.123'],
    ['a hashtag', 'https://www.facebook.com/hashtag/acmefail?__eep__=6'],
    ['nothing', null],
  ])('rejects %s', (_name, href) => {
    expect(parsePostLink(href)).toBeNull();
  });
});

describe('comment links', () => {
  const post = 'https://www.facebook.com/AcmeAir/posts/pfbid0Acme';

  it('reads a comment and keeps only its id', () => {
    const link = parseCommentLink(`${post}?comment_id=1111111111111111&${TRACKING}`);
    expect(link).toEqual({ post: { postId: 'pfbid0Acme', url: post }, commentId: '1111111111111111' });
    expect(commentIdentity(link!)).toEqual({
      postId: 'pfbid0Acme_c1111111111111111',
      url: `${post}?comment_id=1111111111111111`,
    });
  });

  it('reads a reply', () => {
    const link = parseCommentLink(`${post}?comment_id=1&reply_comment_id=2&${TRACKING}`);
    expect(commentIdentity(link!)).toEqual({
      postId: 'pfbid0Acme_c1_r2',
      url: `${post}?comment_id=1&reply_comment_id=2`,
    });
  });

  it('appends to a permalink.php URL with &', () => {
    const link = parseCommentLink('https://www.facebook.com/permalink.php?story_fbid=9&id=8&comment_id=7');
    expect(commentIdentity(link!).url).toBe('https://www.facebook.com/permalink.php?story_fbid=9&id=8&comment_id=7');
  });

  it('decodes base64 comment ids ("comment:<post>_<comment>")', () => {
    expect(normalizeCommentId(btoa('comment:918273645546372_3333333333333333'))).toBe('3333333333333333');
    expect(normalizeCommentId('42')).toBe('42');
    expect(normalizeCommentId(btoa('<script>alert(1)</script>'))).toBeNull();
    expect(normalizeCommentId('12"><b>')).toBeNull();
    expect(normalizeCommentId('')).toBeNull();
  });

  it('does not take a commenter profile link with a tracking comment_id for a comment', () => {
    expect(parseCommentLink(`https://www.facebook.com/riley.park.9?comment_id=${btoa('comment:1_2')}`)).toBeNull();
  });

  it('needs a comment id', () => {
    expect(parseCommentLink(`${post}?${TRACKING}`)).toBeNull();
  });
});

describe('parseProfileLink', () => {
  it.each([
    [`https://www.facebook.com/jane.doe.5521?${TRACKING}`, { url: 'https://www.facebook.com/jane.doe.5521' }],
    [
      `https://www.facebook.com/profile.php?id=100012345678901&${TRACKING}`,
      { url: 'https://www.facebook.com/profile.php?id=100012345678901', id: '100012345678901' },
    ],
    [
      'https://www.facebook.com/groups/acmeflyers/user/100004455667788/?__tn__=R',
      { url: 'https://www.facebook.com/profile.php?id=100004455667788', id: '100004455667788' },
    ],
    [
      'https://www.facebook.com/people/P%C3%B3%C5%82-%C5%BBartem-P%C3%B3%C5%82-Serio/100028295814975/',
      {
        url: 'https://www.facebook.com/people/P%C3%B3%C5%82-%C5%BBartem-P%C3%B3%C5%82-Serio/100028295814975',
        id: '100028295814975',
      },
    ],
    [
      'https://www.facebook.com/people/Harsh-Vardhan/pfbid02Xk7Qm9Zr4Tb8Lw3Hs6Nd1Jc5Vf2Gp/?__cft__[0]=AZX&__tn__=R]-R',
      { url: 'https://www.facebook.com/people/Harsh-Vardhan/pfbid02Xk7Qm9Zr4Tb8Lw3Hs6Nd1Jc5Vf2Gp' },
    ],
  ])('reads %s', (href, expected) => {
    expect(parseProfileLink(href)).toEqual(expected);
  });

  it.each([
    'javascript:alert(document.cookie)',
    'https://evil.example/jane',
    'https://www.facebook.com/AcmeAir/posts/123',
    'https://www.facebook.com/profile.php?id=abc',
    'https://www.facebook.com/groups/acmeflyers/',
    'https://www.facebook.com/photo.php',
  ])('rejects %s', (href) => {
    expect(parseProfileLink(href)).toBeNull();
  });
});
