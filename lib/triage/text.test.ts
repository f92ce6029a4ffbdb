import { describe, expect, it } from 'vitest';
import { BOUNDARY_TOKEN, BRAND_TOKEN, createBrandMatcher, normalizeText, NUMBER_TOKEN, tokenize, URL_TOKEN, USER_TOKEN } from './text';

const words = (text: string, terms: string[] = []) => tokenize(normalizeText(text), createBrandMatcher(terms));

describe('normalizeText', () => {
  it('lower-cases, strips Latin accents and applies NFKC', () => {
    expect(normalizeText('Crème Brûlée at CAFÉ')).toBe('creme brulee at cafe');
    // Fullwidth letters and the "ﬁ" ligature are compatibility forms.
    expect(normalizeText('ＡＣＭＥ ﬁx')).toBe('acme fix');
  });

  it('decodes the HTML entities scraped text carries and straightens quotes', () => {
    expect(normalizeText('Tom &amp; Jerry &gt; you’re “great”')).toBe('tom & jerry > you\'re "great"');
  });

  it('keeps marks of non-Latin scripts (only Latin accents are stripped)', () => {
    const hindi = 'नमस्ते';
    expect(normalizeText(hindi)).toBe(hindi);
  });
});

describe('tokenize', () => {
  it('masks URLs, @handles and numbers with placeholders', () => {
    expect(words('@dana see https://t.co/abc in 2 hours')).toEqual([USER_TOKEN, 'see', URL_TOKEN, 'in', NUMBER_TOKEN, 'hours']);
    expect(words('flight UA381 at 10:30')).toEqual(['flight', 'ua', NUMBER_TOKEN, 'at', NUMBER_TOKEN]);
  });

  it('drops apostrophes and possessive s', () => {
    expect(words("Don't blame Dana's team")).toEqual(['dont', 'blame', 'dana', 'team']);
  });

  it('keeps hashtags as their own #tokens and emoji/emoticons as tokens', () => {
    expect(words('so slow #fail 😡😡 :( ok :-D ❤️')).toEqual(['so', 'slow', '#fail', '😡', '😡', ':(', 'ok', ':)', '❤']);
  });

  it('keeps ! and ? runs and collapses clause punctuation to one boundary', () => {
    expect(words('why?? late... again!')).toEqual(['why', '??', 'late', BOUNDARY_TOKEN, 'again', '!']);
  });

  it('tokenises right-to-left scripts as words', () => {
    expect(words('שלום עולם, مرحبا بكم')).toEqual(['שלום', 'עולם', BOUNDARY_TOKEN, 'مرحبا', 'بكم']);
  });

  it('treats hostile HTML as plain words: no tag, no placeholder can be forged', () => {
    const tokens = words('<script>alert("x")</script><img src=x onerror=go> <brand> <url>');
    expect(tokens).toEqual(['script', 'alert', 'x', 'script', 'img', 'src', 'x', 'onerror', 'go', 'brand', 'url']);
    expect(tokens.some((token) => token.includes('<'))).toBe(false);
  });

  it('handles 10k-character text in linear time', () => {
    const long = 'my parcel is late again and nobody answers '.repeat(250).slice(0, 10_000);
    const tokens = words(long);
    expect(tokens.length).toBeGreaterThan(1500);
    expect(words('x'.repeat(10_000))).toEqual(['x'.repeat(10_000)]);
  });
});

describe('brand masking', () => {
  const terms = ['Acme', 'Acme Air', '@AcmeHelp', '#acmecares'];

  it('masks names, multi-word aliases and possessives as one <brand> token', () => {
    expect(words('Acme Air lost my bag, acme’s app too', terms)).toEqual([
      BRAND_TOKEN,
      'lost',
      'my',
      'bag',
      BOUNDARY_TOKEN,
      BRAND_TOKEN,
      'app',
      'too',
    ]);
  });

  it('masks brand handles and handles containing the brand; other handles become <user>', () => {
    expect(words('@AcmeHelp @acme_uk @dana', terms)).toEqual([BRAND_TOKEN, BRAND_TOKEN, USER_TOKEN]);
  });

  it('masks the brand inside hashtags', () => {
    expect(words('#acmefail #AcmeCares', terms)).toEqual([`#${BRAND_TOKEN}fail`, `#${BRAND_TOKEN}`]);
  });

  it('collapses a handle followed by the name into one mention and leaves other words alone', () => {
    expect(words('@acmehelp Acme is acmeish', terms)).toEqual([BRAND_TOKEN, 'is', 'acmeish']);
  });

  it('keeps the words before the first brand name and posts that name none', () => {
    expect(words('so glad I flew Acme Air', terms)).toEqual(['so', 'glad', 'i', 'flew', BRAND_TOKEN]);
    expect(words('no brand named here', terms)).toEqual(['no', 'brand', 'named', 'here']);
  });

  it('without brand terms, names stay words (handles are still masked)', () => {
    expect(words('@acme Acme')).toEqual([USER_TOKEN, 'acme']);
  });
});
