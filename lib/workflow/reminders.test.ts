import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseReminderAlarmName, reminderAlarmName, REMINDER_ALARM_PREFIX } from './alarm-names';
import type { WorkflowCase } from './fields';
import {
  computeAlarms,
  notificationHead,
  notificationSnippet,
  planAlarmSync,
  remindersDue,
  runReminderCycle,
  snoozeLabel,
  SNOOZE_OPTIONS,
  snoozePatch,
  snoozeUntil,
  type ReminderNotification,
} from './reminders';
import { makeCase, T0, testUuid } from './testing';
import { backlogAgeMs } from './backlog';
import { DEFAULT_RESPONSE_TARGETS } from './targets';
import { applyTransition, withPatch } from './transitions';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installLocaleMessages } from '../i18n/testing';

const MIN = 60_000;
const HOUR = 60 * MIN;
const utc = (iso: string) => Date.parse(iso);

describe('alarm names', () => {
  it('round-trip every kind', () => {
    for (const kind of ['nearing', 'breached', 'followUp'] as const) {
      const name = reminderAlarmName(kind, testUuid(7));
      expect(name).toBe(`careside:reminder:${kind}:${testUuid(7)}`);
      expect(parseReminderAlarmName(name)).toEqual({ kind, caseId: testUuid(7) });
    }
  });

  it.each([
    'careside:sync',
    `${REMINDER_ALARM_PREFIX}nearing`,
    `${REMINDER_ALARM_PREFIX}snoozed:${testUuid(1)}`,
    `${REMINDER_ALARM_PREFIX}nearing:${testUuid(1)}:extra`,
    `${REMINDER_ALARM_PREFIX}nearing:not-a-uuid`,
    `${REMINDER_ALARM_PREFIX}__proto__:${testUuid(1)}`,
    `${REMINDER_ALARM_PREFIX}nearing:${testUuid(1)}${'0'.repeat(200)}`,
    '',
  ])('ignores the foreign or mangled name %j', (name) => {
    expect(parseReminderAlarmName(name)).toBeNull();
  });

  it('ignores non-strings and refuses to build a name from a bad id', () => {
    expect(parseReminderAlarmName(undefined)).toBeNull();
    expect(parseReminderAlarmName({ toString: () => 'x' })).toBeNull();
    expect(() => reminderAlarmName('nearing', 'a:b')).toThrow(RangeError);
  });
});

describe('computeAlarms', () => {
  it('schedules nearing and breach for an unanswered case, and its follow-up', () => {
    const c = makeCase(1, { priority: 'P1', followUpAt: T0 + 2 * HOUR });
    expect(computeAlarms(T0, [c])).toEqual([
      { name: reminderAlarmName('nearing', c.id), when: T0 + 5 * MIN },
      { name: reminderAlarmName('breached', c.id), when: T0 + 15 * MIN + 1 },
      { name: reminderAlarmName('followUp', c.id), when: T0 + 2 * HOUR },
    ]);
  });

  it('drops response alarms once answered, everything once closed, and past or already-shown ones', () => {
    const answered = makeCase(1, { priority: 'P1', status: 'responded', firstResponseAt: T0, followUpAt: T0 + HOUR });
    const closed = makeCase(2, { status: 'closed', outcome: 'spam', followUpAt: T0 + HOUR });
    const shown = makeCase(3, { priority: 'P1', notified: { nearing: T0 + 15 * MIN } });
    expect(computeAlarms(T0, [answered, closed, shown]).map((alarm) => alarm.name)).toEqual([
      reminderAlarmName('breached', shown.id),
      reminderAlarmName('followUp', answered.id),
    ]);
    expect(computeAlarms(T0 + 6 * MIN, [makeCase(4, { priority: 'P1' })]).map((a) => a.name)).toEqual([
      reminderAlarmName('breached', testUuid(4)),
    ]);
  });

  it('skips a record whose id cannot be named in an alarm instead of failing the whole set', () => {
    const broken = { ...makeCase(1, { priority: 'P1' }), id: 'legacy:1' };
    const fine = makeCase(2, { priority: 'P1' });
    expect(computeAlarms(T0, [broken, fine]).map((alarm) => parseReminderAlarmName(alarm.name)?.caseId)).toEqual([fine.id, fine.id]);
    expect(remindersDue(T0 + HOUR, [broken]).notifications.map((n) => n.kind)).toEqual(['breached']);
  });

  it('keeps the earliest alarms when there are more than the cap', () => {
    const cases = Array.from({ length: 300 }, (_, i) => makeCase(i, { priority: 'P4', createdAt: T0 + i * MIN, updatedAt: T0 }));
    const alarms = computeAlarms(T0, cases, undefined, 400);
    expect(alarms).toHaveLength(400);
    expect(alarms.every((alarm, i) => i === 0 || (alarms[i - 1]?.when ?? 0) <= alarm.when)).toBe(true);
    // All 300 nearing alarms come 6 h before the breaches, so they all made the cut.
    expect(alarms.filter((alarm) => parseReminderAlarmName(alarm.name)?.kind === 'nearing')).toHaveLength(300);
  });
});

