import { describe, expect, it } from 'vitest';
import { PRIORITIES } from './fields';
import { makeCase, T0 } from './testing';
import {
  DEFAULT_RESPONSE_TARGETS,
  formatDuration,
  nearingWindowMs,
  ResponseTargetsSchema,
  targetState,
  type ResponseTargets,
} from './targets';
import { clockStartOf, postAgeMs } from './clock';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('ResponseTargetsSchema', () => {
  it('accepts the defaults: P1 15 min, P2 1 h, P3 4 h, P4 24 h', () => {
    expect(ResponseTargetsSchema.parse(DEFAULT_RESPONSE_TARGETS)).toEqual({ P1: 15, P2: 60, P3: 240, P4: 1440 });
  });

  it.each([
    [{ P1: 0, P2: 60, P3: 240, P4: 1440 }, 'P1'],
    [{ P1: 15.5, P2: 60, P3: 240, P4: 1440 }, 'P1'],
    [{ P1: 15, P2: 60, P3: 240, P4: 60 * 24 * 31 }, 'P4'],
    [{ P1: 15, P2: '60', P3: 240, P4: 1440 }, 'P2'],
    [{ P1: 15, P2: 60, P3: 240 }, 'P4'],
    [{ P1: 15, P2: 60, P3: 240, P4: 1440, P5: 9999 }, ''],
  ])('rejects %j (problem at %j)', (input, path) => {
    const result = ResponseTargetsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe(path);
  });

  it('rejects targets that get shorter for lower priorities, with a readable reason', () => {
    const result = ResponseTargetsSchema.safeParse({ P1: 60, P2: 15, P3: 240, P4: 1440 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/P1 <= P2 <= P3 <= P4/);
    expect(ResponseTargetsSchema.safeParse({ P1: 60, P2: 60, P3: 60, P4: 60 }).success).toBe(true);
  });
});

describe('clockStartOf', () => {
  it('starts when the case is logged, whatever the post time says', () => {
    expect(clockStartOf({ createdAt: T0 })).toBe(T0);
    expect(clockStartOf(makeCase(1, { post: { ...makeCase(1).post, postedAt: '2024-02-04T11:20:00.000Z' } }))).toBe(T0);
  });
});

describe('postAgeMs', () => {
  it('is the time since the post was published, offsets understood', () => {
    expect(postAgeMs({ post: { postedAt: '2025-03-09T11:20:00.000+00:00' } }, T0)).toBe(40 * MIN);
    expect(postAgeMs({ post: { postedAt: '2025-03-09T06:00:00-05:00' } }, T0)).toBe(HOUR);
  });

  it('is unknown without a post time or with a garbled one, and never negative', () => {
    expect(postAgeMs({}, T0)).toBeUndefined();
    expect(postAgeMs({ post: {} }, T0)).toBeUndefined();
    expect(postAgeMs({ post: { postedAt: 'yesterday-ish' } }, T0)).toBeUndefined();
    expect(postAgeMs({ post: { postedAt: '2025-03-09T13:00:00Z' } }, T0)).toBe(0);
  });
});

describe('targetState', () => {
  it.each(PRIORITIES)('gives %s its configured due time', (priority) => {
    const state = targetState(makeCase(1, { priority }), T0, DEFAULT_RESPONSE_TARGETS);
    expect(state.dueAt - T0).toBe(DEFAULT_RESPONSE_TARGETS[priority] * MIN);
    expect(state.remainingMs).toBe(DEFAULT_RESPONSE_TARGETS[priority] * MIN);
    expect(state.state).toBe('ok');
  });

  it('treats a case without priority as P3 and honours custom targets', () => {
    expect(targetState(makeCase(1), T0).dueAt).toBe(T0 + 4 * HOUR);
    const custom: ResponseTargets = { P1: 5, P2: 30, P3: 120, P4: 480 };
    expect(targetState(makeCase(1), T0, custom).dueAt).toBe(T0 + 2 * HOUR);
  });

  it('P1 boundaries: ok until 10 min before due, nearing through the deadline, breached 1 ms after', () => {
    const c = makeCase(1, { priority: 'P1' });
    const dueAt = T0 + 15 * MIN;
    expect(targetState(c, dueAt - 10 * MIN - 1).state).toBe('ok');
    expect(targetState(c, dueAt - 10 * MIN).state).toBe('nearing');
    expect(targetState(c, dueAt)).toMatchObject({ state: 'nearing', remainingMs: 0 });
    expect(targetState(c, dueAt + 1)).toMatchObject({ state: 'breached', remainingMs: -1 });
    expect(targetState(c, dueAt + 3 * HOUR).remainingMs).toBe(-3 * HOUR);
  });

  it('P4 uses the last quarter (6 h) as the nearing window', () => {
    const c = makeCase(1, { priority: 'P4' });
    expect(targetState(c, T0 + 18 * HOUR - 1).state).toBe('ok');
    expect(targetState(c, T0 + 18 * HOUR).state).toBe('nearing');
    expect(nearingWindowMs(24 * HOUR)).toBe(6 * HOUR);
    expect(nearingWindowMs(HOUR)).toBe(15 * MIN);
    expect(nearingWindowMs(15 * MIN)).toBe(10 * MIN);
  });

  it('a target shorter than 10 min is nearing from the start', () => {
    const state = targetState(makeCase(1, { priority: 'P1' }), T0, { P1: 5, P2: 60, P3: 240, P4: 1440 });
    expect(state).toMatchObject({ state: 'nearing', nearingAt: T0, dueAt: T0 + 5 * MIN });
  });

  it('counts from the logging time: a year-old post is not breached the moment it is logged', () => {
    const post = { ...makeCase(1).post, postedAt: new Date(T0 - 399 * 24 * HOUR).toISOString() };
    expect(targetState(makeCase(1, { priority: 'P2', post }), T0)).toMatchObject({
      state: 'ok',
      remainingMs: HOUR,
      startedAt: T0,
    });
  });

  it('is met by a response at the deadline and missed by one a millisecond later, whatever now is', () => {
    const dueAt = T0 + 15 * MIN;
    const onTime = makeCase(1, { priority: 'P1', status: 'responded', firstResponseAt: dueAt });
    const late = makeCase(1, { priority: 'P1', status: 'responded', firstResponseAt: dueAt + 1 });
    for (const now of [T0, dueAt, dueAt + 10 * HOUR]) {
      expect(targetState(onTime, now)).toMatchObject({ state: 'met', remainingMs: 0 });
      expect(targetState(late, now)).toMatchObject({ state: 'missed', remainingMs: -1 });
    }
  });

  it('stops the clock when a case is closed or resolved without a response', () => {
    const closedInTime = makeCase(1, { priority: 'P1', status: 'closed', outcome: 'spam', closedAt: T0 + MIN });
    expect(targetState(closedInTime, T0 + 5 * HOUR)).toMatchObject({ state: 'met', remainingMs: 14 * MIN });
    const resolvedLate = makeCase(1, { priority: 'P1', status: 'resolved', resolvedAt: T0 + 20 * MIN });
    expect(targetState(resolvedLate, T0 + 5 * HOUR)).toMatchObject({ state: 'missed', remainingMs: -5 * MIN });
    // Cases closed before the workflow fields existed fall back to their last update.
    const legacy = makeCase(1, { priority: 'P1', status: 'closed', outcome: 'spam', updatedAt: T0 + 16 * MIN });
    expect(targetState(legacy, T0 + 5 * HOUR).state).toBe('missed');
  });

  it('runs again for a reopened case that was never answered', () => {
    const reopened = makeCase(1, { priority: 'P1', status: 'new', updatedAt: T0 + MIN });
    expect(targetState(reopened, T0 + HOUR).state).toBe('breached');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, 'under 1 min'],
    [59_999, 'under 1 min'],
    [MIN, '1 min'],
    [59 * MIN, '59 min'],
    [HOUR, '1 h'],
    [3 * HOUR + 5 * MIN, '3 h 5 min'],
    [24 * HOUR, '1 d'],
    [52 * HOUR, '2 d 4 h'],
    [-90 * MIN, '1 h 30 min'],
  ])('%i ms -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
