import { describe, expect, it } from 'vitest';
import { parseButtonLabel, parseCount, parseReachLabel } from './reach';

describe('parseCount', () => {
  it.each([
    ['0', 0],
    ['48', 48],
    ['30142', 30142],
    ['1,234', 1234],
    ['1.234', 1234],
    ['12,345,678', 12345678],
    ['1.2K', 1200],
    ['25K', 25000],
    ['2.5M', 2500000],
    ['3,4 M', 3400000],
    ['3,4\u00a0M', 3400000],
    ['1.2k', 1200],
    ['1B', 1000000000],
  ])('reads %j as %d', (raw, expected) => {
    expect(parseCount(raw)).toBe(expected);
  });

  it.each(['', 'K', 'abc', '1.2X', '1,23', '12.34', '1..2K', '-5'])('refuses %j instead of guessing', (raw) => {
    expect(parseCount(raw)).toBeUndefined();
  });
});

describe('parseReachLabel', () => {
  it('reads the English action bar label from the real capture', () => {
    expect(parseReachLabel('48 replies, 152 reposts, 553 likes, 9 bookmarks, 30142 views')).toEqual({
      replies: 48,
      reposts: 152,
      likes: 553,
      views: 30142,
    });
  });

  it('keeps thousands separators and compact counts inside one phrase', () => {
    expect(parseReachLabel('1 reply, 1,204 reposts, 3,4 M likes, 2.1M views')).toEqual({
      replies: 1,
      reposts: 1204,
      likes: 3400000,
      views: 2100000,
    });
  });

  it('leaves out what the label does not say', () => {
    expect(parseReachLabel('12 likes')).toEqual({ likes: 12 });
    expect(parseReachLabel('')).toEqual({});
    expect(parseReachLabel('Reply, Repost, Like')).toEqual({});
  });
});

describe('parseButtonLabel', () => {
  it('reads the first sentence of a button label', () => {
    expect(parseButtonLabel('48 Replies. Reply')).toEqual({ metric: 'replies', count: 48 });
    expect(parseButtonLabel('2596467 views. View post analytics')).toEqual({ metric: 'views', count: 2596467 });
    expect(parseButtonLabel('1.2K Likes. Like')).toEqual({ metric: 'likes', count: 1200 });
    expect(parseButtonLabel('Bookmark')).toBeNull();
  });
});
