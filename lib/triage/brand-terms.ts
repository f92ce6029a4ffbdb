import type { Brand } from '../domain/brand';

/**
 * Every term a brand is known by, in the form triage's brandTerms expects. Its own module so
 * content scripts can build the terms without bundling the models.
 */
export function brandTermsOf(brand: Brand): string[] {
  return [
    brand.name,
    ...brand.aliases,
    ...brand.handles.x.map((handle) => `@${handle}`),
    ...brand.handles.facebook.map((handle) => `@${handle}`),
    ...brand.handles.yelp.map((handle) => `@${handle}`),
    ...brand.hashtags.map((tag) => `#${tag}`),
  ];
}
