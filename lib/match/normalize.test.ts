import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/random';
import { foldCodePoint, foldTerm, foldText, sourceEnd, sourceStart } from './normalize';

/** The part of `text` that the folded `word` came from. */
function original(text: string, folded: ReturnType<typeof foldText>, word: string): string {
  const at = folded.text.indexOf(word);
  return text.slice(sourceStart(folded, at), sourceEnd(folded, at + word.length - 1));
}

/** Every folded unit's source range, as lists (whether or not the text kept offset tables). */
function offsets(folded: ReturnType<typeof foldText>): { starts: number[]; ends: number[] } {
  const all = Array.from({ length: folded.text.length }, (_, unit) => unit);
  return { starts: all.map((unit) => sourceStart(folded, unit)), ends: all.map((unit) => sourceEnd(folded, unit)) };
}

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
    expect(original.slice(sourceStart(folded, acme), sourceEnd(folded, acme + 3))).toBe('ÀCMÉ');
    const fi = folded.text.indexOf('fi');
    // Both units of "fi" come from the one ligature code point.
    expect(original.slice(sourceStart(folded, fi), sourceEnd(folded, fi + 1))).toBe('ﬁ');
  });

  it('grows its offset tables when folding expands the text', () => {
    const original = 'ß'.repeat(50) + 'ﬃ'.repeat(50);
    const folded = foldText(original);
    expect(folded.text).toBe('ss'.repeat(50) + 'ffi'.repeat(50));
    expect(sourceEnd(folded, folded.text.length - 1)).toBe(original.length);
  });

  it('folds a plain text unit for unit without offset tables', () => {
    const folded = foldText('Acme AIR');
    expect(folded).toEqual({ text: 'acme air' });
    expect(original('Acme AIR', folded, 'air')).toBe('AIR');
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
      expect(offsets(foldText(plain)).starts).toEqual(reference(plain).starts);
    }
    for (let round = 0; round < 500; round++) {
      const original = Array.from({ length: Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const folded = foldText(original);
      const expected = reference(original);
      expect(folded.text).toBe(expected.text);
      expect(offsets(folded)).toEqual({ starts: expected.starts, ends: expected.ends });
    }
  });
});
