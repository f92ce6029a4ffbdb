import { useQuery } from '@tanstack/react-query';
import type { Case } from '../../lib/domain/case';
import { casePageQuery } from '../../lib/queries/workflow';
import { snippet } from '../common/format';
import { t } from '../../lib/i18n/t';
import { formatDate } from '../../lib/i18n/format';
import { statusLabel } from '../../lib/domain/labels';

/** Most earlier cases listed; the heading says how many there are in all. */
const SHOWN = 5;

/** "Earlier cases from @author": the same author's cases logged before this one, newest first. */
export function EarlierCases({ item }: { item: Case }) {
  const handle = item.post.authorHandle?.trim();
  const author = handle ? `@${handle.replace(/^@/, '')}` : item.post.authorName;
  const filter = { platform: item.platform, author: handle || item.post.authorName, to: item.createdAt };
  const earlier = useQuery(casePageQuery(filter, 0, SHOWN));
  const cases = (earlier.data?.cases ?? []).filter((other) => other.id !== item.id);
  return (
    <section aria-labelledby="dash-earlier-heading" data-testid="dashboard-earlier-cases">
      <h3 id="dash-earlier-heading">
        {t('dashboard.earlierFrom')} <bdi>{author}</bdi>
        {earlier.data && earlier.data.total > 0 && <span className="dash-muted"> ({earlier.data.total})</span>}
      </h3>
      {earlier.isError && (
        <p role="alert" className="dash-error">
          {t('dashboard.earlierError', { error: earlier.error.message })}
        </p>
      )}
      {earlier.isPending && <p className="dash-muted">{t('dashboard.looking')}</p>}
      {earlier.data && cases.length === 0 && <p className="dash-muted">{t('dashboard.firstCase')}</p>}
      {cases.length > 0 && (
        <ul className="dash-earlier">
          {cases.map((other) => (
            <li key={other.id}>
              <a href={`#case=${encodeURIComponent(other.ref)}`} className="dash-ref">
                {other.ref}
              </a>{' '}
              <span className="dash-muted">
                {statusLabel(other.status)} · {formatDate(other.createdAt)}
              </span>{' '}
              <bdi>{snippet(other.post.text, 90)}</bdi>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
