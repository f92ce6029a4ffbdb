import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type UIEvent } from 'react';
import type { Case } from '../../lib/domain/case';
import type { CaseQueryFilterInput } from '../../lib/domain/case-views';
import { casePageQuery, DASHBOARD_PAGE_SIZE } from '../../lib/queries/workflow';
import type { ResponseTargets } from '../../lib/workflow/targets';
import { CaseRow } from './CaseRow';
import { pagesFor, visibleRows } from './virtual';

export const ROW_HEIGHT = 64;
const VIEWPORT_HEIGHT = 560;

/**
 * The case list, virtualized: a spacer as tall as all matching rows, and only the rows in view
 * (plus a margin) rendered at their offsets. Rows come in pages of DASHBOARD_PAGE_SIZE, loaded
 * when they scroll into view, so 100,000 matches cost the same as 100.
 */
export function CaseList({
  filter,
  selectedRef,
  onSelect,
  now,
  targets,
}: {
  filter: CaseQueryFilterInput;
  selectedRef: string;
  onSelect: (ref: string) => void;
  now: number;
  targets: ResponseTargets;
}) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const frame = useRef(0);
  // (The parent keys this component by filter, so a new filter starts at the top.)
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const first = useQuery(casePageQuery(filter, 0));
  const total = first.data?.total ?? 0;
  const range = visibleRows(scrollTop, VIEWPORT_HEIGHT, ROW_HEIGHT, total);
  const pages = useQueries({ queries: pagesFor(range, DASHBOARD_PAGE_SIZE).map((page) => casePageQuery(filter, page)) });

  const rows = new Map<number, Case>();
  for (const page of pages) {
    const data = page.data;
    if (!data || page.isPlaceholderData) continue;
    data.cases.forEach((item, i) => rows.set(data.offset + i, item));
  }

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const top = event.currentTarget.scrollTop;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(top));
  };

  const indexes: number[] = [];
  for (let index = range.first; index <= range.last; index += 1) indexes.push(index);

  return (
    <section className="dash-list-section" aria-labelledby="dash-list-heading">
      <h2 id="dash-list-heading">
        Cases{' '}
        <span className="dash-total" data-testid="dashboard-total" aria-live="polite">
          {first.isPending ? '…' : total.toLocaleString('en-US')}
        </span>{' '}
        <span className="dash-muted">{total === 1 ? 'match' : 'matches'}</span>
        {first.isFetching && !first.isPending && <span className="dash-muted"> · updating…</span>}
      </h2>
      {first.isError && (
        <p role="alert" className="dash-error">
          Cases could not be loaded: {first.error.message}
        </p>
      )}
      <div
        ref={viewport}
        className="dash-viewport"
        style={{ height: VIEWPORT_HEIGHT }}
        onScroll={onScroll}
        role="list"
        aria-label="Matching cases, newest first"
        tabIndex={0}
      >
        <div className="dash-spacer" style={{ height: total * ROW_HEIGHT }}>
          {indexes.map((index) => {
            const item = rows.get(index);
            return (
              <div
                key={item?.id ?? `loading-${index}`}
                className="dash-row-slot"
                role="listitem"
                style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
              >
                {item ? (
                  <CaseRow item={item} selected={item.ref === selectedRef} onSelect={onSelect} now={now} targets={targets} />
                ) : (
                  <div className="dash-row dash-row-loading">Loading…</div>
                )}
              </div>
            );
          })}
        </div>
        {!first.isPending && total === 0 && <p className="dash-empty">No cases match these filters.</p>}
      </div>
    </section>
  );
}
