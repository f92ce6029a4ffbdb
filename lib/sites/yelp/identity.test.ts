import { describe, expect, it } from 'vitest';
import { reviewIdentity, yelpReviewId } from './identity';

const win = { location: new URL('https://www.yelp.com/biz/acme-bistro-san-francisco') } as unknown as Window;
const business = { id: 'mpf3x-BjTdTEA3yCZrAYPw', alias: 'acme-bistro-san-francisco' };

function card(html: string): Element {
  return new DOMParser().parseFromString(`<ul>${html}</ul>`, 'text/html').querySelector('li')!;
}

describe('yelpReviewId', () => {
  it('reads a legacy data-review-id, a photo reviewid and an hrid link', () => {
    expect(yelpReviewId(card('<li data-review-id="LegacyRev1ew000000001"></li>'))).toBe('LegacyRev1ew000000001');
    expect(yelpReviewId(card('<li><a href="/biz_photos/x?select=p&reviewid=Ph0toRev1ew0000000001">p</a></li>'))).toBe(
      'Ph0toRev1ew0000000001',
    );
    expect(yelpReviewId(card('<li><a href="https://www.yelp.com/biz/x?hrid=HridRev1ew00000000001">r</a></li>'))).toBe(
      'HridRev1ew00000000001',
    );
  });

  it('ignores ids that are not Yelp ids or links to other hosts', () => {
    expect(yelpReviewId(card('<li data-review-id="x&quot;&gt;"></li>'))).toBeUndefined();
    expect(yelpReviewId(card('<li><a href="https://evil.example/?reviewid=EvilRev1ew00000000001">e</a></li>'))).toBeUndefined();
  });
});

describe('reviewIdentity', () => {
  it("uses Yelp's review id and links to it with ?hrid=", () => {
    const id = reviewIdentity(card('<li data-review-id="LegacyRev1ew000000001"></li>'), business, { name: 'A', text: '' }, win);
    expect(id).toEqual({
      postId: 'LegacyRev1ew000000001',
      url: 'https://www.yelp.com/biz/acme-bistro-san-francisco?hrid=LegacyRev1ew000000001',
    });
  });

  it('falls back to business + userid + date', () => {
    const id = reviewIdentity(card('<li></li>'), business, { userId: 'Sk9_pQ8r', name: 'Sam K.', date: '2025-10-28', text: 'x' }, win);
    expect(id).toEqual({
      postId: 'mpf3x-BjTdTEA3yCZrAYPw.Sk9_pQ8r.20251028',
      url: 'https://www.yelp.com/biz/acme-bistro-san-francisco',
    });
  });

  it('without a userid, hashes name, date and opening text (same input, same id)', () => {
    const facts = { name: 'Jane D.', date: '2025-11-02', text: 'Waited 50 minutes' };
    const first = reviewIdentity(card('<li></li>'), business, facts, win).postId;
    expect(first).toMatch(/^mpf3x-BjTdTEA3yCZrAYPw\.h[0-9a-z]+$/);
    expect(reviewIdentity(card('<li></li>'), business, { ...facts }, win).postId).toBe(first);
    expect(reviewIdentity(card('<li></li>'), business, { ...facts, date: '2025-11-03' }, win).postId).not.toBe(first);
  });

  it('keeps ids within the PostSchema alphabet whatever the alias holds', () => {
    const id = reviewIdentity(card('<li></li>'), { alias: 'caf%C3%A9-lisboa' }, { userId: 'u1', name: 'n', text: '' }, win);
    expect(id.postId).toMatch(/^[A-Za-z0-9_.\-:]+$/);
  });
});
