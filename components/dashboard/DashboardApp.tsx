import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { OptionsLink } from '../common/OptionsLink';
import { plainErrorMessage } from '../../lib/domain/errors';
import type { BulkChange } from '../../lib/domain/case-views';
import { bulkUpdateMutation } from '../../lib/queries/bulk';
import { settingsQuery } from '../../lib/queries/settings';
import { meQuery, rosterQuery } from '../../lib/queries/agents';
import { casePageQuery } from '../../lib/queries/workflow';
import { DEFAULT_RESPONSE_TARGETS } from '../../lib/workflow/targets';
import { systemTimeZone } from '../../lib/workflow/local-time';
import { BulkBar, bulkSummary } from './BulkBar';
import { CaseDetail } from './CaseDetail';
import { CaseList } from './CaseList';
import { casesText, DeleteMatching } from './DeleteMatching';
import { Filters } from './Filters';
import { toQueryFilter } from './filters';
import { emptySelection, selectedCount, selectionFor } from './selection';
import { Stats } from './Stats';
import { Transfer } from './Transfer';
import { useDebounced, useHashCaseRef, useStickyFilters } from './useStickyFilters';
import { t } from '../../lib/i18n/t';

const SEARCH_DEBOUNCE_MS = 250;
/** Target states ("past target") move with the clock. */
const CLOCK_TICK_MS = 30_000;

/** The dashboard page: sticky filters, the virtualized case list, the selected case, stats, export/import. */
export function DashboardApp() {
  const [filters, setFilters] = useStickyFilters();
  const search = useDebounced(filters.search, SEARCH_DEBOUNCE_MS);
  const assignee = useDebounced(filters.assignee, SEARCH_DEBOUNCE_MS);
  const me = useQuery(meQuery()).data?.agent;
  const roster = useQuery(rosterQuery()).data ?? [];
  const filter = toQueryFilter({ ...filters, search, assignee }, me?.id);
  const [selectedRef, selectRef] = useHashCaseRef();
  const settings = useQuery(settingsQuery());
  const brands = settings.data?.settings.brands ?? [];
  const targets = settings.data?.settings.responseTargets ?? DEFAULT_RESPONSE_TARGETS;
  const now = useNow(CLOCK_TICK_MS);
  const [timeZone] = useState(systemTimeZone);
  const [said, setSaid] = useState<Said>({ text: '', count: 0 });
  const announce = (text: string) => setSaid((previous) => ({ text, count: previous.count + 1 }));
  const filterKey = JSON.stringify(filter);
  const [storedSelection, setSelection] = useState(() => emptySelection(filterKey));
  const selection = selectionFor(storedSelection, filterKey);
  const firstPage = useQuery(casePageQuery(filter, 0)).data;
  // Select-all needs every match counted; a common-word search counts only the newest.
  const total = firstPage?.totalIsLowerBound ? 0 : (firstPage?.total ?? 0);
  const queryClient = useQueryClient();
  const bulk = useMutation(bulkUpdateMutation(queryClient));
  const applyBulk = (change: BulkChange) => {
    const target = selection.all ? { filter } : { caseIds: [...selection.ids] };
    bulk.mutateAsync({ target, change }).then(
      (result) => {
        setSelection(emptySelection(filterKey));
        announce(bulkSummary(result));
      },
      () => undefined,
    );
  };
  const onCaseDeleted = (ref: string) => {
    selectRef('');
    announce(t('dashboard.deletedCase', { ref }));
  };

  return (
    <div className="dash">
      <header className="dash-header">
        <h1>{t('dashboard.title')}</h1>
        <OptionsLink>{t('dashboard.settings')}</OptionsLink>
      </header>
      <div className="dash-sticky">
        <Filters value={filters} brands={brands} roster={roster} onChange={setFilters} />
      </div>
      <div className={`dash-main${selectedRef ? ' dash-main-with-detail' : ''}`}>
        {/* Keyed by filter: a new filter starts a fresh list, scrolled to the top. */}
        <div className="dash-list-column">
          <BulkBar
            selected={selectedCount(selection, total)}
            total={total}
            allMatching={selection.all}
            busy={bulk.isPending}
            onSelectAll={() => setSelection({ ...emptySelection(filterKey), all: true })}
            onClear={() => setSelection(emptySelection(filterKey))}
            onApply={applyBulk}
          />
          {bulk.isError && (
            <p role="alert" className="dash-error">
              {plainErrorMessage(bulk.error)}
            </p>
          )}
          <CaseList
            key={filterKey}
            filter={filter}
            selectedRef={selectedRef}
            onSelect={selectRef}
            selection={selection}
            onSelectionChange={setSelection}
            now={now}
            targets={targets}
          />
        </div>
        {selectedRef && (
          <CaseDetail
            caseRef={selectedRef}
            onClose={() => selectRef('')}
            onDeleted={onCaseDeleted}
            now={now}
            targets={targets}
            backlogAgeHours={settings.data?.settings.backlogAgeHours}
          />
        )}
      </div>
      <DeleteMatching filter={filter} onDeleted={(count) => announce(t('dashboard.deletedCases', { cases: casesText(count) }))} />
      <Notice said={said} />
      <Stats filter={filter} timeZone={timeZone} />
      <Transfer filter={filter} brands={brands} assignees={roster} timeZone={timeZone} />
    </div>
  );
}

interface Said {
  text: string;
  /** Moves focus again when the same words are said twice. */
  count: number;
}

/** A status line that takes focus when it says something (the control that was used may be gone). */
function Notice({ said }: { said: Said }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (said.count > 0) ref.current?.focus();
  }, [said]);
  return (
    <p ref={ref} role="status" tabIndex={-1} className="dash-notice" data-testid="dashboard-notice">
      {said.text}
    </p>
  );
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
