import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { assigneeName, isAssignedTo } from '../../lib/agents/roster';
import type { Case } from '../../lib/domain/case';
import { CASE_LIMITS } from '../../lib/domain/limits';
import { t } from '../../lib/i18n/t';
import { meQuery, rosterQuery } from '../../lib/queries/agents';

/**
 * A case's assignee: "Assign to me", or a teammate from the roster (the input offers the roster;
 * its value is the agent id). An old free-text assignee shows as the name it is.
 */
export function AssigneeField({ item, onAssign }: { item: Case; onAssign: (assignee: string | null) => void }) {
  const listId = useId();
  const me = useQuery(meQuery()).data?.agent;
  const roster = useQuery(rosterQuery()).data ?? [];
  const [assignee, setAssignee] = useState(item.assignee ?? '');
  const shown = assigneeName(item.assignee, roster);
  const mine = me !== undefined && isAssignedTo(item.assignee, me.id);
  return (
    <div className="dash-assignee" data-testid="dashboard-assignee">
      <p className="dash-muted" data-testid="dashboard-assignee-name">
        {t('dashboard.assignee')}: {mine ? t('agents.assignedToYou') : (shown ?? t('dashboard.unassigned'))}
      </p>
      {me && !mine && (
        <button type="button" data-testid="dashboard-assign-to-me" onClick={() => onAssign(me.id)}>
          {t('agents.assignToMe')}
        </button>
      )}
      <form onSubmit={(event) => (event.preventDefault(), onAssign(assignee.trim() || null))}>
        <label>
          {t('dashboard.detail.assignee')}{' '}
          <input value={assignee} list={listId} maxLength={CASE_LIMITS.personName} onChange={(event) => setAssignee(event.target.value)} />
        </label>
        <datalist id={listId}>
          {roster.map((entry) => (
            <option key={entry.id} value={entry.id} label={entry.source === 'me' ? t('agents.me', { name: entry.name }) : entry.name} />
          ))}
        </datalist>
        <button type="submit">{t('dashboard.detail.save')}</button>
      </form>
    </div>
  );
}
