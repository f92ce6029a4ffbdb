import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../domain/case-event';
import { CASE_LIMITS } from '../domain/limits';
import { makeCase, T0 } from '../workflow/testing';
import {
  caseWithAssignee,
  caseWithEvent,
  caseWithFollowUp,
  caseWithNote,
  caseWithPriority,
  caseWithTags,
  normalizeTags,
  snoozedCase,
  transitionedCase,
} from './case-ops';
import { CaseStoreError } from './errors';
import { appendEvents } from './events';

const MIN = 60_000;
const logged = () => ({ ...makeCase(1), events: [{ at: T0, type: 'logged' as const }] });

function errorOf(work: () => unknown): CaseStoreError {
  try {
    work();
  } catch (error) {
    if (error instanceof CaseStoreError) return error;
    throw error;
  }
  throw new Error('expected a CaseStoreError');
}

describe('transitionedCase', () => {
  it('stores the move with a status_changed entry, and refuses illegal moves with the lifecycle message', () => {
    const responded = transitionedCase(logged(), { to: 'responded' }, T0 + 5 * MIN)!;
    expect(responded).toMatchObject({ status: 'responded', firstResponseAt: T0 + 5 * MIN, updatedAt: T0 + 5 * MIN });
    expect(responded.events?.at(-1)).toEqual({ at: T0 + 5 * MIN, type: 'status_changed', detail: 'New → Responded' });
    expect(transitionedCase(responded, { to: 'responded' }, T0 + 6 * MIN)).toBeNull();

    const closed = transitionedCase(responded, { to: 'closed', outcome: 'duplicate' }, T0 + 7 * MIN)!;
    expect(closed.events?.at(-1)?.detail).toBe('Responded → Closed (Duplicate)');
    const reopened = transitionedCase(closed, { to: 'reopen' }, T0 + 8 * MIN)!;
    expect(reopened).toMatchObject({ status: 'responded', firstResponseAt: T0 + 5 * MIN });
    expect(reopened).not.toHaveProperty('outcome');
    expect(reopened.events?.at(-1)?.detail).toBe('Closed → Responded (reopened)');

    const illegal = errorOf(() => transitionedCase(closed, { to: 'responded' }, T0 + 9 * MIN));
    expect(illegal.code).toBe('conflict');
    expect(illegal.message).toMatch(/Cannot move CS-\w+ from Closed to Responded: closed cases must be reopened first/);
    const noOutcome = errorOf(() => transitionedCase(logged(), { to: 'closed' }, T0));
    expect(noOutcome.code).toBe('bad_request');
    expect(noOutcome.message).toMatch(/needs an outcome/);
  });
});

describe('caseWithEvent', () => {
  it('records the entry first and then the move it implies', () => {
    const next = caseWithEvent(logged(), { type: 'handed_off', channel: 'x_dm', detail: 'via X DM' }, 'handed_off', T0 + MIN);
    expect(next.events?.map((event) => event.type)).toEqual(['logged', 'handed_off', 'status_changed']);
    expect(next.status).toBe('handed_off');
    expect(next.firstResponseAt).toBe(T0 + MIN);
  });
});

describe('edits', () => {
  it('notes are trimmed, need text and have a length limit', () => {
    const noted = caseWithNote(logged(), { id: 'n1', text: '  called back  ', author: ' Dana ' }, T0 + MIN);
    expect(noted.notes).toEqual([{ id: 'n1', text: 'called back', createdAt: T0 + MIN, author: 'Dana' }]);
    expect(noted.events?.at(-1)).toEqual({ at: T0 + MIN, type: 'note_added', detail: 'called back' });
    expect(errorOf(() => caseWithNote(logged(), { id: 'n2', text: '   ' }, T0)).message).toMatch(/needs some text/);
    expect(errorOf(() => caseWithNote(logged(), { id: 'n3', text: 'x'.repeat(5_001) }, T0)).code).toBe('bad_request');
  });

  it('assignee, tags, follow-up and priority change only when different, each with an entry', () => {
    const assigned = caseWithAssignee(logged(), ' Sam ', T0 + MIN)!;
    expect(assigned.assignee).toBe('Sam');
    expect(caseWithAssignee(assigned, 'Sam', T0 + 2 * MIN)).toBeNull();
    expect(caseWithAssignee(assigned, null, T0 + 2 * MIN)).not.toHaveProperty('assignee');

    expect(normalizeTags([' vip', 'VIP', '', 'refund ', 'vip'])).toEqual(['vip', 'refund']);
    const tagged = caseWithTags(logged(), ['vip', 'Vip', 'refund'], T0 + MIN)!;
    expect(tagged.tags).toEqual(['vip', 'refund']);
    expect(caseWithTags(tagged, ['vip', 'refund'], T0 + 2 * MIN)).toBeNull();
    expect(caseWithTags(tagged, [], T0 + 2 * MIN)).not.toHaveProperty('tags');

    const followUp = caseWithFollowUp(logged(), T0 + 60 * MIN, T0 + MIN)!;
    expect(followUp.followUpAt).toBe(T0 + 60 * MIN);
    expect(followUp.events?.at(-1)?.detail).toBe(`Follow up at ${new Date(T0 + 60 * MIN).toISOString()}`);
    expect(caseWithFollowUp(followUp, null, T0 + 2 * MIN)).not.toHaveProperty('followUpAt');

    const priority = caseWithPriority(logged(), 'P1', T0 + MIN)!;
    expect(priority.events?.at(-1)?.detail).toBe('none → P1');
    expect(caseWithPriority(priority, 'P1', T0 + 2 * MIN)).toBeNull();
  });

  it('snoozing moves the follow-up by the chosen amount', () => {
    expect(snoozedCase(logged(), '1h', T0 + MIN).followUpAt).toBe(T0 + 61 * MIN);
    expect(snoozedCase(logged(), 'tomorrow', T0, 'UTC').followUpAt).toBe(Date.UTC(2025, 2, 10, 9));
    expect(snoozedCase(logged(), '15m', T0).events?.at(-1)?.detail).toBe('Snoozed 15 minutes');
  });
});

describe('appendEvents', () => {
  it('keeps at most CASE_LIMITS.events, dropping the oldest but never the "logged" entry', () => {
    const many: CaseEvent[] = [
      { at: 0, type: 'logged' },
      ...Array.from({ length: CASE_LIMITS.events - 1 }, (_, i) => ({ at: i + 1, type: 'note_added' as const })),
    ];
    const next = appendEvents(many, { at: 9_999, type: 'tagged' });
    expect(next).toHaveLength(CASE_LIMITS.events);
    expect(next[0]).toEqual({ at: 0, type: 'logged' });
    expect(next[1]).toEqual({ at: 2, type: 'note_added' });
    expect(next.at(-1)).toEqual({ at: 9_999, type: 'tagged' });
  });
});
