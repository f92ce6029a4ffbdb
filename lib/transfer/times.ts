import { instantOfLocal, localDateTime } from '../workflow/local-time';

/**
 * Times for spreadsheets: "2026-12-06 14:05" in a given time zone (Excel, Sheets and LibreOffice
 * read that as a date and time), and back. Pure: the zone is always passed in.
 */

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** "2026-12-06 14:05" for this instant in this zone. */
export function formatLocalTime(ms: number, timeZone: string): string {
  const t = localDateTime(ms, timeZone);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2026-12-06 14:05" (or with seconds) read as a wall time in the zone, as epoch ms; null when the
 * text is not in that form or names a date that does not exist. A reading the zone shows twice
 * (clocks going back) is the earlier instant (lib/workflow/local-time.ts instantOfLocal).
 */
export function parseLocalTime(text: string, timeZone: string): number | null {
  const match = LOCAL_PATTERN.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null; // 2026-02-30
  return instantOfLocal({ year, month, day }, hour, minute, timeZone) + second * 1000;
}
