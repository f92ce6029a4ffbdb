import { describe, expect, it } from 'vitest';
import type { Case } from '../domain/case';
import type { CaseEvent } from '../domain/case-event';
import { makeCase, T0 } from '../workflow/testing';
import { mergeCases } from './case-merge';
import { HybridClock, parseStamp } from './hlc';
import { signNewEntries, stampLocalChanges } from './stamp';

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

describe('signNewEntries', () => {
  it('signs the entries and notes an edit added with the agent, and nothing else', () => {
    const before: Case = { ...makeCase(1), events: [{ at: T0, type: 'logged' }], notes: [{ id: 'n1', text: 'old', createdAt: T0 }] };
    const after: Case = {
      ...before,
      events: [
        ...before.events!,
        { at: T0 + 1, type: 'reply_inserted' },
        { at: T0 + 1, type: 'status_changed', detail: 'New → Responded' },
      ],
      notes: [...before.notes!, { id: 'n2', text: 'new', createdAt: T0 + 1 }],
    };
    const signed = signNewEntries(before, after, 'priya');
    expect(signed.events?.map((event) => event.by)).toEqual([undefined, 'priya', 'priya']);
    expect(signed.notes?.map((note) => note.by)).toEqual([undefined, 'priya']);
    expect(signNewEntries(before, before, 'priya')).toBe(before);
  });

  it('gives the same change by two agents in the same millisecond two ids, so a merge keeps both', () => {
    const before: Case = { ...makeCase(1), events: [{ at: T0, type: 'logged' }] };
    const change: CaseEvent = { at: T0 + 1, type: 'priority_changed', detail: 'Priority: high' };
    const byPriya = signNewEntries(before, { ...before, events: [...before.events!, change] }, 'priya');
    const bySam = signNewEntries(before, { ...before, events: [...before.events!, change] }, 'sam');
    const changes = mergeCases(byPriya, bySam).events?.filter((event) => event.type === 'priority_changed');
    expect(changes?.map((event) => event.by).sort()).toEqual(['priya', 'sam']);
  });

  it('leaves entries unsigned while no team named the install, and never re-signs one', () => {
    const before: Case = { ...makeCase(1), events: [{ at: T0, type: 'logged' }] };
    const after: Case = { ...before, events: [...before.events!, { at: T0 + 1, type: 'handed_off', by: 'sam' }] };
    expect(signNewEntries(before, after, 'local')).toBe(after);
    expect(signNewEntries(before, after, 'priya').events?.[1]?.by).toBe('sam');
  });

  it('stampLocalChanges signs what an edit added, the first entry of a new case included', () => {
    const clock = new HybridClock('priya', () => T0);
    const logged: Case = { ...makeCase(1), events: [{ at: T0, type: 'logged' }] };
    expect(stampLocalChanges(undefined, logged, clock).events?.[0]?.by).toBe('priya');
  });
});
