import { describe, expect, it } from 'vitest';
import { firstNameOf, greetingName } from '../replies/customer-name';
import { sanitizeCustomerValue, sanitizeInlineText, truncateGraphemes } from './sanitize';

const RLO = '\u202E';
const LRI = '\u2066';
const PDI = '\u2069';

describe('sanitizeInlineText', () => {
  it('removes bidi overrides, isolates and marks so a name cannot flip the reply', () => {
    expect(sanitizeInlineText(`Dana${RLO}txet desrever`)).toBe('Danatxet desrever');
    expect(sanitizeInlineText(`${LRI}Dana${PDI}\u200F\u200E\u061C`)).toBe('Dana');
  });

  it('turns control characters and line separators into single spaces', () => {
    expect(sanitizeInlineText('Dana\n\r\tK\u0000\u0085x\u2028y')).toBe('Dana K x y');
  });

  it('drops invisible smuggling characters but keeps emoji sequences intact', () => {
    expect(sanitizeInlineText('a\u200Bb\uFEFFc')).toBe('abc');
    const smuggled = `Dana${String.fromCodePoint(0xe0041, 0xe0042)}`;
    expect(sanitizeInlineText(smuggled)).toBe('Dana');
    const scotland = '🏴󠁧󠁢󠁳󠁣󠁴󠁿';
    expect(sanitizeInlineText(`Dana ${scotland} 👨‍👩‍👧‍👦 👍🏽 🇯🇵`)).toBe(`Dana ${scotland} 👨‍👩‍👧‍👦 👍🏽 🇯🇵`);
  });

  it('removes lone surrogates and normalizes to NFC; is idempotent', () => {
    expect(sanitizeInlineText('a\uD800b\uDC00c')).toBe('abc');
    expect(sanitizeInlineText('Jose\u0301')).toBe('José');
    const once = sanitizeInlineText(`  ${RLO}x\n y  `);
    expect(sanitizeInlineText(once)).toBe(once);
  });

  it('leaves quotes, ampersands, hashes and RTL letters alone (plain text, no escaping)', () => {
    expect(sanitizeInlineText(`O'Brien "Danny" & co #1 ?`)).toBe(`O'Brien "Danny" & co #1 ?`);
    expect(sanitizeInlineText('דנה כהן')).toBe('דנה כהן');
  });
});

describe('sanitizeCustomerValue', () => {
  it('removes template braces so a name never reads as a variable', () => {
    expect(sanitizeCustomerValue('{caseRef}')).toBe('caseRef');
  });

  it('cuts long names on grapheme boundaries', () => {
    const long = '👨‍👩‍👧‍👦'.repeat(50);
    const cut = sanitizeCustomerValue(long, 3);
    expect(cut).toBe('👨‍👩‍👧‍👦'.repeat(3));
    expect(truncateGraphemes('abc', 5)).toBe('abc');
    expect(sanitizeCustomerValue('x'.repeat(10_000))).toHaveLength(40);
  });
});

describe('greetingName', () => {
  const base = { authorName: 'Dana Kim', authorHandle: 'dana_k' };

  it('uses @handle on X and the first name elsewhere', () => {
    expect(greetingName({ platform: 'x', ...base })).toBe('@dana_k');
    expect(greetingName({ platform: 'facebook', ...base })).toBe('Dana');
    expect(greetingName({ platform: 'yelp', authorName: 'Dana K.' })).toBe('Dana');
  });

  it('falls back to the name when the X handle is not a real handle', () => {
    expect(greetingName({ platform: 'x', authorName: 'Dana', authorHandle: 'dana k\u202E' })).toBe('Dana');
    expect(greetingName({ platform: 'x', authorName: 'Dana', authorHandle: 'a'.repeat(16) })).toBe('Dana');
    expect(greetingName({ platform: 'x', authorName: 'Dana', authorHandle: '@dana' })).toBe('@dana');
  });

  it('says "there" when nothing usable is on the page', () => {
    expect(greetingName({ platform: 'facebook', authorName: '' })).toBe('there');
    expect(greetingName({ platform: 'yelp', authorName: '🌸 ✨ 123' })).toBe('there');
    expect(greetingName({ platform: 'facebook', authorName: `${RLO}${LRI}\n\t` })).toBe('there');
  });

  it('handles titles, initials, punctuation, emoji and RTL names', () => {
    expect(firstNameOf('Dr. Okafor')).toBe('Dr. Okafor');
    expect(firstNameOf('J. Smith')).toBe('Smith');
    expect(firstNameOf('"Dana", the angry one')).toBe('Dana');
    expect(firstNameOf('🌸Lily🌸 Tan')).toBe('Lily');
    expect(firstNameOf('Dana👩‍💻 K')).toBe('Dana');
    expect(firstNameOf('דנה כהן')).toBe('דנה');
    expect(firstNameOf(`${RLO}evil{firstName}\nname`)).toBe('evilfirstName');
  });
});
