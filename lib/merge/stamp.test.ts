import { describe, expect, it } from 'vitest';
import type { Case } from '../domain/case';
import { makeCase, T0 } from '../workflow/testing';
import { mergeCases } from './case-merge';
import { HybridClock, parseStamp } from './hlc';
import { stampLocalChanges } from './stamp';

describe('stampLocalChanges', () => {
  it('stamps only the fields an edit changed, and keeps clocks a merge set', () => {
    const clock = new HybridClock('priya', () => T0);
    const before = makeCase(1, { status: 'responded', firstResponseAt: T0 });
    const after: Case = { ...before, assignee: 'Priya', updatedAt: T0 + 5 };
    const stamped = stampLocalChanges(before, after, clock);
    expect(Object.keys(stamped.clocks ?? {})).toEqual(['assignee']);
    expect(parseStamp(stamped.clocks!.assignee!)).toMatchObject({ wall: T0 + 5, agent: 'priya' });
    expect(stampLocalChanges(before, before, clock)).toBe(before);
    const merged = mergeCases(before, after);
    expect(stampLocalChanges(before, merged, clock).clocks).toEqual(merged.clocks);
  });

  it('starts a new reopen generation when the status moves down, so the reopen beats the stale resolve elsewhere', () => {
    const clock = new HybridClock('sam', () => T0);
    const resolved = makeCase(1, { status: 'resolved', resolvedAt: T0 + 1, firstResponseAt: T0, updatedAt: T0 + 1 });
    const { resolvedAt: _gone, ...rest } = resolved;
    const reopened = stampLocalChanges(resolved, { ...rest, status: 'responded', updatedAt: T0 + 2 }, clock);
    expect(reopened.statusEpoch).toBe(1);
    expect(mergeCases(resolved, reopened).status).toBe('responded');
  });
});
