import { describe, expect, it } from 'vitest';
import { DRAFT_MAX_AGE_MS, MAX_DRAFTS, readDrafts, withDraft } from './drafts';

describe('reply drafts kept per case', () => {
  it('keeps, replaces and removes a case draft', () => {
    let drafts = withDraft({}, 'a', 'Sorry about the delay', 1);
    drafts = withDraft(drafts, 'b', 'Hi Sam', 2);
    drafts = withDraft(drafts, 'a', 'Sorry about the delay, Dana', 3);
    expect(drafts).toEqual({ a: { text: 'Sorry about the delay, Dana', savedAt: 3 }, b: { text: 'Hi Sam', savedAt: 2 } });
    expect(withDraft(drafts, 'a', '   ', 4)).toEqual({ b: { text: 'Hi Sam', savedAt: 2 } });
  });

  it('forgets drafts older than two weeks and keeps only the newest', () => {
    const old = withDraft({}, 'old', 'stale', 0);
    expect(Object.keys(withDraft(old, 'new', 'fresh', DRAFT_MAX_AGE_MS + 1))).toEqual(['new']);
    let many = {};
    for (let index = 0; index <= MAX_DRAFTS; index += 1) many = withDraft(many, `case-${index}`, 'text', index);
    expect(Object.keys(many)).toHaveLength(MAX_DRAFTS);
    expect(many).not.toHaveProperty('case-0');
  });

  it('reads nothing from a stored value that is not drafts', () => {
    expect(readDrafts(undefined)).toEqual({});
    expect(readDrafts({ a: { text: 1 } })).toEqual({});
    expect(readDrafts('x')).toEqual({});
  });
});
