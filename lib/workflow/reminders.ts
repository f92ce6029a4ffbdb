import { isOpenStatus } from '../domain/case';
import type { Notified, ReminderKind } from './fields';
import { nextLocalDayAt, systemTimeZone } from './local-time';
import { isReminderCaseId, parseReminderAlarmName, reminderAlarmName } from './alarm-names';
import { t } from '../i18n/t';
import {
  DEFAULT_PRIORITY,
  DEFAULT_RESPONSE_TARGETS,
  formatDuration,
  targetMsFor,
  targetState,
  type ResponseTargets,
  type TargetCase,
} from './targets';

/**
 * Reminder scheduling for chrome.alarms, kept pure: the background asks for the alarm set,
 * syncs chrome.alarms to it, and on every alarm (and at start-up, to catch up on anything
 * that came due while the browser was closed) calls remindersDue, shows what it returns,
 * stores the patches, then recomputes the alarm set.
 */

const MINUTE_MS = 60_000;

/**
 * Chrome (117+) keeps at most 500 alarms per extension. Only the earliest are scheduled;
 * later ones get scheduled when an earlier alarm fires and the set is recomputed.
 */
export const DEFAULT_MAX_ALARMS = 400;

export interface ReminderCase extends TargetCase {
  id: string;
  ref: string;
  followUpAt?: number | undefined;
  notified?: Notified | undefined;
  /** The configured brands the post mentions; notifications name them (see BrandNames). */
  brandIds?: readonly string[] | undefined;
  post?: { postedAt?: string | undefined; text?: string; authorName?: string } | undefined;
}

/** Brand id -> the brand's name from settings, so a notification can say whose customer it is. */
export type BrandNames = ReadonlyMap<string, string>;
const NO_BRANDS: BrandNames = new Map();

export interface ReminderEvent {
  kind: ReminderKind;
  /** When to remind. */
  at: number;
  /** The deadline the reminder is about; stored in `notified[kind]` once shown. */
  deadline: number;
}

export interface AlarmSpec {
  name: string;
  /** Epoch ms, as chrome.alarms.create({ when }) takes it. */
  when: number;
}

export interface ReminderNotification {
  caseId: string;
  ref: string;
  kind: ReminderKind;
  title: string;
  message: string;
  deadline: number;
}

export interface NotifiedPatch {
  caseId: string;
  /** The case's full new `notified` value (merge of old marks and new ones). */
  notified: Notified;
}

export interface RemindersDue {
  notifications: ReminderNotification[];
  patches: NotifiedPatch[];
}

/**
 * The reminders a case can still raise. Response reminders only while the customer waits
 * for a first response; nothing at all for resolved or closed cases.
 */
export function reminderEvents(caseLike: ReminderCase, targets: ResponseTargets = DEFAULT_RESPONSE_TARGETS) {
  const events: ReminderEvent[] = [];
  if (!isOpenStatus(caseLike.status)) return events;
  if (caseLike.firstResponseAt === undefined) {
    const target = targetState(caseLike, caseLike.createdAt, targets);
    events.push({ kind: 'nearing', at: target.nearingAt, deadline: target.dueAt });
    // The deadline is inclusive, so the breach begins one millisecond after it.
    events.push({ kind: 'breached', at: target.dueAt + 1, deadline: target.dueAt });
  }
  if (caseLike.followUpAt !== undefined) {
    events.push({ kind: 'followUp', at: caseLike.followUpAt, deadline: caseLike.followUpAt });
  }
  return events.filter((event) => caseLike.notified?.[event.kind] !== event.deadline);
}

