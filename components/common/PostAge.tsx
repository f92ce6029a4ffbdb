import type { Case } from '../../lib/domain/case';
import { postAgeMs } from '../../lib/workflow/clock';
import { formatWaited } from './format';
import { t } from '../../lib/i18n/t';

/**
 * " · posted 14 d ago" beside a wait: how old the post is, kept apart from the response clock
 * (which runs from when the case was logged). Nothing when the page did not show the post's time.
 */
export function PostAge({ item, now }: { item: Case; now: number }) {
  const age = postAgeMs(item, now);
  if (age === undefined) return null;
  return <span className="post-age">{t('common.postedAgo', { duration: formatWaited(age) })}</span>;
}
