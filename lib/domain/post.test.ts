import { describe, expect, it } from 'vitest';
import { clampPostText, MAX_POST_TEXT, PostSchema, postKeyOf } from './post';

describe('Post', () => {
  const valid = {
    platform: 'x',
    postId: '1981398750557065646',
    kind: 'post',
    url: 'https://x.com/TestUser123/status/1981398750557065646',
    authorName: 'Test User',
    authorHandle: 'TestUser123',
    text: 'hello',
  };

  it('accepts a well-formed post and defaults reach', () => {
    expect(PostSchema.parse(valid).reach).toEqual({});
  });

  it('rejects javascript: URLs and unknown fields', () => {
    expect(PostSchema.safeParse({ ...valid, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(PostSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
  });

  it('builds post keys and clamps oversized text', () => {
    expect(postKeyOf('x', '42')).toBe('x:42');
    const clamped = clampPostText('a'.repeat(MAX_POST_TEXT + 50));
    expect(clamped).toHaveLength(MAX_POST_TEXT);
    expect(clamped.endsWith('…')).toBe(true);
    expect(PostSchema.safeParse({ ...valid, text: clamped }).success).toBe(true);
  });
});
