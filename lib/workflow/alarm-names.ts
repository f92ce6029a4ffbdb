import { ReminderKindSchema, type ReminderKind } from './fields';

/**
 * chrome.alarms names for reminders: "careside:reminder:<kind>:<caseId>". The name is the
 * only thing an alarm carries, so it encodes what to do; parsing is strict because the
 * alarm namespace is shared with anything else the extension schedules.
 */
export const REMINDER_ALARM_PREFIX = 'careside:reminder:';

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReminderAlarmRef {
  kind: ReminderKind;
  caseId: string;
}

export function isReminderCaseId(caseId: string): boolean {
  return CASE_ID.test(caseId);
}

export function reminderAlarmName(kind: ReminderKind, caseId: string): string {
  if (!CASE_ID.test(caseId)) throw new RangeError(`Not a case id: ${JSON.stringify(caseId.slice(0, 60))}`);
  return `${REMINDER_ALARM_PREFIX}${kind}:${caseId}`;
}

/** The reminder an alarm name stands for, or null for any other alarm or a mangled name. */
export function parseReminderAlarmName(name: unknown): ReminderAlarmRef | null {
  if (typeof name !== 'string' || name.length > 120 || !name.startsWith(REMINDER_ALARM_PREFIX)) return null;
  const rest = name.slice(REMINDER_ALARM_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0) return null;
  const kind = ReminderKindSchema.safeParse(rest.slice(0, colon));
  const caseId = rest.slice(colon + 1);
  if (!kind.success || !CASE_ID.test(caseId)) return null;
  return { kind: kind.data, caseId };
}