describe('remindersDue', () => {
  it('notifies once per deadline: the same cases with the patch applied give nothing', () => {
    const c = makeCase(1, { ref: 'CS-7F3K', priority: 'P1' });
    const first = remindersDue(T0 + 6 * MIN, [c]);
    expect(first.notifications).toEqual([
      {
        caseId: c.id,
        ref: 'CS-7F3K',
        kind: 'nearing',
        deadline: T0 + 15 * MIN,
        title: 'CS-7F3K · P1: first response due in 9 min',
        message: 'Some One: @acme my order 1001 never arrived',
      },
    ]);
    expect(first.patches).toEqual([{ caseId: c.id, notified: { nearing: T0 + 15 * MIN } }]);
    const patched = withPatch(c, { notified: first.patches[0]?.notified });
    expect(remindersDue(T0 + 7 * MIN, [patched])).toEqual({ notifications: [], patches: [] });

    const breach = remindersDue(T0 + 20 * MIN, [patched]);
    expect(breach.notifications.map((n) => [n.kind, n.title, n.message])).toEqual([
      ['breached', 'CS-7F3K · P1: first response overdue by 5 min', 'Some One: @acme my order 1001 never arrived · P1 target is 15 min'],
    ]);
    expect(breach.patches[0]?.notified).toEqual({ nearing: T0 + 15 * MIN, breached: T0 + 15 * MIN });
  });

  it('shows only the breach when catching up late, and marks the nearing one done', () => {
    const c = makeCase(1, { priority: 'P2' });
    const due = remindersDue(T0 + 5 * HOUR, [c]);
    expect(due.notifications.map((n) => n.kind)).toEqual(['breached']);
    expect(due.patches[0]?.notified).toEqual({ nearing: T0 + HOUR, breached: T0 + HOUR });
  });

  it('re-arms when the deadline moves (priority raised after a nearing reminder)', () => {
    const c = makeCase(1, { priority: 'P4', notified: { nearing: T0 + 24 * HOUR } });
    expect(remindersDue(T0 + 20 * HOUR, [c]).notifications).toEqual([]);
    const raised = { ...c, priority: 'P2' as const };
    expect(remindersDue(T0 + 50 * MIN, [raised]).notifications.map((n) => n.kind)).toEqual(['nearing']);
  });

  it('follow-ups fire once, and again after a snooze', () => {
    let c: WorkflowCase = makeCase(1, {
      status: 'waiting_on_customer',
      firstResponseAt: T0,
      followUpAt: T0 + HOUR,
      ref: 'CS-7F3K',
    });
    const first = remindersDue(T0 + HOUR, [c]);
    expect(first.notifications.map((n) => n.title)).toEqual(['CS-7F3K · P3: time to follow up']);
    c = withPatch(c, { notified: first.patches[0]?.notified });
    expect(remindersDue(T0 + 2 * HOUR, [c]).notifications).toEqual([]);
    c = withPatch(c, snoozePatch(c, '15m', T0 + 2 * HOUR));
    expect(remindersDue(T0 + 2 * HOUR + 14 * MIN, [c]).notifications).toEqual([]);
    expect(remindersDue(T0 + 2 * HOUR + 15 * MIN, [c]).notifications.map((n) => n.kind)).toEqual(['followUp']);
  });

  it('never reminds about resolved or closed cases', () => {
    const cases = [
      makeCase(1, { status: 'resolved', resolvedAt: T0, followUpAt: T0 }),
      makeCase(2, { status: 'closed', outcome: 'spam', followUpAt: T0 }),
    ];
    expect(remindersDue(T0 + 48 * HOUR, cases)).toEqual({ notifications: [], patches: [] });
  });

  it('keeps hostile post text to one short plain line', () => {
    const text = `\u202Eevil\u202C =HYPERLINK("http://x")\n\n${'مرحبا '.repeat(20)}👍🏽${'x'.repeat(10_000)}`.slice(0, 10_000);
    const c = makeCase(1, { post: { ...makeCase(1).post, text, authorName: 'A\u0000B\r\nC' } });
    const [note] = remindersDue(T0 + 5 * HOUR, [c]).notifications;
    expect(note?.message.startsWith('A B C: evil =HYPERLINK("http://x") مرحبا')).toBe(true);
    expect(note?.message).not.toMatch(/[\u202A-\u202E]|\p{Cc}/u);
    expect(note?.message.length).toBeLessThan(200);
  });
});

