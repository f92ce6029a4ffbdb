import { describe, expect, it } from 'vitest';
import { countFrom, parseCount } from './counts';
import { AND_OTHERS, COMMENT_COUNT, COMMENT_REACTION_COUNT, SHARE_COUNT } from './selectors';

describe('parseCount', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['2,345', 2345],
    ['1.2K', 1200],
    ['1,5 K', 1500],
    ['3M', 3000000],
    ['12k', 12000],
  ])('reads %j as %d', (raw, expected) => {
    expect(parseCount(raw)).toBe(expected);
  });

  it.each(['', 'K', 'Jane Doe', '1,23', '12.34', '-5', '1.2X'])('refuses %j', (raw) => {
    expect(parseCount(raw)).toBeUndefined();
  });
});

describe('summary labels', () => {
  it('reads comment, share and reaction phrases', () => {
    expect(countFrom(COMMENT_COUNT, '48 comments')).toBe(48);
    expect(countFrom(COMMENT_COUNT, '1 comment')).toBe(1);
    expect(countFrom(SHARE_COUNT, '1.2K shares')).toBe(1200);
    expect(countFrom(COMMENT_REACTION_COUNT, '3 reactions; see who reacted to this')).toBe(3);
    expect(countFrom(AND_OTHERS, 'Mia Chen and 6 others')).toBe(6);
  });

  it('ignores controls that only look similar', () => {
    expect(countFrom(COMMENT_COUNT, 'View more comments')).toBeUndefined();
    expect(countFrom(COMMENT_COUNT, 'View 3 replies')).toBeUndefined();
    expect(countFrom(SHARE_COUNT, 'Share')).toBeUndefined();
  });
});
