import { useQuery } from '@tanstack/react-query';
import type { CaseQueryFilterInput } from '../../lib/domain/case-views';
import { caseStatsQuery } from '../../lib/queries/workflow';
import { formatDuration } from '../../lib/workflow/targets';
import { VolumeChart } from './VolumeChart';

/** How long the customer waited, in words; "n/a" when no case has that time yet. */
function duration(ms: number | null): string {
  return ms === null ? 'n/a' : formatDuration(ms);
}

/** Stats over the filtered cases: volume per day by category, response and resolution times, breaches. */
export function Stats({ filter, timeZone }: { filter: CaseQueryFilterInput; timeZone: string }) {
  // Stats cover exactly the listed cases; a search reuses the ids the list query already found.
  const stats = useQuery(caseStatsQuery(filter, timeZone));
  return (
    <section className="dash-stats-section" aria-labelledby="dash-stats-heading">
      <h2 id="dash-stats-heading">Stats</h2>
      {stats.isError && (
        <p role="alert" className="dash-error">
          Stats could not be loaded: {stats.error.message}
        </p>
      )}
      {stats.isPending && <p className="dash-muted">Counting…</p>}
      {stats.data && (
        <>
          <dl className="dash-stats" data-testid="dashboard-stats">
            <div>
              <dt>Cases</dt>
              <dd data-stat="total">{stats.data.total.toLocaleString('en-US')}</dd>
            </div>
            <div>
              <dt>First response, median</dt>
              <dd data-stat="first-response-median">{duration(stats.data.firstResponse.medianMs)}</dd>
            </div>
            <div>
              <dt>First response, 90th percentile</dt>
              <dd data-stat="first-response-p90">{duration(stats.data.firstResponse.p90Ms)}</dd>
            </div>
            <div>
              <dt>Resolution, median</dt>
              <dd data-stat="resolution-median">{duration(stats.data.resolution.medianMs)}</dd>
            </div>
            <div>
              <dt>Resolved without a response</dt>
              <dd data-stat="resolved-without-response">{stats.data.resolvedWithoutResponse.toLocaleString('en-US')}</dd>
            </div>
            <div>
              <dt>Target breaches</dt>
              <dd data-stat="breaches">{stats.data.breaches.toLocaleString('en-US')}</dd>
            </div>
          </dl>
          <VolumeChart days={stats.data.days} />
        </>
      )}
    </section>
  );
}
