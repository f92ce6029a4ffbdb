import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '../domain/case';
import { CASE_OUTCOMES, type CaseOutcome, type WorkflowCase } from './fields';
import { makeCase, T0 } from './testing';
import {
  applyTransition,
  canTransition,
  timeToFirstResponseMs,
  timeToResolutionMs,
  withPatch,
  type TransitionRequest,
  type TransitionTarget,
} from './transitions';

const MIN = 60_000;

// The lifecycle written out independently of TRANSITIONS, so a slip in either shows up.
const ALLOWED: Record<CaseStatus, TransitionTarget[]> = {
  new: ['responded', 'handed_off', 'resolved', 'closed'],
  responded: ['handed_off', 'waiting_on_customer', 'resolved', 'closed'],
  handed_off: ['responded', 'waiting_on_customer', 'resolved', 'closed'],
  waiting_on_customer: ['responded', 'handed_off', 'resolved', 'closed'],
  resolved: ['closed', 'reopen'],
  closed: ['reopen'],
};
const TARGETS: TransitionTarget[] = [...CASE_STATUSES, 'reopen'];

function move(c: WorkflowCase, request: TransitionRequest): WorkflowCase {
  const result = applyTransition(c, request);
  if (!result.ok) throw new Error(result.error.message);
  return result.patch ? withPatch(c, result.patch) : c;
}

function errorOf(c: WorkflowCase, request: TransitionRequest) {
  const result = applyTransition(c, request);
  if (result.ok) throw new Error(`expected ${c.status} -> ${request.to} to fail`);
  return result.error;
}

