import type { PageCase } from '../domain/page-case';
import { formatDuration, targetState, type ResponseTargets } from '../workflow/targets';
import { t } from '../i18n/t';

import type { InlineDue } from './inline-control';

/** The first-response countdown a logged post shows (sidebar row, inline badge): "due in 12 min", red once overdue. */
export type DueLabel = InlineDue;

/** How often the countdowns on a page are worked out again. */
export const DUE_TICK_MS = 30_000;

/** The countdown of a case still waiting for its first response at `now`; none once answered or closed. */
export function dueLabelOf(found: PageCase, targets: ResponseTargets | undefined, now: number): DueLabel | undefined {
  const target = targetState(found, now, targets);
  if (target.state === 'met' || target.state === 'missed') return undefined;
  const duration = formatDuration(target.remainingMs);
  const text = target.state === 'breached' ? t('sidebar.overdueBy', { duration }) : t('sidebar.dueIn', { duration });
  return { text, state: target.state };
}
