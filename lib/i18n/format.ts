import { browser } from 'wxt/browser';
import { t } from './t';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The UI language per getUILanguage function: each call crosses into the browser, and a page
 * formats counts and durations per row and per post. Tests swap the function, so it is the key.
 */
let knownLocale: { getter: unknown; locale: string } | undefined;

/** The browser's UI language as a BCP 47 tag ("en-US", "es"), the one browser.i18n picks strings by. */
export function uiLocale(): string {
  try {
    const getter: unknown = Reflect.get(browser.i18n, 'getUILanguage');
    if (knownLocale !== undefined && knownLocale.getter === getter) return knownLocale.locale;
    const language = browser.i18n.getUILanguage();
    if (language) {
      const locale = language.replace('_', '-');
      knownLocale = { getter, locale };
      return locale;
    }
  } catch {
    // No i18n API (a plain web page or Node): fall through to the navigator's language.
  }
  return globalThis.navigator?.language ?? 'en-US';
}

// Formatters are costly to build and formatting runs per row: one per locale and style.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** A count in the UI locale: "1,234" in English, "1234"/"12.345" in Spanish. */
export function formatNumber(value: number, locale = uiLocale()): string {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A share as a percentage: 0.25 → "25%" ("25 %" in Spanish). */
export function formatPercent(share: number, locale = uiLocale()): string {
  return cached(`p|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const EVENT_TIME: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' };

function formatWith(kind: string, options: Intl.DateTimeFormatOptions, at: number | Date, locale: string, timeZone?: string): string {
  return cached(`d|${kind}|${locale}|${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, { ...options, timeZone })).format(at);
}

/** A date and time in the user's time zone: "Nov 20, 2026, 9:15 AM" / "20 nov 2026, 9:15". */
export function formatDateTime(at: number | Date, locale = uiLocale(), timeZone?: string): string {
  return formatWith('dt', DATE_TIME, at, locale, timeZone);
}

/** A date alone: "Nov 20, 2026" / "20 nov 2026". */
export function formatDate(at: number | Date, locale = uiLocale(), timeZone?: string): string {
  return formatWith('d', DATE, at, locale, timeZone);
}

/** A timeline entry's time to the second: "Nov 20, 09:15:02" / "20 nov, 9:15:02". */
export function formatEventTime(at: number | Date, locale = uiLocale(), timeZone?: string): string {
  return formatWith('e', EVENT_TIME, at, locale, timeZone);
}

/**
 * A short duration for badges, rows and notifications: "under 1 min", "12 min", "3 h 5 min",
 * "2 d 4 h" (the sign is ignored). Numbers go through Intl; the unit words through the messages.
 */
export function formatDuration(ms: number, locale = uiLocale()): string {
  if (!Number.isFinite(ms)) return t('duration.underMinute');
  const minutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  if (minutes < 1) return t('duration.underMinute');
  const n = (value: number) => formatNumber(value, locale);
  if (minutes < 60) return t('duration.minutes', { minutes: n(minutes) });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return minutes % 60 === 0
      ? t('duration.hours', { hours: n(hours) })
      : t('duration.hoursMinutes', { hours: n(hours), minutes: n(minutes % 60) });
  }
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? t('duration.days', { days: n(days) }) : t('duration.daysHours', { days: n(days), hours: n(hours % 24) });
}

/** How long ago, in words: "5 minutes ago" / "hace 5 minutos", "yesterday" / "ayer". */
export function formatRelative(at: number, now: number, locale = uiLocale()): string {
  const format = cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const elapsed = at - now;
  const abs = Math.abs(elapsed);
  if (abs < HOUR_MS) return format.format(Math.round(elapsed / MINUTE_MS), 'minute');
  if (abs < DAY_MS) return format.format(Math.round(elapsed / HOUR_MS), 'hour');
  return format.format(Math.round(elapsed / DAY_MS), 'day');
}

/** A large count in short form for reason lines: 5400 → "5.4K" / "5,4 mil", 1.5e6 → "1.5M" / "1,5 M". */
export function formatCompact(value: number, locale = uiLocale()): string {
  return cached(`c|${locale}`, () => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 })).format(value);
}

/** A file size as the import messages give it: "2.0 MB" / "2,0 MB", "12 KB" (MB below 1 MB only when asked). */
export function formatFileSize(bytes: number, { kilobytes = false }: { kilobytes?: boolean } = {}, locale = uiLocale()): string {
  if (kilobytes && bytes < 1024 * 1024) return t('fileSize.kb', { size: formatNumber(Math.ceil(bytes / 1024), locale) });
  const megabytes = cached(`mb|${locale}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  return t('fileSize.mb', { size: megabytes.format(bytes / (1024 * 1024)) });
}

/** A language's name in the UI locale ("French", "francés"), from its ISO 639-1 code; the code itself where Intl has no name. */
export function formatLanguageName(code: string, locale = uiLocale()): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
