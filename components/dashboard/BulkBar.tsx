import { useState, type FormEvent } from 'react';
import { CASE_STATUSES, type CaseStatus } from '../../lib/domain/case';
import type { BulkChange } from '../../lib/domain/case-views';
import { CASE_LIMITS } from '../../lib/domain/limits';
import { formatNumber } from '../../lib/i18n/format';
import { casesText } from './DeleteMatching';
import { t } from '../../lib/i18n/t';
import { statusLabel } from '../../lib/domain/labels';

/** Statuses a bulk move offers: closing needs an outcome per case, so it stays a one-case action. */
const BULK_STATUSES = CASE_STATUSES.filter((status) => status !== 'closed');

/**
 * The bar above the list for ticked rows: how many, "select all matching", and one change at a
 * time (status, assignee, add or remove a tag). Presentational: the parent sends the change.
 */
export function BulkBar({
  selected,
  total,
  allMatching,
  busy,
  onSelectAll,
  onClear,
  onApply,
}: {
  selected: number;
  total: number;
  allMatching: boolean;
  busy: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onApply: (change: BulkChange) => void;
}) {
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [assignee, setAssignee] = useState('');
  const [tag, setTag] = useState('');
  const disabled = busy;
  const submit = (change: BulkChange | null) => (event: FormEvent) => {
    event.preventDefault();
    if (change) onApply(change);
  };
  return (
    <div className="dash-bulk" role="group" aria-label={t('dashboard.bulkLabel')} data-testid="dashboard-bulk">
      <p className="dash-bulk-count" aria-live="polite" data-testid="dashboard-bulk-count">
        {selected === 0
          ? t('dashboard.noneSelected')
          : t(allMatching ? 'dashboard.selectedAll' : 'dashboard.selected', { cases: casesText(selected) })}
      </p>
      {!allMatching && total > 0 && (
        <button type="button" onClick={onSelectAll} disabled={busy} data-testid="dashboard-select-all">
          {t('dashboard.selectAll', total, { count: formatNumber(total) })}
        </button>
      )}
      {selected > 0 && (
        <button type="button" onClick={onClear} disabled={busy}>
          {t('dashboard.clearSelection')}
        </button>
      )}
      {selected > 0 && (
        <>
          <form className="dash-bulk-action" onSubmit={submit(status ? { kind: 'status', to: status } : null)}>
            <label className="dash-filter">
              <span>{t('dashboard.setStatus')}</span>
              <select
                value={status}
                data-testid="dashboard-bulk-status"
                onChange={(event) => setStatus(event.target.value as CaseStatus | '')}
              >
                <option value="">{t('dashboard.choose')}</option>
                {BULK_STATUSES.map((option) => (
                  <option key={option} value={option}>
                    {statusLabel(option)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={disabled || !status}>
              {t('dashboard.apply')}
            </button>
          </form>
          <form className="dash-bulk-action" onSubmit={submit({ kind: 'assignee', assignee: assignee.trim() || null })}>
            <label className="dash-filter">
              <span>{t('dashboard.assignTo')}</span>
              <input
                value={assignee}
                maxLength={CASE_LIMITS.personName}
                data-testid="dashboard-bulk-assignee"
                onChange={(event) => setAssignee(event.target.value)}
              />
            </label>
            <button type="submit" disabled={disabled}>
              {assignee.trim() ? t('dashboard.assign') : t('dashboard.unassign')}
            </button>
          </form>
          <form className="dash-bulk-action" onSubmit={submit(tag.trim() ? { kind: 'addTag', tag: tag.trim() } : null)}>
            <label className="dash-filter">
              <span>{t('dashboard.tag')}</span>
              <input
                value={tag}
                maxLength={CASE_LIMITS.tagLength}
                data-testid="dashboard-bulk-tag"
                onChange={(event) => setTag(event.target.value)}
              />
            </label>
            <button type="submit" disabled={disabled || !tag.trim()} data-testid="dashboard-bulk-add-tag">
              {t('dashboard.addTag')}
            </button>
            <button type="button" disabled={disabled || !tag.trim()} onClick={() => onApply({ kind: 'removeTag', tag: tag.trim() })}>
              {t('dashboard.removeTag')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}

/** What a bulk change did, in one sentence for the status line. */
export function bulkSummary(result: {
  changed: number;
  unchanged: number;
  skipped: { ref: string; reason: string }[];
  missing: number;
}): string {
  const parts = [t('bulkSummary.changed', { cases: casesText(result.changed) })];
  if (result.unchanged > 0) parts.push(t('bulkSummary.unchanged', { cases: casesText(result.unchanged) }));
  if (result.missing > 0) parts.push(t('bulkSummary.missing', { cases: casesText(result.missing) }));
  if (result.skipped.length > 0) {
    const list = result.skipped
      .slice(0, 3)
      .map((item) => t('bulkSummary.skippedCase', { ref: item.ref, reason: item.reason }))
      .join(t('bulkSummary.separator'));
    const more = result.skipped.length - 3;
    parts.push(more > 0 ? t('bulkSummary.skippedMore', { list, more: formatNumber(more) }) : t('bulkSummary.skipped', { list }));
  }
  return parts.join(' ');
}
