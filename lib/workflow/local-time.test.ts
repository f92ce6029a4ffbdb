import { describe, expect, it } from 'vitest';
import { addDays, instantOfLocal, localDateTime, nextLocalDayAt, zoneOffsetMs } from './local-time';

const HOUR = 3_600_000;
const utc = (iso: string) => Date.parse(iso);

describe('zoneOffsetMs / localDateTime', () => {
  it('knows New York is UTC-5 in winter and UTC-4 in summer', () => {
    expect(zoneOffsetMs(utc('2025-01-15T12:00:00Z'), 'America/New_York')).toBe(-5 * HOUR);
    expect(zoneOffsetMs(utc('2025-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(zoneOffsetMs(utc('2025-07-15T12:00:00.999Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
  });

  it('reads the wall clock across the date line', () => {
    expect(localDateTime(utc('2025-03-09T12:00:00Z'), 'Pacific/Kiritimati')).toEqual({
      year: 2025,
      month: 3,
      day: 10,
      hour: 2,
      minute: 0,
      second: 0,
    });
  });

  it('refuses an unknown zone with a clear error', () => {
    expect(() => localDateTime(0, 'Mars/Olympus_Mons')).toThrow(/Unknown time zone "Mars\/Olympus_Mons"/);
  });
});

describe('instantOfLocal', () => {
  it('maps an ordinary wall time', () => {
    expect(instantOfLocal({ year: 2025, month: 3, day: 10 }, 9, 0, 'America/New_York')).toBe(utc('2025-03-10T13:00:00Z'));
    expect(instantOfLocal({ year: 2025, month: 3, day: 10 }, 9, 0, 'UTC')).toBe(utc('2025-03-10T09:00:00Z'));
  });

  it('picks the earlier of a repeated wall time (clocks going back), west and east of UTC', () => {
    expect(instantOfLocal({ year: 2025, month: 11, day: 2 }, 1, 30, 'America/New_York')).toBe(utc('2025-11-02T05:30:00Z'));
    expect(instantOfLocal({ year: 2025, month: 10, day: 26 }, 1, 30, 'Europe/London')).toBe(utc('2025-10-26T00:30:00Z'));
  });

  it('lands just after the jump for a wall time that does not exist', () => {
    // 02:30 never happens in New York on 2025-03-09; 03:30 EDT is the same distance past 02:00.
    expect(instantOfLocal({ year: 2025, month: 3, day: 9 }, 2, 30, 'America/New_York')).toBe(utc('2025-03-09T07:30:00Z'));
  });
});

describe('addDays', () => {
  it('rolls over months, years and leap days', () => {
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2025, month: 2, day: 28 }, 1)).toEqual({ year: 2025, month: 3, day: 1 });
    expect(addDays({ year: 2025, month: 12, day: 31 }, 1)).toEqual({ year: 2026, month: 1, day: 1 });
  });
});

describe('nextLocalDayAt (tomorrow 9:00)', () => {
  it('crosses spring-forward in New York: 9:00 EDT is 13:00 UTC, only 10 h after 22:00 EST', () => {
    const now = utc('2025-03-09T03:00:00Z'); // 2025-03-08 22:00 EST
    const at = nextLocalDayAt(now, 9, 0, 'America/New_York');
    expect(at).toBe(utc('2025-03-09T13:00:00Z'));
    expect(at - now).toBe(10 * HOUR);
  });

  it('crosses fall-back in New York: 9:00 EST is 14:00 UTC, 12 h after 22:00 EDT', () => {
    const now = utc('2025-11-02T02:00:00Z'); // 2025-11-01 22:00 EDT
    const at = nextLocalDayAt(now, 9, 0, 'America/New_York');
    expect(at).toBe(utc('2025-11-02T14:00:00Z'));
    expect(at - now).toBe(12 * HOUR);
  });

  it('crosses the European change and the half-hour one on Lord Howe Island', () => {
    expect(nextLocalDayAt(utc('2025-03-29T21:00:00Z'), 9, 0, 'Europe/Berlin')).toBe(utc('2025-03-30T07:00:00Z'));
    // Lord Howe goes from +11 to +10:30 on 2025-04-06 at 02:00 local.
    expect(nextLocalDayAt(utc('2025-04-05T12:00:00Z'), 9, 0, 'Australia/Lord_Howe')).toBe(utc('2025-04-05T22:30:00Z'));
  });

  it('means the next calendar day even just after midnight, and just before it', () => {
    expect(nextLocalDayAt(utc('2025-06-10T04:05:00Z'), 9, 0, 'America/New_York')).toBe(utc('2025-06-11T13:00:00Z'));
    expect(nextLocalDayAt(utc('2025-06-11T03:59:00Z'), 9, 0, 'America/New_York')).toBe(utc('2025-06-11T13:00:00Z'));
  });

  it('uses the local date, not the UTC date, far from UTC', () => {
    // 2025-03-09 23:30 UTC is already 2025-03-10 13:30 in Kiritimati (+14).
    expect(nextLocalDayAt(utc('2025-03-09T23:30:00Z'), 9, 0, 'Pacific/Kiritimati')).toBe(utc('2025-03-10T19:00:00Z'));
    expect(nextLocalDayAt(utc('2025-03-09T23:30:00Z'), 9, 0, 'Pacific/Pago_Pago')).toBe(utc('2025-03-10T20:00:00Z'));
  });

  it('skips a day the zone never had (Samoa, 2011-12-30)', () => {
    const now = utc('2011-12-29T20:00:00Z'); // 2011-12-29 10:00 in Apia (UTC-10)
    const at = nextLocalDayAt(now, 9, 0, 'Pacific/Apia');
    expect(localDateTime(at, 'Pacific/Apia')).toMatchObject({ year: 2011, month: 12, day: 31, hour: 9, minute: 0 });
    expect(at).toBe(utc('2011-12-30T19:00:00Z'));
  });
});
