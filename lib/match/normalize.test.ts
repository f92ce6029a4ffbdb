import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/random';
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

  it('gives plain texts their own offsets from one shared table, whatever the order of lengths', () => {
    const short = foldText('Acme Air');
    const long = foldText(`Flew ${'x'.repeat(600)} with Acme Air`);
    const again = foldText('AcmeAir');
    expect([...short.starts]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...short.ends]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(long.starts).toHaveLength(long.text.length);
    expect(long.ends[long.text.length - 1]).toBe(long.text.length);
    expect([...again.starts]).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('folds terms the same way and trims them', () => {
    expect(foldTerm('  Àcme Air ')).toBe('acme air');
    expect(foldCodePoint('É')).toBe('e');
  });
});

describe('foldText against its definition', () => {
  /** The definition: fold code point by code point, collapse whitespace runs, keep each unit's source range. */
  function reference(original: string) {
    let text = '';
    const starts: number[] = [];
    const ends: number[] = [];
    let offset = 0;
    for (const codePoint of original) {
      let folded = foldCodePoint(codePoint);
      if (folded === ' ' && (text.length === 0 || text.endsWith(' '))) folded = '';
      for (const unit of folded.split('')) {
        text += unit;
        starts.push(offset);
        ends.push(offset + codePoint.length);
      }
      offset += codePoint.length;
    }
    return { text, starts, ends };
  }

  it('matches it on random mixed-script text with odd whitespace and lone surrogates', () => {
    const pieces = [
      'a',
      'Z',
      ' ',
      '\t',
      '\n',
      '\u00a0',
      'É',
      'ß',
      'ﬃ',
      '😀',
      '\ud83d',
      '\ude00',
      '\u200b',
      'Ω',
      '顺',
      '@',
      '#',
      '\u0301',
      '\u0000',
    ];
    const next = seededRandom(3);
    for (const plain of ['Acme Air', 'ACME air @x #y ', 'a', 'x  y', ' lead', 'tab\there']) {
      expect(foldText(plain).text).toBe(reference(plain).text);
      expect([...foldText(plain).starts]).toEqual(reference(plain).starts);
    }
    for (let round = 0; round < 500; round++) {
      const original = Array.from({ length: Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const folded = foldText(original);
      const expected = reference(original);
      expect(folded.text).toBe(expected.text);
      expect([...folded.starts]).toEqual(expected.starts);
      expect([...folded.ends]).toEqual(expected.ends);
    }
  });
});
