import type { Platform } from '../domain/post';
import { FACEBOOK_SITE } from './facebook/site';
import type { SiteDefinition } from './site';
import { X_SITE } from './x/site';
import { YELP_SITE } from './yelp/site';

/**
 * Every site CareSide runs on, by platform: one line per site. Data-only definitions
 * (lib/sites/<site>/site.ts), never DOM adapters, so the background can import this.
 */
export const SITES = {
  x: X_SITE,
  facebook: FACEBOOK_SITE,
  yelp: YELP_SITE,
} as const satisfies { readonly [P in Platform]: SiteDefinition & { readonly platform: P } };

export function siteFor(platform: Platform): SiteDefinition {
  return SITES[platform];
}
