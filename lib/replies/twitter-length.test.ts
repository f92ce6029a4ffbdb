import { describe, expect, it } from 'vitest';
import { characterWeight, tweetLength } from './twitter-length';
import { extractUrls } from './extract-urls';

// Expected values are derived from twitter-text's published rules (config v3), see twitter-length.ts.
describe('tweetLength', () => {
  it('counts ASCII one each: 280 fits, 281 does not', () => {
    expect(tweetLength('a'.repeat(280))).toMatchObject({ weightedLength: 280, valid: true, permillage: 1000 });
    const over = tweetLength('a'.repeat(281));
    expect(over).toMatchObject({ weightedLength: 281, valid: false });
    expect(over.overflowIndex).toBe(280);
  });

  it('counts CJK two each: 140 fit, 141 do not', () => {
    expect(tweetLength('中'.repeat(140)).weightedLength).toBe(280);
    expect(tweetLength('中'.repeat(140)).valid).toBe(true);
    const over = tweetLength('あ'.repeat(141));
    expect(over.weightedLength).toBe(282);
    expect(over.valid).toBe(false);
    expect(over.overflowIndex).toBe(140);
    expect(tweetLength('한국어').weightedLength).toBe(6);
  });

  it('weighs by the v3 ranges at their edges', () => {
    expect(characterWeight(0)).toBe(100);
    expect(characterWeight(4351)).toBe(100);
    expect(characterWeight(4352)).toBe(200);
    expect(characterWeight(8191)).toBe(200);
    expect(characterWeight(8192)).toBe(100);
    expect(characterWeight(8205)).toBe(100);
    expect(characterWeight(8206)).toBe(200);
    expect(characterWeight(8207)).toBe(200);
    expect(characterWeight(8208)).toBe(100);
    expect(characterWeight(8223)).toBe(100);
    expect(characterWeight(8224)).toBe(200);
    expect(characterWeight(8242)).toBe(100);
    expect(characterWeight(8247)).toBe(100);
    expect(characterWeight(8248)).toBe(200);
    // Latin-1, Cyrillic, Arabic, Hebrew and Devanagari are all below 4352.
    expect(tweetLength('éжعשक').weightedLength).toBe(5);
    // En dash (8211) is in range, ellipsis (8230) is not.
    expect(tweetLength('–').weightedLength).toBe(1);
    expect(tweetLength('…').weightedLength).toBe(2);
    expect(tweetLength('€').weightedLength).toBe(2);
  });

  it('counts one URL as 23 regardless of its length', () => {
    expect(tweetLength('https://example.com').weightedLength).toBe(23);
    expect(tweetLength(`https://example.com/${'x'.repeat(500)}`).weightedLength).toBe(23);
    expect(tweetLength('http://a.co').weightedLength).toBe(23);
    expect(tweetLength('see example.com/help now').weightedLength).toBe(4 + 23 + 4);
    expect(tweetLength('m.me/acme').weightedLength).toBe(23);
    // Trailing sentence punctuation is not part of the link.
    expect(tweetLength('Go to https://acme.com/help.').weightedLength).toBe(6 + 23 + 1);
    expect(tweetLength('(https://acme.com/a)').weightedLength).toBe(1 + 23 + 1);
    expect(tweetLength('https://en.wikipedia.org/wiki/Primer_(film)').weightedLength).toBe(23);
    expect(tweetLength('two: https://a.com https://b.com').weightedLength).toBe(5 + 23 + 1 + 23);
  });

  it('fills exactly 280 with text plus a long link', () => {
    const text = `${'a'.repeat(256)} https://example.com/${'p'.repeat(300)}`;
    expect(tweetLength(text)).toMatchObject({ weightedLength: 280, valid: true });
    expect(tweetLength(`a${text}`)).toMatchObject({ weightedLength: 281, valid: false });
  });

  it('does not treat emails, mentions, hashtags, versions or case refs as links', () => {
    expect(extractUrls('mail dana@acme.com')).toEqual([]);
    expect(extractUrls('#acme.com @acme.com $acme.com')).toEqual([]);
    expect(extractUrls('version 2.5 of CS-7F3K, e.g. this, i.e. that')).toEqual([]);
    expect(extractUrls('file.js and README.foo')).toEqual([]);
    expect(tweetLength('dana@acme.com').weightedLength).toBe(13);
  });

  it('counts emoji sequences as 2: ZWJ family, skin tones, flags, keycaps, tag flags', () => {
    expect(tweetLength('👨‍👩‍👧‍👦').weightedLength).toBe(2);
    expect(tweetLength('👍🏽').weightedLength).toBe(2);
    expect(tweetLength('👩🏽‍💻').weightedLength).toBe(2);
    expect(tweetLength('🇯🇵🇺🇸').weightedLength).toBe(4);
    expect(tweetLength('1️⃣').weightedLength).toBe(2);
    expect(tweetLength('#⃣').weightedLength).toBe(2);
    expect(tweetLength('🏴󠁧󠁢󠁳󠁣󠁴󠁿').weightedLength).toBe(2);
    expect(tweetLength('😀'.repeat(140))).toMatchObject({ weightedLength: 280, valid: true });
    // twitter-text's own conformance mix: H + cat + smiley + family.
    expect(tweetLength('H🐱☺👨‍👩‍👧‍👦').weightedLength).toBe(7);
    // © alone is Latin-1 (1); with VS16 it is an emoji (2).
    expect(tweetLength('©').weightedLength).toBe(1);
    expect(tweetLength('©️').weightedLength).toBe(2);
  });

  it('counts a non-emoji astral character as 2', () => {
    expect(tweetLength('𝒜').weightedLength).toBe(2);
    expect(tweetLength('𠀋').weightedLength).toBe(2);
  });

  it('normalizes to NFC before counting', () => {
    const decomposed = 'e\u0301';
    expect(decomposed).toHaveLength(2);
    expect(tweetLength(decomposed.repeat(280))).toMatchObject({ weightedLength: 280, valid: true });
    expect(tweetLength(decomposed).normalizedText).toBe('é');
  });

  it('rejects empty text and characters X refuses', () => {
    expect(tweetLength('')).toMatchObject({ weightedLength: 0, valid: false });
    expect(tweetLength('hi \u202Eereht').valid).toBe(false);
    expect(tweetLength('hi \uFEFF').valid).toBe(false);
  });

  it('copes with a 10k-character hostile post', () => {
    const hostile = `${'a.'.repeat(5000)}`;
    expect(tweetLength(hostile).weightedLength).toBe(10_000);
    const mixed = '🇺🇸&#?"\n\u202E中 https://x.com/a?b=1&c=2 '.repeat(300);
    const result = tweetLength(mixed);
    expect(result.valid).toBe(false);
    // flag 2, "&#?\"" 4, newline 1, RLO (U+202E) 2, CJK 2, space 1, link 23, space 1.
    expect(result.weightedLength).toBe(300 * (2 + 4 + 1 + 2 + 2 + 1 + 23 + 1));
  });
});
