import { backlogAgeMs } from '../../lib/workflow/backlog';
import { t } from '../../lib/i18n/t';
import { formatWaited } from './format';

/** "backlog · posted 3 d ago" for a post older than the backlog age; undefined otherwise. */
export function backlogMark(
  caseLike: { post?: { postedAt?: string | undefined } | undefined },
  now: number,
  backlogAgeHours: number | undefined,
): string | undefined {
  const age = backlogAgeMs(caseLike, now, backlogAgeHours);
  return age === undefined ? undefined : t('backlog.mark', { duration: formatWaited(age) });
}
