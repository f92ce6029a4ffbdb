import { browser } from 'wxt/browser';
import type { ReminderNotification } from '../workflow/reminders';
import { isReminderCaseId } from '../workflow/alarm-names';
import { ReminderKindSchema, type ReminderKind } from '../workflow/fields';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/t';

/** 48 px CareSide mark, inline so notifications need no packaged file (Chrome requires an icon). */
export const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAl0lEQVR42u3ZwQ2AIBBEUcrwbv83+9MSDDDAzuRP4lH0mSi7a2ukSJ77ep0OAAAAAAgF/KUkYDQlALM5BlBnK2BVtgBWpwRgxbkSgOriinW6AeqXcHY9KcBiJ650892Aak9fBrAp5gAAABAKsPmM2m9k0aWETTFnX05HNDQRLaV9Ux8xVokYbMWMFiOGu/wfAAAAAAByKh9PBK3gANLPYgAAAABJRU5ErkJggg==';

/** Individual notifications one reminder pass shows; the rest are summed up in one more. */
export const MAX_NOTIFICATIONS_PER_PASS = 3;

const CASE_PREFIX = 'careside:case:';
export const SUMMARY_NOTIFICATION_ID = 'careside:summary';

export type NotificationTarget = { kind: 'case'; caseId: string; reminder: ReminderKind } | { kind: 'summary' };

/** "careside:case:<kind>:<caseId>": one live notification per case and reminder kind. */
export function reminderNotificationId(notification: Pick<ReminderNotification, 'kind' | 'caseId'>): string {
  return `${CASE_PREFIX}${notification.kind}:${notification.caseId}`;
}

export function parseNotificationId(id: string): NotificationTarget | null {
  if (id === SUMMARY_NOTIFICATION_ID) return { kind: 'summary' };
  if (!id.startsWith(CASE_PREFIX)) return null;
  const rest = id.slice(CASE_PREFIX.length);
  const colon = rest.indexOf(':');
  const reminder = ReminderKindSchema.safeParse(rest.slice(0, colon));
  const caseId = rest.slice(colon + 1);
  if (colon < 0 || !reminder.success || !isReminderCaseId(caseId)) return null;
  return { kind: 'case', caseId, reminder: reminder.data };
}

/** Button order on reminder notifications (Chrome only; Firefox has no notification buttons). */
export const OPEN_CASE_BUTTON = 0;
export const SNOOZE_BUTTON = 1;

function buttonsFor(kind: ReminderKind): { title: string }[] {
  const open = { title: t('notification.openCase') };
  return kind === 'followUp' ? [open, { title: t('notification.snoozeHour') }] : [open];
}

/**
 * Show the reminders: the first few one by one (most urgent first: breaches, then nearing,
 * then follow-ups), and one summary for the rest so a backlog never floods the screen.
 */
export async function showReminderNotifications(
  notifications: readonly ReminderNotification[],
  { withButtons = !import.meta.env.FIREFOX }: { withButtons?: boolean } = {},
): Promise<string[]> {
  const order: Record<ReminderKind, number> = { breached: 0, nearing: 1, followUp: 2 };
  const sorted = [...notifications].sort((a, b) => order[a.kind] - order[b.kind] || a.deadline - b.deadline);
  const shown = sorted.slice(0, MAX_NOTIFICATIONS_PER_PASS);
  const ids: string[] = [];
  for (const notification of shown) {
    const id = reminderNotificationId(notification);
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: NOTIFICATION_ICON,
      title: notification.title,
      message: notification.message,
      priority: notification.kind === 'breached' ? 2 : 1,
      ...(withButtons ? { buttons: buttonsFor(notification.kind) } : {}),
    });
    ids.push(id);
  }
  const rest = sorted.length - shown.length;
  if (rest > 0) {
    await browser.notifications.create(SUMMARY_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: NOTIFICATION_ICON,
      title: t('notification.moreCases', rest, { count: formatNumber(rest) }),
      message: t('notification.openDashboard'),
      priority: 1,
    });
    ids.push(SUMMARY_NOTIFICATION_ID);
  }
  return ids;
}
