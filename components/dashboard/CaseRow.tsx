import type { Case } from '../../lib/domain/case';
import { formatDuration, targetState, type ResponseTargets } from '../../lib/workflow/targets';
import { PLATFORM_LABELS } from '../common/labels';
import { snippet } from '../common/format';
import { AuthorLabel } from '../common/AuthorLabel';
import { t } from '../../lib/i18n/t';
import { formatDateTime } from '../../lib/i18n/format';
import { categoryLabel, statusLabel } from '../../lib/domain/labels';

/** One list row; all page text is React text (hostile content never becomes markup). */
export function CaseRow({
  item,
  selected,
  onSelect,
  now,
  targets,
}: {
  item: Case;
  selected: boolean;
  onSelect: (ref: string) => void;
  now: number;
  targets: ResponseTargets;
}) {
  const target = targetState(item, now, targets);
  return (
    <button
      type="button"
      className={`dash-row${selected ? ' dash-row-selected' : ''}`}
      data-testid="dashboard-row"
      data-case-ref={item.ref}
      aria-pressed={selected}
      onClick={() => onSelect(item.ref)}
    >
      <span className="dash-row-line">
        <span className="dash-ref">{item.ref}</span>
        <span className={`dash-status dash-status-${item.status}`}>{statusLabel(item.status)}</span>
        <span className={`dash-priority dash-priority-${target.priority}`}>{target.priority}</span>
        <span>{PLATFORM_LABELS[item.platform]}</span>
        {item.category && <span className="dash-muted">{categoryLabel(item.category)}</span>}
        <span className={`dash-target dash-target-${target.state}`}>
          {target.state === 'breached'
            ? t('dashboard.target.breachedBy', { duration: formatDuration(-target.remainingMs) })
            : t(`dashboard.target.${target.state}`)}
        </span>
        <span className="dash-muted dash-row-date">{formatDateTime(item.createdAt)}</span>
      </span>
      <span className="dash-row-line dash-row-text">
        <span className="dash-author">
          <AuthorLabel post={item.post} />
        </span>{' '}
        <bdi>{snippet(item.post.text, 160)}</bdi>
      </span>
    </button>
  );
}
