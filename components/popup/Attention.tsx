import { useQuery } from '@tanstack/react-query';
import type { Case } from '../../lib/domain/case';
import { PRIORITIES } from '../../lib/domain/triage';
import { attentionQuery } from '../../lib/queries/workflow';
import { formatDuration } from '../../lib/workflow/targets';
import { priorityLabel } from '../../lib/domain/labels';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { PLATFORM_LABELS } from '../common/labels';
import { AuthorLabel } from '../common/AuthorLabel';
import { formatWaited } from '../common/format';
import { PostAge } from '../common/PostAge';
import { CaseActions, type UndoOffer } from './ResolveActions';
import { clockStartOf } from '../../lib/workflow/clock';
import { t } from '../../lib/i18n/t';
import { formatNumber } from '../../lib/i18n/format';

/** Open cases per priority and the cases past their first-response target: P1 first, then the most overdue. */
export function Attention({ now, onResolved }: { now: number; onResolved: (offer: UndoOffer) => void }) {
  const attention = useQuery(attentionQuery());
  if (attention.isError) {
    return <p className="popup-muted">{t('popup.targetsError', { error: attention.error.message })}</p>;
  }
  if (!attention.data) return null;
  return <AttentionView data={attention.data} now={now} onResolved={onResolved} />;
}

export function AttentionView({
  data,
  now,
  onResolved,
}: {
  data: ResponseOf<'cases/attention'>;
  now: number;
  onResolved: (offer: UndoOffer) => void;
}) {
  return (
    <section className="popup-section" aria-labelledby="popup-priority-heading">
      <h2 id="popup-priority-heading">{t('popup.byPriority')}</h2>
      <dl className="popup-priorities">
        {PRIORITIES.map((priority) => (
          <div key={priority} className={`popup-priority popup-priority-${priority}`} title={priorityLabel(priority)}>
            <dt>{priority}</dt>
            <dd data-testid={`popup-priority-${priority}`}>{data.byPriority[priority]}</dd>
          </div>
        ))}
      </dl>
      <h2 className="popup-breach-heading">
        {t('popup.pastTarget')}{' '}
        <span className={data.breachingCount > 0 ? 'popup-breach-count' : 'popup-muted'}>{data.breachingCount}</span>
        {data.nearingCount > 0 && (
          <span className="popup-muted"> · {t('popup.dueSoon', data.nearingCount, { count: formatNumber(data.nearingCount) })}</span>
        )}
      </h2>
      {data.breaching.length === 0 ? (
        <p className="popup-muted" data-testid="popup-breaching">
          {t('popup.allWithinTarget')}
        </p>
      ) : (
        <ul data-testid="popup-breaching" className="popup-breaching">
          {data.breaching.map((item) => (
            <BreachingRow key={item.case.id} item={item.case} overdueMs={item.overdueMs} now={now} onResolved={onResolved} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BreachingRow({
  item,
  overdueMs,
  now,
  onResolved,
}: {
  item: Case;
  overdueMs: number;
  now: number;
  onResolved: (offer: UndoOffer) => void;
}) {
  return (
    <li className="popup-case" data-case-ref={item.ref}>
      <p className="popup-case-meta">
        <span className="popup-ref">{item.ref}</span>
        <span className="popup-overdue">{t('popup.overTarget', { duration: formatDuration(overdueMs) })}</span>
        <span>{item.priority ?? 'P3'}</span>
        <span>{PLATFORM_LABELS[item.platform]}</span>
      </p>
      <p className="popup-muted">
        {t('popup.loggedAgo', { duration: formatWaited(now - clockStartOf(item)) })}
        <PostAge item={item} now={now} />
      </p>
      <p className="popup-author">
        <AuthorLabel post={item.post} />
      </p>
      <CaseActions item={item} onResolved={onResolved} />
    </li>
  );
}