/** The alarms that should exist at `now`: one per future, not yet shown reminder, earliest first. */
export function computeAlarms(
  now: number,
  cases: readonly ReminderCase[],
  targets: ResponseTargets = DEFAULT_RESPONSE_TARGETS,
  maxAlarms: number = DEFAULT_MAX_ALARMS,
): AlarmSpec[] {
  const alarms: AlarmSpec[] = [];
  for (const caseLike of cases) {
    // A record with a malformed id cannot be named in an alarm; remindersDue still covers it.
    if (!isReminderCaseId(caseLike.id)) continue;
    for (const event of reminderEvents(caseLike, targets)) {
      if (event.at > now) alarms.push({ name: reminderAlarmName(event.kind, caseLike.id), when: event.at });
    }
  }
  alarms.sort((a, b) => a.when - b.when || a.name.localeCompare(b.name));
  return alarms.slice(0, Math.max(0, maxAlarms));
}

/**
 * Notifications to show at `now` and the `notified` marks that stop them repeating.
 * Calling it again with the patched cases returns nothing new. When a case is caught up
 * on late and is already past its deadline, only the breach is shown (and the nearing
 * reminder for the same deadline is marked as done).
 */
export function remindersDue(
  now: number,
  cases: readonly ReminderCase[],
  targets: ResponseTargets = DEFAULT_RESPONSE_TARGETS,
  brandNames: BrandNames = NO_BRANDS,
): RemindersDue {
  const notifications: ReminderNotification[] = [];
  const patches: NotifiedPatch[] = [];
  for (const caseLike of cases) {
    const due = reminderEvents(caseLike, targets).filter((event) => event.at <= now);
    if (due.length === 0) continue;
    const notified: Notified = { ...caseLike.notified };
    const breach = due.find((event) => event.kind === 'breached');
    for (const event of due) {
      notified[event.kind] = event.deadline;
      if (event.kind === 'nearing' && breach) continue;
      notifications.push(notificationFor(caseLike, event, now, targets, brandNames));
    }
    patches.push({ caseId: caseLike.id, notified });
  }
  return { notifications, patches };
}

/**
 * One pass of the reminder loop: what to show, what to store, and the alarm set that
 * follows once the patches are stored (so shown reminders are not scheduled again).
 */
export function runReminderCycle(
  now: number,
  cases: readonly ReminderCase[],
  targets: ResponseTargets = DEFAULT_RESPONSE_TARGETS,
  maxAlarms: number = DEFAULT_MAX_ALARMS,
  brandNames: BrandNames = NO_BRANDS,
): RemindersDue & { alarms: AlarmSpec[] } {
  const due = remindersDue(now, cases, targets, brandNames);
  const notifiedById = new Map(due.patches.map((patch) => [patch.caseId, patch.notified]));
  const after = cases.map((caseLike) => {
    const notified = notifiedById.get(caseLike.id);
    return notified ? { ...caseLike, notified } : caseLike;
  });
  return { ...due, alarms: computeAlarms(now, after, targets, maxAlarms) };
}

/** What to clear and create so chrome.alarms matches `desired`; other alarms are left alone. */
export function planAlarmSync(
  existing: readonly { name: string; scheduledTime: number }[],
  desired: readonly AlarmSpec[],
): { clear: string[]; create: AlarmSpec[] } {
  const wanted = new Map(desired.map((alarm) => [alarm.name, alarm.when]));
  const current = new Map(
    existing.filter((alarm) => parseReminderAlarmName(alarm.name) !== null).map((alarm) => [alarm.name, alarm.scheduledTime]),
  );
  const clear = [...current.keys()].filter((name) => !wanted.has(name));
  // chrome.alarms.create with an existing name replaces that alarm, so changed times need no clear.
  const create = desired.filter((alarm) => current.get(alarm.name) !== alarm.when);
  return { clear, create };
}

export const SNOOZE_OPTIONS = ['15m', '1h', 'tomorrow'] as const;
export type SnoozeOption = (typeof SNOOZE_OPTIONS)[number];
/** "15 minutes", "Tomorrow 9:00": a snooze option in the browser's UI language. */
export function snoozeLabel(option: SnoozeOption): string {
  return t(`snooze.${option}`);
}
export const TOMORROW_HOUR = 9;

