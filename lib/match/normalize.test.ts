import { describe, expect, it } from 'vitest';
import { foldCodePoint, foldTerm, foldText } from './normalize';

describe('foldText', () => {
  it('folds case, accents and compatibility forms', () => {
    expect(foldText('ÀCMÉ Café').text).toBe('acme cafe');
    expect(foldText('ＡＣＭＥ').text).toBe('acme');
    expect(foldText('𝐀𝐜𝐦𝐞').text).toBe('acme');
    expect(foldText('ﬁne').text).toBe('fine');
    expect(foldText('Straße').text).toBe('strasse');
    expect(foldText('ΣΟΦΟΣ σοφος').text).toBe('σοφοσ σοφοσ');
  });

  it('drops invisible format characters and combining marks', () => {
    expect(foldText('Ac\u200bme').text).toBe('acme');
    expect(foldText('\u202bAcme\u202c').text).toBe('acme');
    expect(foldText('Acme\u0301').text).toBe('acme');
    expect(foldText('Ac\u00adme').text).toBe('acme');
  });

  it('collapses whitespace runs to one space', () => {
    expect(foldText('Acme \n\t\u00a0 Air').text).toBe('acme air');
    expect(foldText('   Acme').text).toBe('acme');
  });

  it('maps every folded unit back to the code point it came from', () => {
    const original = '😀 ÀCMÉ ﬁx';
    const folded = foldText(original);
    expect(folded.text).toBe('😀 acme fix');
    expect(folded.starts).toHaveLength(folded.text.length);
    const acme = folded.text.indexOf('acme');
    expect(original.slice(folded.starts[acme], folded.ends[acme + 3])).toBe('ÀCMÉ');
    const fi = folded.text.indexOf('fi');
    // Both units of "fi" come from the one ligature code point.
    expect(original.slice(folded.starts[fi], folded.ends[fi + 1])).toBe('ﬁ');
  });

  it('grows its offset tables when folding expands the text', () => {
    const original = 'ß'.repeat(50) + 'ﬃ'.repeat(50);
    const folded = foldText(original);
    expect(folded.text).toBe('ss'.repeat(50) + 'ffi'.repeat(50));
    expect(folded.ends[folded.text.length - 1]).toBe(original.length);
  });

  it('folds terms the same way and trims them', () => {
    expect(foldTerm('  Àcme Air ')).toBe('acme air');
    expect(foldCodePoint('É')).toBe('e');
  });
});
