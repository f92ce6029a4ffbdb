import type { Post } from '../domain/post';
import type { BrandMatch, BrandMatcher } from './brand-matcher';

/**
 * The brands a post mentions, its quoted post included: a quote of one of a brand's own posts
 * (the quoted author is one of its handles), or a quote whose quoted text names a brand, mentions
 * that brand even when the quoting text does not. `hits` stay those in the post's own text (their
 * offsets are into `post.text`); `byBrand` is about the quoting author only.
 */
export function matchPost(matcher: BrandMatcher, post: Post): BrandMatch {
  const own = matcher.match(post.text, post);
  const { quoted } = post;
  if (!quoted) return own;
  const fromQuote = matcher.match(quoted.text).brandIds;
  const quotedAuthor =
    quoted.authorHandle === undefined ? undefined : matcher.authorBrand({ platform: post.platform, authorHandle: quoted.authorHandle });
  if (quotedAuthor !== undefined) fromQuote.push(quotedAuthor);
  const extra = fromQuote.filter((brandId) => !own.brandIds.includes(brandId));
  if (extra.length === 0) return own;
  return { ...own, brandIds: [...new Set([...own.brandIds, ...extra])] };
}
