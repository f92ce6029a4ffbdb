import { describe, expect, it } from 'vitest';
import { BrandSchema } from './brand';

describe('BrandSchema: hidden characters', () => {
  it.each([
    ['a name of zero-width spaces only', { name: '\u200B\u200B' }],
    ['a zero-width space inside a name', { name: 'Acme\u200BAir' }],
    ['a right-to-left override in an alias', { name: 'Acme', aliases: ['\u202Eria emcA'] }],
    ['a word joiner in a handle', { name: 'Acme', handles: { x: ['Acme\u2060Air'], facebook: [], yelp: [] } }],
    ['a byte order mark in a hashtag', { name: 'Acme', hashtags: ['Acme\uFEFFFail'] }],
    ['a soft hyphen in an exclusion', { name: 'Acme', exclusions: ['Acme\u00ADAnvils'] }],
  ])('refuses %s, saying why', (_label, fields) => {
    const result = BrandSchema.safeParse({ id: 'acme', ...fields });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must not contain invisible characters (zero-width spaces, direction marks)');
  });

  it('keeps the joiners that scripts need (ZWNJ in Persian) and ordinary names', () => {
    expect(BrandSchema.safeParse({ id: 'shop', name: 'می‌خواهم' }).success).toBe(true);
    expect(BrandSchema.safeParse({ id: 'acme', name: 'Acme Air', aliases: ['AcmeAir'] }).success).toBe(true);
  });
});
