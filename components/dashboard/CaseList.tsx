import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ChangeEvent } from 'react';
import type { Case } from '../../lib/domain/case';
import type { CaseQueryFilterInput } from '../../lib/domain/case-views';
import { casePageQuery, DASHBOARD_PAGE_SIZE, workflowKeys } from '../../lib/queries/workflow';
import type { ResponseTargets } from '../../lib/workflow/targets';
import { CaseRow } from './CaseRow';
import { isTicked, toggleRow, type Selection } from './selection';
import { listedTotal, pagesFor, type PageTotal } from './virtual';
import { t } from '../../lib/i18n/t';
import { formatNumber } from '../../lib/i18n/format';

export const ROW_HEIGHT = 64;
const VIEWPORT_HEIGHT = 560;
const OVERSCAN = 8;

/**
 * The case list, virtualized with @tanstack/react-virtual: only the rows in view (plus a margin)
 * are rendered. Rows come in pages of DASHBOARD_PAGE_SIZE, loaded when they scroll into view,
 * so 100,000 matches cost the same as 100. Each row has a checkbox for bulk changes
 * (shift-click ticks a range).
 */
export function CaseList({
  filter,
  selectedRef,
  onSelect,
  selection,
  onSelectionChange,
  now,
  targets,
}: {
  filter: CaseQueryFilterInput;
  selectedRef: string;
  onSelect: (ref: string) => void;
  selection: Selection;
  onSelectionChange: (next: Selection) => void;
  now: number;
  targets: ResponseTargets;
}) {
  'use no memo'; // useVirtualizer returns a mutable object the React compiler must not memoize.
  const viewport = useRef<HTMLDivElement>(null);
  const first = useQuery(casePageQuery(filter, 0));
  // Pages loaded further down a common-word search have counted further (read from the cache,
  // which re-renders this list whenever a page arrives).
  const loaded = useQueryClient()
    .getQueriesData<PageTotal>({ queryKey: workflowKeys.pages(filter) })
    .map(([, data]) => data);
  const total = listedTotal(first.data, loaded);
  const countedSoFar = first.data?.totalIsLowerBound === true;
  // eslint-disable-next-line react-hooks/incompatible-library -- see 'use no memo' above.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 0, height: VIEWPORT_HEIGHT },
  });
  const items = virtualizer.getVirtualItems();
  const range = items.length > 0 ? { first: items[0]!.index, last: items[items.length - 1]!.index } : { first: 0, last: -1 };
  const pages = useQueries({ queries: pagesFor(range, DASHBOARD_PAGE_SIZE).map((page) => casePageQuery(filter, page)) });

  const rows = new Map<number, Case>();
  for (const page of pages) {
    const data = page.data;
    if (!data || page.isPlaceholderData) continue;
    data.cases.forEach((item, i) => rows.set(data.offset + i, item));
  }
  const onTick = (index: number, item: Case) => (event: ChangeEvent<HTMLInputElement>) => {
    const native = event.nativeEvent;
    const range = 'shiftKey' in native && native.shiftKey === true;
    onSelectionChange(toggleRow(selection, index, item.id, range, (row) => rows.get(row)?.id));
  };

  return (
    <section className="dash-list-section" aria-labelledby="dash-list-heading">
      <h2 id="dash-list-heading">
        {t('dashboard.cases')}{' '}
        <span className="dash-total" data-testid="dashboard-total" aria-live="polite">
          {first.isPending ? '…' : `${formatNumber(total)}${countedSoFar ? '+' : ''}`}
        </span>{' '}
        <span className="dash-muted">{t('dashboard.matches', total)}</span>
        {countedSoFar && (
          <span className="dash-muted" data-testid="dashboard-counted-so-far">
            {t('dashboard.countedSoFar')}
          </span>
        )}
        {first.isFetching && !first.isPending && <span className="dash-muted">{t('dashboard.updating')}</span>}
      </h2>
      {first.isError && (
        <p role="alert" className="dash-error">
          {t('dashboard.casesError', { error: first.error.message })}
        </p>
      )}
      <div
        ref={viewport}
        className="dash-viewport"
        style={{ height: VIEWPORT_HEIGHT }}
        role="list"
        aria-label={t('dashboard.listLabel')}
        tabIndex={0}
      >
        <div className="dash-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map(({ index, start }) => {
            const item = rows.get(index);
            return (
              <div
                key={item?.id ?? `loading-${index}`}
                className="dash-row-slot"
                role="listitem"
                style={{ top: start, height: ROW_HEIGHT }}
              >
                {item ? (
                  <>
                    <label className="dash-row-tick">
                      <input
                        type="checkbox"
                        checked={isTicked(selection, item.id)}
                        data-testid="dashboard-row-tick"
                        onChange={onTick(index, item)}
                      />
                      <span className="visually-hidden">{t('dashboard.selectCase', { ref: item.ref })}</span>
                    </label>
                    <CaseRow item={item} selected={item.ref === selectedRef} onSelect={onSelect} now={now} targets={targets} />
                  </>
                ) : (
                  <div className="dash-row dash-row-loading">{t('dashboard.loadingRow')}</div>
                )}
              </div>
            );
          })}
        </div>
        {!first.isPending && total === 0 && <p className="dash-empty">{t('dashboard.noMatches')}</p>}
      </div>
    </section>
  );
}
