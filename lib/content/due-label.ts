import type { PageCase } from '../domain/page-case';
import { formatDuration, targetState, type ResponseTargets } from '../workflow/targets';
import { t } from '../i18n/t';

import type { InlineDue } from './inline-control';

/** The first-response countdown a logged post shows (sidebar row, inline badge): "due in 12 min", red once overdue. */
export type DueLabel = InlineDue;

/** How often the countdowns on a page are worked out again. */
export const DUE_TICK_MS = 30_000;

/**
 * The countdowns' clock: wall time floored to a DUE_TICK_MS boundary. The sidebar and the inline
 * badges render at different moments; on one quantised clock they say the same "due in 14 min".
 */
export function dueClockNow(now: number = Date.now()): number {
  return now - (now % DUE_TICK_MS);
}

/** Milliseconds until the countdowns' clock moves on (the next DUE_TICK_MS boundary). */
export function msUntilNextDueTick(now: number = Date.now()): number {
  return DUE_TICK_MS - (now % DUE_TICK_MS);
}

/** The countdown of a case still waiting for its first response at `now`; none once answered or closed. */
export function dueLabelOf(found: PageCase, targets: ResponseTargets | undefined, now: number): DueLabel | undefined {
  const target = targetState(found, now, targets);
  if (target.state === 'met' || target.state === 'missed') return undefined;
  const duration = formatDuration(target.remainingMs);
  const text = target.state === 'breached' ? t('sidebar.overdueBy', { duration }) : t('sidebar.dueIn', { duration });
  return { text, state: target.state };
}
