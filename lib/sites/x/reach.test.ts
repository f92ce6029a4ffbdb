import { describe, expect, it } from 'vitest';
import { parseButtonLabel, parseCount, readReachLabel } from './reach';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('parseCount', () => {
  it.each([
    ['0', 0],
    ['48', 48],
    ['30142', 30142],
    ['1,234', 1234],
    ['1.234', 1234],
    [`1${NNBSP}234`, 1234],
    [`1${NBSP}234${NBSP}567`, 1234567],
    ['12,345,678', 12345678],
    ['1.2K', 1200],
    ['25K', 25000],
    ['2.5M', 2500000],
    ['3,4 M', 3400000],
    ['3,4\u00a0M', 3400000],
    [`1,2${NNBSP}k`, 1200],
    ['1,2 mil', 1200],
    ['1,2 Mio.', 1200000],
    ['3 Mrd.', 3000000000],
    ['1.2万', 12000],
    ['3.4萬', 34000],
    ['2億', 200000000],
    ['1.2k', 1200],
    ['1B', 1000000000],
  ])('reads %j as %d', (raw, expected) => {
    expect(parseCount(raw)).toBe(expected);
  });

  it.each(['', 'K', 'abc', '1.2X', '1,23', '12.34', '1..2K', '-5', '1.2件'])('refuses %j instead of guessing', (raw) => {
    expect(parseCount(raw)).toBeUndefined();
  });
});

describe('readReachLabel(…).any', () => {
  it('reads the English action bar label from the real capture', () => {
    expect(readReachLabel('48 replies, 152 reposts, 553 likes, 9 bookmarks, 30142 views').any).toEqual({
      replies: 48,
      reposts: 152,
      likes: 553,
      views: 30142,
    });
  });

  it('keeps thousands separators and compact counts inside one phrase', () => {
    expect(readReachLabel('1 reply, 1,204 reposts, 3,4 M likes, 2.1M views').any).toEqual({
      replies: 1,
      reposts: 1204,
      likes: 3400000,
      views: 2100000,
    });
  });

  it.each([
    ['es', '12 respuestas, 3 reposts, 1,2 mil Me gusta, 1 elemento guardado, 23.456 reproducciones', [12, 3, 1200, 23456]],
    [
      'fr (narrow no-break spaces, typographic apostrophe)',
      `1${NNBSP}234 réponses, 56 reposts, 1,2${NNBSP}k J’aime, 4 signets, 98${NNBSP}765 vues`,
      [1234, 56, 1200, 98765],
    ],
    ['de', '3 Antworten, 1.234 Reposts, 1.234 Gefällt mir, 2 Lesezeichen, 1,2 Mio. Aufrufe', [3, 1234, 1234, 1200000]],
    ['de (quoted like label)', '3 Antworten, 4 Reposts, 1.234 „Gefällt mir“-Angaben, 5.678 Aufrufe', [3, 4, 1234, 5678]],
    ['ja', '5 件の返信、12 件のリポスト、1.2万 件のいいね、3 件のブックマーク、6366 件の表示', [5, 12, 12000, 6366]],
    ['ja (no spaces)', '12件の返信、340件のリポスト、5678件のいいね、90件のブックマーク、1.2万件の表示', [12, 340, 5678, 12000]],
    ['zh-TW', '8 則回覆、2 次轉發、10 個喜歡、1 個書籤、3.4萬 次觀看', [8, 2, 10, 34000]],
    ['zh-TW (讚)', '55 則回覆、29 次轉發、319 個讚、16 個書籤', [55, 29, 319, undefined]],
  ])('reads the %s action bar label', (_language, label, [replies, reposts, likes, views]) => {
    const expected = Object.fromEntries(Object.entries({ replies, reposts, likes, views }).filter(([, value]) => value !== undefined));
    expect(readReachLabel(label).any).toEqual(expected);
  });

  it('leaves out what the label does not say', () => {
    expect(readReachLabel('12 likes').any).toEqual({ likes: 12 });
    expect(readReachLabel('').any).toEqual({});
    expect(readReachLabel('Reply, Repost, Like').any).toEqual({});
    expect(readReachLabel('5 bookmarks, 3 mystery').any).toEqual({});
  });

  it('reads each count anew when the same wording follows a different number', () => {
    expect(readReachLabel('1.2K likes, 3 reposts').any).toEqual({ likes: 1200, reposts: 3 });
    expect(readReachLabel('3.4K likes, 1,204 reposts').any).toEqual({ likes: 3400, reposts: 1204 });
    expect(readReachLabel('12,34 likes, 7 reposts').any).toEqual({ reposts: 7 });
  });

  it('refuses a count too large to hold exactly', () => {
    expect(readReachLabel('99999999999999999999 views, 12 likes').any).toEqual({ likes: 12 });
    expect(readReachLabel('999999999999999 views').any).toEqual({ views: 999999999999999 });
  });

  it('takes a word only when it ends there ("mag" is not the suffix "m", "likes" is not "like")', () => {
    expect(readReachLabel('5 mag ich').any).toEqual({ likes: 5 });
    expect(readReachLabel('5 me gusta').any).toEqual({ likes: 5 });
    expect(readReachLabel('5 likeable things').any).toEqual({});
  });
});

describe('parseButtonLabel', () => {
  it.each([
    ['48 Replies. Reply', 'replies', 48],
    ['2596467 views. View post analytics', 'views', 2596467],
    ['1.2K Likes. Like', 'likes', 1200],
    ['1,2 mil Me gusta. Me gusta', 'likes', 1200],
    [`1,2${NNBSP}k J’aime. Aimer`, 'likes', 1200],
    ['1.234 „Gefällt mir“-Angaben. „Gefällt mir“', 'likes', 1234],
    ['1,2 Mio. Aufrufe. Statistiken des Posts anzeigen', 'views', 1200000],
    ['1.2万件のいいね。いいねする', 'likes', 12000],
    ['10 個喜歡。喜歡', 'likes', 10],
    ['3.4萬 次觀看。查看貼文分析', 'views', 34000],
  ])('reads %j', (label, metric, count) => {
    expect(parseButtonLabel(label)).toEqual({ metric, count });
  });

  it('returns null for labels without a count', () => {
    expect(parseButtonLabel('Bookmark')).toBeNull();
    expect(parseButtonLabel('Reply')).toBeNull();
    expect(parseButtonLabel('いいねする')).toBeNull();
  });
});
