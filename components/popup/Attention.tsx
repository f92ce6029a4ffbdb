import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Case } from '../../lib/domain/case';
import { PRIORITIES } from '../../lib/domain/triage';
import { sendMessage } from '../../lib/messaging/client';
import { caseKeys } from '../../lib/queries/cases';
import { attentionQuery } from '../../lib/queries/workflow';
import { formatDuration } from '../../lib/workflow/targets';
import { PRIORITY_LABELS } from '../../lib/workflow/fields';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { PLATFORM_LABELS } from '../common/labels';
import { AuthorLabel } from '../common/AuthorLabel';
import { formatWaited } from '../common/format';
import { PostAge } from '../common/PostAge';
import { clockStartOf } from '../../lib/workflow/clock';

/** Open cases per priority and the cases past their first-response target: P1 first, then the most overdue. */
export function Attention({ now }: { now: number }) {
  const attention = useQuery(attentionQuery());
  if (attention.isError) {
    return <p className="popup-muted">Targets could not be checked: {attention.error.message}</p>;
  }
  if (!attention.data) return null;
  return <AttentionView data={attention.data} now={now} />;
}

export function AttentionView({ data, now }: { data: ResponseOf<'cases/attention'>; now: number }) {
  return (
    <section className="popup-section" aria-labelledby="popup-priority-heading">
      <h2 id="popup-priority-heading">Open by priority</h2>
      <dl className="popup-priorities">
        {PRIORITIES.map((priority) => (
          <div key={priority} className={`popup-priority popup-priority-${priority}`} title={PRIORITY_LABELS[priority]}>
            <dt>{priority}</dt>
            <dd data-testid={`popup-priority-${priority}`}>{data.byPriority[priority]}</dd>
          </div>
        ))}
      </dl>
      <h2 className="popup-breach-heading">
        Past target <span className={data.breachingCount > 0 ? 'popup-breach-count' : 'popup-muted'}>{data.breachingCount}</span>
        {data.nearingCount > 0 && <span className="popup-muted"> · {data.nearingCount} due soon</span>}
      </h2>
      {data.breaching.length === 0 ? (
        <p className="popup-muted" data-testid="popup-breaching">
          Every open case is within its first-response target.
        </p>
      ) : (
        <ul data-testid="popup-breaching" className="popup-breaching">
          {data.breaching.map((item) => (
            <BreachingRow key={item.case.id} item={item.case} overdueMs={item.overdueMs} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BreachingRow({ item, overdueMs, now }: { item: Case; overdueMs: number; now: number }) {
  return (
    <li className="popup-case" data-case-ref={item.ref}>
      <p className="popup-case-meta">
        <span className="popup-ref">{item.ref}</span>
        <span className="popup-overdue">{formatDuration(overdueMs)} over target</span>
        <span>{item.priority ?? 'P3'}</span>
        <span>{PLATFORM_LABELS[item.platform]}</span>
      </p>
      <p className="popup-muted">
        Logged {formatWaited(now - clockStartOf(item))} ago
        <PostAge item={item} now={now} />
      </p>
      <p className="popup-author">
        <AuthorLabel post={item.post} />
      </p>
      <CaseActions item={item} />
    </li>
  );
}

/** One-click actions on an open case: open its post, mark it resolved. */
export function CaseActions({ item }: { item: Case }) {
  const queryClient = useQueryClient();
  const resolve = useMutation({
    mutationFn: () => sendMessage('cases/transition', { caseId: item.id, to: 'resolved' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
  return (
    <p className="popup-actions">
      <a href={item.post.url} target="_blank" rel="noopener noreferrer" data-testid={`popup-open-post-${item.ref}`}>
        Open post<span className="visually-hidden"> (opens in a new tab)</span>
      </a>
      <button type="button" data-testid={`popup-resolve-${item.ref}`} disabled={resolve.isPending} onClick={() => resolve.mutate()}>
        {resolve.isPending ? 'Resolving…' : 'Resolve'}
      </button>
      {resolve.isError && (
        <span role="alert" className="popup-action-error">
          {resolve.error.message}
        </span>
      )}
    </p>
  );
}
