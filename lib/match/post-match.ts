import type { Platform, Post } from '../domain/post';
import { siteFor } from '../sites/registry';
import type { BrandMatch, BrandMatcher } from './brand-matcher';

/**
 * The brand every post on this page is about: the site declares the page an account's own
 * (`postsAbout`: a Yelp business page) and that account is among the brand's handles for the site.
 */
export function pageBrand(matcher: BrandMatcher, platform: Platform, pageUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return undefined;
  }
  const account = siteFor(platform).postsAbout?.(url);
  return account === undefined ? undefined : matcher.accountBrand(platform, account);
}

/**
 * The brands a post mentions, its quoted post included: a quote of one of a brand's own posts
 * (the quoted author is one of its handles), or a quote whose quoted text names a brand, mentions
 * that brand even when the quoting text does not. `hits` stay those in the post's own text (their
 * offsets are into `post.text`); `byBrand` is about the quoting author only.
 *
 * `aboutBrand` (pageBrand): the page is the brand's own (its Yelp business page), so every post on
 * it by someone else mentions the brand; the brand's own posts there (owner replies) do not.
 */
export function matchPost(matcher: BrandMatcher, post: Post, aboutBrand?: string): BrandMatch {
  const own = matcher.match(post.text, post);
  const { quoted } = post;
  const extraIds: string[] = [];
  if (quoted) {
    extraIds.push(...matcher.match(quoted.text).brandIds);
    const quotedAuthor =
      quoted.authorHandle === undefined ? undefined : matcher.authorBrand({ platform: post.platform, authorHandle: quoted.authorHandle });
    if (quotedAuthor !== undefined) extraIds.push(quotedAuthor);
  }
  if (aboutBrand !== undefined && !own.byBrand) extraIds.push(aboutBrand);
  const extra = extraIds.filter((brandId) => !own.brandIds.includes(brandId));
  if (extra.length === 0) return own;
  return { ...own, brandIds: [...new Set([...own.brandIds, ...extra])] };
}