describe('notification titles name the priority and the brand', () => {
  it('uses the brand names from settings for the brand ids, the priority (P3 when none), and leaves unknown brands out', () => {
    const names = new Map([
      ['acme', 'Acme Air'],
      ['cafe', 'Acme Café'],
      ['shop', 'Acme Shop'],
    ]);
    const c = makeCase(1, { priority: 'P2', ref: 'CS-7F3K' });
    const due = remindersDue(T0 + 2 * HOUR, [c], undefined, names);
    expect(due.notifications.map((n) => n.title)).toEqual(['CS-7F3K · P2 · Acme Air: first response overdue by 1 h']);
    expect(notificationHead({ ref: 'CS-1', brandIds: ['gone', 'cafe'] }, names)).toBe('CS-1 · P3 · Acme Café');
    expect(notificationHead({ ref: 'CS-1', priority: 'P1', brandIds: ['acme', 'cafe', 'shop', 'acme'] }, names)).toBe(
      'CS-1 · P1 · Acme Air, Acme Café +1',
    );
    expect(notificationHead({ ref: 'CS-1', priority: 'P4', brandIds: [] }, names)).toBe('CS-1 · P4');
    // A brand name is settings text: bidi controls cannot reorder the title.
    expect(notificationHead({ ref: 'CS-1', brandIds: ['x'] }, new Map([['x', '\u202Eevil']]))).toBe('CS-1 · P3 · evil');
  });
});