describe('canTransition', () => {
  for (const from of CASE_STATUSES) {
    for (const to of TARGETS) {
      const expected = ALLOWED[from].includes(to) || from === to;
      it(`${from} -> ${to} is ${expected ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(expected);
        const c = makeCase(1, { status: from, ...(from === 'closed' ? { outcome: 'spam' as const } : {}) });
        const result = applyTransition(c, { to, at: T0 + MIN, ...(to === 'closed' ? { outcome: 'duplicate' as const } : {}) });
        expect(result.ok).toBe(expected);
        if (!result.ok) expect(result.error.code).toBe('illegal_transition');
      });
    }
  }
});

describe('applyTransition messages', () => {
  it('names the case, both statuses and the way forward', () => {
    const closed = makeCase(1, { ref: 'CS-7F3K', status: 'closed', outcome: 'spam', firstResponseAt: T0 + MIN });
    expect(errorOf(closed, { to: 'responded', at: T0 + 2 * MIN })).toEqual({
      code: 'illegal_transition',
      message: 'Cannot move CS-7F3K from Closed to Responded: closed cases must be reopened first (reopening returns it to Responded).',
    });
  });

  it('tells which status reopening leads to when the case was never answered', () => {
    const resolved = makeCase(1, { ref: 'CS-7F3K', status: 'resolved', resolvedAt: T0 + MIN });
    expect(errorOf(resolved, { to: 'handed_off', at: T0 + 2 * MIN }).message).toBe(
      'Cannot move CS-7F3K from Resolved to Handed off: resolved cases must be reopened first (reopening returns it to New).',
    );
  });

  it('explains why a new case cannot wait on the customer', () => {
    expect(errorOf(makeCase(1, { ref: 'CS-7F3K' }), { to: 'waiting_on_customer', at: T0 }).message).toBe(
      'Cannot move CS-7F3K from New to Waiting on customer: nobody has replied to the customer yet; mark it Responded (or Handed off) first.',
    );
  });

  it('refuses to make a worked-on case new again', () => {
    const c = makeCase(1, { ref: 'CS-7F3K', status: 'handed_off', firstResponseAt: T0 });
    expect(errorOf(c, { to: 'new', at: T0 }).message).toBe(
      'Cannot move CS-7F3K from Handed off to New: a case that has been worked on cannot become new again.',
    );
  });

  it('refuses closed -> resolved and to reopen an open case', () => {
    const closed = makeCase(1, { ref: 'CS-7F3K', status: 'closed', outcome: 'no_response' });
    expect(errorOf(closed, { to: 'resolved', at: T0 }).message).toBe(
      'Cannot move CS-7F3K from Closed to Resolved: closed is final; reopen it first (it goes back to New).',
    );
    expect(errorOf(makeCase(1, { ref: 'CS-7F3K', status: 'waiting_on_customer' }), { to: 'reopen', at: T0 })).toEqual({
      code: 'illegal_transition',
      message: 'Cannot reopen CS-7F3K: it is still open (Waiting on customer).',
    });
  });
});

describe('closing and outcomes', () => {
  it('requires an outcome to close', () => {
    const error = errorOf(makeCase(1, { ref: 'CS-7F3K' }), { to: 'closed', at: T0 });
    expect(error.code).toBe('outcome_required');
    expect(error.message).toBe('Closing CS-7F3K needs an outcome: Resolved, No response, Not actionable, Duplicate, Spam.');
  });

  it.each(CASE_OUTCOMES)('records outcome %s with the closing time', (outcome) => {
    const closed = move(makeCase(1, { status: 'responded', firstResponseAt: T0 }), {
      to: 'closed',
      outcome,
      at: T0 + 5 * MIN,
    });
    expect(closed).toMatchObject({ status: 'closed', outcome, closedAt: T0 + 5 * MIN, updatedAt: T0 + 5 * MIN });
    // Only a "resolved" outcome counts as resolving the case.
    expect(closed.resolvedAt).toBe(outcome === 'resolved' ? T0 + 5 * MIN : undefined);
  });

  it('keeps the earlier resolution time when a resolved case is closed', () => {
    const resolved = move(makeCase(1, { status: 'responded', firstResponseAt: T0 }), { to: 'resolved', at: T0 + MIN });
    const closed = move(resolved, { to: 'closed', outcome: 'resolved', at: T0 + 9 * MIN });
    expect(closed).toMatchObject({ resolvedAt: T0 + MIN, closedAt: T0 + 9 * MIN, outcome: 'resolved' });
  });

  it('refuses an outcome on any other move, and unknown outcomes', () => {
    const c = makeCase(1, { ref: 'CS-7F3K' });
    expect(errorOf(c, { to: 'responded', outcome: 'spam', at: T0 })).toEqual({
      code: 'invalid_request',
      message: 'An outcome only applies when closing; CS-7F3K is moving to Responded, so leave the outcome out.',
    });
    const hostile = { to: 'closed', outcome: 'fixed"; DROP', at: T0 } as unknown as TransitionRequest;
    expect(errorOf(c, hostile)).toEqual({
      code: 'invalid_request',
      message: 'Cannot close CS-7F3K with outcome "fixed\\"; DROP": use one of resolved, no_response, not_actionable, duplicate, spam.',
    });
  });

  it('re-records the outcome when a closed case is closed again differently, and is a no-op otherwise', () => {
    const closed = makeCase(1, { status: 'closed', outcome: 'spam', closedAt: T0, updatedAt: T0 });
    expect(applyTransition(closed, { to: 'closed', outcome: 'spam', at: T0 + MIN })).toEqual({
      ok: true,
      changed: false,
      patch: null,
    });
    expect(applyTransition(closed, { to: 'closed', outcome: 'duplicate', at: T0 + MIN })).toEqual({
      ok: true,
      changed: true,
      patch: { status: 'closed', outcome: 'duplicate', updatedAt: T0 + MIN },
    });
  });
});

describe('first response and resolution tracking', () => {
  it('sets firstResponseAt on the first move to Responded and never moves it', () => {
    let c = makeCase(1);
    c = move(c, { to: 'responded', at: T0 + 3 * MIN });
    c = move(c, { to: 'waiting_on_customer', at: T0 + 4 * MIN });
    c = move(c, { to: 'handed_off', at: T0 + 5 * MIN });
    c = move(c, { to: 'responded', at: T0 + 6 * MIN });
    expect(c.firstResponseAt).toBe(T0 + 3 * MIN);
    expect(c.updatedAt).toBe(T0 + 6 * MIN);
  });

  it('counts handing off as the first response', () => {
    expect(move(makeCase(1), { to: 'handed_off', at: T0 + 2 * MIN }).firstResponseAt).toBe(T0 + 2 * MIN);
  });

  it('does not invent a first response when a case is resolved or closed straight away', () => {
    expect(move(makeCase(1), { to: 'resolved', at: T0 + MIN }).firstResponseAt).toBeUndefined();
    expect(move(makeCase(1), { to: 'closed', outcome: 'spam', at: T0 + MIN }).firstResponseAt).toBeUndefined();
  });

  it('never lets updatedAt go backwards or a response predate the case (skewed clocks)', () => {
    const c = makeCase(1, { createdAt: T0, updatedAt: T0 + 10 * MIN });
    const patch = applyTransition(c, { to: 'responded', at: T0 - 5 * MIN });
    expect(patch).toEqual({
      ok: true,
      changed: true,
      patch: { status: 'responded', updatedAt: T0 + 10 * MIN, firstResponseAt: T0 },
    });
  });

  it.each([Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY])('refuses an invalid time %s', (at) => {
    expect(errorOf(makeCase(1, { ref: 'CS-7F3K' }), { to: 'responded', at }).code).toBe('invalid_request');
  });

  it('measures both durations from the logging time, also when the post is older', () => {
    const postedAt = new Date(T0 - 30 * MIN).toISOString();
    let c = makeCase(1, { post: { ...makeCase(1).post, postedAt } });
    expect(timeToFirstResponseMs(c)).toBeUndefined();
    c = move(c, { to: 'responded', at: T0 + 10 * MIN });
    c = move(c, { to: 'resolved', at: T0 + 90 * MIN });
    expect(timeToFirstResponseMs(c)).toBe(10 * MIN);
    expect(timeToResolutionMs(c)).toBe(90 * MIN);
  });

  it('measures from the logging time when the post time is unknown', () => {
    const c = move(move(makeCase(1), { to: 'handed_off', at: T0 + 7 * MIN }), { to: 'resolved', at: T0 + 60 * MIN });
    expect(timeToFirstResponseMs(c)).toBe(7 * MIN);
    expect(timeToResolutionMs(c)).toBe(60 * MIN);
  });
});

describe('reopen', () => {
  it('returns an unanswered closed case to New and clears the closing fields', () => {
    const closed = move(makeCase(1), { to: 'closed', outcome: 'resolved', at: T0 + MIN });
    const reopened = move(closed, { to: 'reopen', at: T0 + 2 * MIN });
    expect(reopened.status).toBe('new');
    expect(reopened).not.toHaveProperty('closedAt');
    expect(reopened).not.toHaveProperty('outcome');
    expect(reopened).not.toHaveProperty('resolvedAt');
    expect(timeToResolutionMs(reopened)).toBeUndefined();
  });

  it('returns an answered case to Responded and keeps its first response', () => {
    let c = move(makeCase(1), { to: 'responded', at: T0 + MIN });
    c = move(c, { to: 'resolved', at: T0 + 2 * MIN });
    c = move(c, { to: 'reopen', at: T0 + 3 * MIN });
    expect(c).toMatchObject({ status: 'responded', firstResponseAt: T0 + MIN, updatedAt: T0 + 3 * MIN });
    c = move(c, { to: 'resolved', at: T0 + 10 * MIN });
    expect(timeToResolutionMs(c)).toBe(10 * MIN);
  });
});

describe('withPatch', () => {
  it('removes keys patched to undefined and leaves the input untouched', () => {
    const c = makeCase(1, { status: 'closed', outcome: 'spam', closedAt: T0 });
    const next = withPatch(c, { status: 'new', outcome: undefined, closedAt: undefined });
    expect(next.status).toBe('new');
    expect(Object.keys(next)).not.toContain('outcome');
    expect(c.outcome).toBe('spam');
  });
});

describe('random walks keep the invariants', () => {
  /** Small deterministic PRNG so a failure reproduces. */
  function seeded(seed: number) {
    let state = seed >>> 0;
    return () => {
      state = (state * 1_664_525 + 1_013_904_223) >>> 0;
      return state / 2 ** 32;
    };
  }

  it('closed <=> outcome, firstResponseAt sticks, updatedAt never decreases', () => {
    const random = seeded(42);
    let applied = 0;
    for (let walk = 0; walk < 200; walk += 1) {
      let c = makeCase(walk);
      let at = T0;
      let firstResponse: number | undefined;
      for (let step = 0; step < 25; step += 1) {
        at += Math.floor(random() * 10 * MIN);
        const to = TARGETS[Math.floor(random() * TARGETS.length)] ?? 'new';
        const outcome: CaseOutcome | undefined = to === 'closed' ? CASE_OUTCOMES[Math.floor(random() * CASE_OUTCOMES.length)] : undefined;
        const before = c;
        const result = applyTransition(c, { to, outcome, at });
        expect(result.ok).toBe(canTransition(before.status, to));
        if (!result.ok || !result.patch) continue;
        applied += 1;
        c = withPatch(c, result.patch);
        expect(c.updatedAt).toBeGreaterThanOrEqual(before.updatedAt);
        expect(c.status === 'closed').toBe(c.outcome !== undefined);
        if (firstResponse !== undefined) expect(c.firstResponseAt).toBe(firstResponse);
        firstResponse = c.firstResponseAt;
        if (c.status === 'resolved') expect(c.resolvedAt).toBeDefined();
      }
    }
    expect(applied).toBeGreaterThan(500);
  });
});