/**
 * When a snoozed follow-up should come back. 15 min and 1 h are elapsed time (UTC math, so a
 * DST change in between does not stretch or shrink them); "tomorrow" is 9:00 on the next
 * calendar day on the user's wall clock in `timeZone` (the browser's zone by default).
 */
export function snoozeUntil(now: number, option: SnoozeOption, timeZone: string = systemTimeZone()): number {
  switch (option) {
    case '15m':
      return now + 15 * MINUTE_MS;
    case '1h':
      return now + 60 * MINUTE_MS;
    case 'tomorrow':
      return nextLocalDayAt(now, TOMORROW_HOUR, 0, timeZone);
  }
}

/** Fields to write when snoozing: the new follow-up time re-arms the follow-up reminder. */
export function snoozePatch(
  caseLike: { updatedAt: number },
  option: SnoozeOption,
  now: number,
  timeZone?: string,
): { followUpAt: number; updatedAt: number } {
  return { followUpAt: snoozeUntil(now, option, timeZone), updatedAt: Math.max(now, caseLike.updatedAt) };
}

const SNIPPET_LENGTH = 80;
// Bidi controls could make a notification display text in another order than it has.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const CONTROL_CHARS = /\p{Cc}+/gu;

/** One line of plain text from page content, short enough for a notification. */
export function notificationSnippet(text: string, max: number = SNIPPET_LENGTH): string {
  const flat = text.replace(BIDI_CONTROLS, '').replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

function notificationFor(
  caseLike: ReminderCase,
  event: ReminderEvent,
  now: number,
  targets: ResponseTargets,
  brandNames: BrandNames,
): ReminderNotification {
  const about = describeCase(caseLike);
  const head = notificationHead(caseLike, brandNames);
  const base = { caseId: caseLike.id, ref: caseLike.ref, kind: event.kind, deadline: event.deadline };
  switch (event.kind) {
    case 'nearing':
      return {
        ...base,
        title: t('reminder.nearingTitle', { head, duration: formatDuration(event.deadline - now) }),
        message: about,
      };
    case 'breached': {
      const state = targetState(caseLike, now, targets);
      return {
        ...base,
        title: t('reminder.breachedTitle', { head, duration: formatDuration(now - event.deadline) }),
        message: t('reminder.breachedMessage', {
          about,
          priority: state.priority,
          target: formatDuration(targetMsFor(state.priority, targets)),
        }),
      };
    }
    case 'followUp':
      return { ...base, title: t('reminder.followUpTitle', { head }), message: about };
  }
}

/** Most brand names one notification title lists; more become "+N". */
const MAX_BRANDS_NAMED = 2;

/**
 * "CS-7F3K · P1 · Acme Air": the ref, the priority (P3 when it has none) and the brands the post
 * mentions, by their names from settings. Brands no longer configured are left out.
 */
export function notificationHead(caseLike: Pick<ReminderCase, 'ref' | 'priority' | 'brandIds'>, brandNames: BrandNames): string {
  const names = [...new Set(caseLike.brandIds ?? [])]
    .map((id) => brandNames.get(id))
    .filter((name): name is string => name !== undefined && name.trim() !== '')
    .map((name) => notificationSnippet(name, 40));
  const shown = names.slice(0, MAX_BRANDS_NAMED).join(', ');
  const brands = names.length > MAX_BRANDS_NAMED ? `${shown} +${names.length - MAX_BRANDS_NAMED}` : shown;
  return [caseLike.ref, caseLike.priority ?? DEFAULT_PRIORITY, brands].filter((part) => part !== '').join(' · ');
}

function describeCase(caseLike: ReminderCase): string {
  const author = caseLike.post?.authorName ? notificationSnippet(caseLike.post.authorName, 40) : '';
  const text = caseLike.post?.text ? notificationSnippet(caseLike.post.text) : '';
  if (author && text) return `${author}: ${text}`;
  return author || text || t('reminder.noDetails');
}