describe('notificationSnippet', () => {
  it('never cuts an emoji in half', () => {
    const snippet = notificationSnippet('😀'.repeat(100), 10);
    expect(Array.from(snippet)).toHaveLength(10);
    expect(snippet.endsWith('😀…')).toBe(true);
    expect(snippet).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('planAlarmSync', () => {
  it('clears stale reminder alarms, creates new or moved ones, and leaves other alarms alone', () => {
    const keep = { name: reminderAlarmName('nearing', testUuid(1)), when: T0 + MIN };
    const moved = { name: reminderAlarmName('followUp', testUuid(2)), when: T0 + 2 * HOUR };
    const added = { name: reminderAlarmName('breached', testUuid(3)), when: T0 + 3 * HOUR };
    const existing = [
      { name: keep.name, scheduledTime: keep.when },
      { name: moved.name, scheduledTime: T0 + HOUR },
      { name: reminderAlarmName('breached', testUuid(9)), scheduledTime: T0 },
      { name: 'careside:daily-cleanup', scheduledTime: T0 },
    ];
    expect(planAlarmSync(existing, [keep, moved, added])).toEqual({
      clear: [reminderAlarmName('breached', testUuid(9))],
      create: [moved, added],
    });
  });
});

describe('snoozeUntil', () => {
  it('15 min and 1 h are elapsed time, even across the spring-forward night', () => {
    const now = utc('2025-03-09T06:30:00Z'); // 01:30 EST, half an hour before clocks jump
    expect(snoozeUntil(now, '15m', 'America/New_York') - now).toBe(15 * MIN);
    expect(snoozeUntil(now, '1h', 'America/New_York')).toBe(utc('2025-03-09T07:30:00Z')); // 03:30 EDT on the wall
  });

  it('tomorrow is 9:00 on the local wall clock, DST or not', () => {
    expect(snoozeUntil(utc('2025-03-09T03:00:00Z'), 'tomorrow', 'America/New_York')).toBe(utc('2025-03-09T13:00:00Z'));
    expect(snoozeUntil(utc('2025-11-02T02:00:00Z'), 'tomorrow', 'America/New_York')).toBe(utc('2025-11-02T14:00:00Z'));
    expect(snoozeUntil(utc('2025-10-25T18:00:00Z'), 'tomorrow', 'Europe/London')).toBe(utc('2025-10-26T09:00:00Z'));
  });

  it('snoozePatch never moves updatedAt backwards', () => {
    expect(snoozePatch({ updatedAt: T0 + HOUR }, '15m', T0, 'UTC')).toEqual({
      followUpAt: T0 + 15 * MIN,
      updatedAt: T0 + HOUR,
    });
  });
});

/**
 * The reminder loop as the background runs it, on fake timers: a tiny stand-in for
 * chrome.alarms built on setTimeout, and a store of cases patched after each cycle.
 */
describe('reminder loop on fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function startLoop(initial: WorkflowCase[]) {
    const store = new Map(initial.map((c) => [c.id, c]));
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const shown: (ReminderNotification & { at: number })[] = [];
    let fired = 0;

    const cycle = () => {
      const now = Date.now();
      const result = runReminderCycle(now, [...store.values()]);
      for (const note of result.notifications) shown.push({ ...note, at: now });
      for (const patch of result.patches) {
        const c = store.get(patch.caseId);
        if (c) store.set(c.id, { ...c, notified: patch.notified });
      }
      const existing = [...timers.keys()].map((name) => ({ name, scheduledTime: -1 }));
      const { clear, create } = planAlarmSync(existing, result.alarms);
      for (const name of clear) {
        clearTimeout(timers.get(name));
        timers.delete(name);
      }
      for (const alarm of create) {
        clearTimeout(timers.get(alarm.name));
        timers.set(
          alarm.name,
          setTimeout(() => {
            fired += 1;
            timers.delete(alarm.name);
            cycle();
          }, alarm.when - now),
        );
      }
    };
    cycle();
    return {
      store,
      shown,
      cycle,
      get fired() {
        return fired;
      },
      update(id: string, change: (c: WorkflowCase) => WorkflowCase) {
        const c = store.get(id);
        if (c) store.set(id, change(c));
        cycle();
      },
    };
  }

  it('shows each reminder once, at its time, and stops once the case is answered', () => {
    const p1 = makeCase(1, { ref: 'CS-AAAA', priority: 'P1' });
    const p2 = makeCase(2, { ref: 'CS-BBBB', priority: 'P2' });
    const waiting = makeCase(3, {
      ref: 'CS-CCCC',
      status: 'waiting_on_customer',
      firstResponseAt: T0,
      followUpAt: T0 + 3 * HOUR,
    });
    const loop = startLoop([p1, p2, waiting]);

    vi.advanceTimersByTime(5 * MIN - 1);
    expect(loop.shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(loop.shown.map((n) => [n.ref, n.kind, n.at - T0])).toEqual([['CS-AAAA', 'nearing', 5 * MIN]]);

    // The P2 case is answered before its target: no reminder for it ever fires.
    vi.advanceTimersByTime(10 * MIN);
    const answer = applyTransition(loop.store.get(p2.id) ?? p2, { to: 'responded', at: Date.now() });
    if (!answer.ok || !answer.patch) throw new Error('could not answer');
    const patch = answer.patch;
    loop.update(p2.id, (c) => withPatch(c, patch));

    vi.advanceTimersByTime(26 * HOUR);
    expect(loop.shown.map((n) => [n.ref, n.kind, n.at - T0])).toEqual([
      ['CS-AAAA', 'nearing', 5 * MIN],
      ['CS-AAAA', 'breached', 15 * MIN + 1],
      ['CS-CCCC', 'followUp', 3 * HOUR],
    ]);

    // Restarting the loop (service worker woke up) with the stored marks shows nothing again.
    loop.cycle();
    expect(loop.shown).toHaveLength(3);
    expect(loop.fired).toBe(3);
  });

  it('re-notifies a follow-up after a snooze to tomorrow 9:00 (UTC zone)', () => {
    const c = makeCase(1, { ref: 'CS-DDDD', status: 'responded', firstResponseAt: T0, followUpAt: T0 + MIN });
    const loop = startLoop([c]);
    vi.advanceTimersByTime(MIN);
    expect(loop.shown.map((n) => n.kind)).toEqual(['followUp']);
    loop.update(c.id, (current) => withPatch(current, snoozePatch(current, 'tomorrow', Date.now(), 'UTC')));
    vi.advanceTimersByTime(utc('2025-03-10T09:00:00Z') - Date.now() - 1);
    expect(loop.shown).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(loop.shown.map((n) => [n.kind, new Date(n.at).toISOString()])).toEqual([
      ['followUp', '2025-03-09T12:01:00.000Z'],
      ['followUp', '2025-03-10T09:00:00.000Z'],
    ]);
  });
});

describe('reminders in the browser UI language', () => {
  beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

  it('words titles, messages and snooze labels in Spanish', () => {
    const c = makeCase(1, { ref: 'CS-7F3K', priority: 'P1' });
    const breach = remindersDue(T0 + 20 * MIN, [c]);
    expect(breach.notifications.map((n) => [n.title, n.message])).toEqual([
      ['CS-7F3K · P1: primera respuesta con 5 min de retraso', 'Some One: @acme my order 1001 never arrived · el objetivo de P1 es 15 min'],
    ]);
    expect(SNOOZE_OPTIONS.map(snoozeLabel)).toEqual(['15 minutos', '1 hora', 'Mañana a las 9:00']);
  });
});

describe('a backlog post', () => {
  // Posted 3 days before it was logged: older than the 24 h backlog age.
  const backlog = () => {
    const item = makeCase(41);
    return { ...item, post: { ...item.post, postedAt: new Date(T0 - 3 * 24 * HOUR).toISOString() } };
  };

  it('is marked backlog but raises no breach on its first reminder run, logged 3 days late', () => {
    const item = backlog();
    expect(backlogAgeMs(item, T0)).toBe(3 * 24 * HOUR);
    expect(backlogAgeMs(item, T0, 96)).toBeUndefined();
    const first = runReminderCycle(T0, [item]);
    expect(first.notifications).toEqual([]);
    // Its clock starts at logging: the breach comes after the full P3 target, like any case's.
    const breach = first.alarms.find((alarm) => alarm.name.includes(':breached:'));
    expect(breach?.when).toBe(T0 + DEFAULT_RESPONSE_TARGETS.P3 * MIN + 1);
  });
});
