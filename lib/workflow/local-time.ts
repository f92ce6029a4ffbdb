/**
 * Wall-clock arithmetic in a named IANA time zone, using only Intl (no date library).
 * Everything else in the workflow is plain UTC epoch math; only "tomorrow at 9:00" needs a
 * local calendar, and it takes the zone as an argument so tests can pin it.
 */

export interface LocalDateTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (error) {
      throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}`, { cause: error });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone the browser runs in, or UTC when it cannot say. */
export function systemTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The wall-clock reading in `timeZone` at instant `at` (epoch ms). */
export function localDateTime(at: number, timeZone: string): LocalDateTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(at))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of `timeZone` from UTC at instant `at`, in ms (e.g. -4 h for New York in summer). */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const local = localDateTime(at, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

/**
 * The instant a wall clock in `timeZone` shows this date and time. When that reading
 * happens twice (clocks going back) the earlier instant is returned; when it never happens
 * (clocks jumping forward) an instant next to the gap is returned, so check the result
 * with localDateTime if that matters.
 */
export function instantOfLocal(date: { year: number; month: number; day: number }, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // The offsets in force a day either side cover both readings around a transition
  // (transitions are months apart); keep the candidates the zone really shows as `wall`.
  const DAY = 24 * 60 * 60 * 1000;
  const candidates = [zoneOffsetMs(wall - DAY, timeZone), zoneOffsetMs(wall + DAY, timeZone)].map((offset) => wall - offset);
  const matches = candidates.filter((candidate) => candidate + zoneOffsetMs(candidate, timeZone) === wall);
  // In a gap neither matches: the later candidate lands just after the jump.
  return matches.length > 0 ? Math.min(...matches) : Math.max(...candidates);
}

/** The calendar date `days` after the given one (pure date arithmetic, no zone). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/**
 * hour:minute on the next local calendar day after `now` in `timeZone`. "Tomorrow" is
 * always the next calendar date, also just after midnight. If that day has no such time
 * (a zone that skipped the whole day, e.g. Samoa on 2011-12-30) the next day that does is used.
 */
export function nextLocalDayAt(now: number, hour: number, minute: number, timeZone: string): number {
  const today = localDateTime(now, timeZone);
  for (let days = 1; days <= 3; days += 1) {
    const target = addDays(today, days);
    const at = instantOfLocal(target, hour, minute, timeZone);
    const seen = localDateTime(at, timeZone);
    if (at > now && seen.year === target.year && seen.month === target.month && seen.day === target.day) return at;
  }
  // Unreachable for real zones; fall back to a plain day later rather than fail a snooze.
  return now + 24 * 60 * 60 * 1000;
}
