import { useQuery } from '@tanstack/react-query';
import type { CaseQueryFilterInput } from '../../lib/domain/case-views';
import { caseStatsQuery } from '../../lib/queries/workflow';
import { formatDuration } from '../../lib/workflow/targets';
import { VolumeChart } from './VolumeChart';
import { t } from '../../lib/i18n/t';
import { formatNumber } from '../../lib/i18n/format';

/** How long the customer waited, in words; "n/a" when no case has that time yet. */
function duration(ms: number | null): string {
  return ms === null ? t('common.notAvailable') : formatDuration(ms);
}

/** Stats over the filtered cases: volume per day by category, response and resolution times, breaches. */
export function Stats({ filter, timeZone }: { filter: CaseQueryFilterInput; timeZone: string }) {
  // Stats cover exactly the listed cases; a search reuses the ids the list query already found.
  const stats = useQuery(caseStatsQuery(filter, timeZone));
  return (
    <section className="dash-stats-section" aria-labelledby="dash-stats-heading">
      <h2 id="dash-stats-heading">{t('dashboard.stats')}</h2>
      {stats.isError && (
        <p role="alert" className="dash-error">
          {t('dashboard.statsError', { error: stats.error.message })}
        </p>
      )}
      {stats.isPending && <p className="dash-muted">{t('dashboard.counting')}</p>}
      {stats.data && (
        <>
          <dl className="dash-stats" data-testid="dashboard-stats">
            <div>
              <dt>{t('dashboard.statCases')}</dt>
              <dd data-stat="total">{formatNumber(stats.data.total)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.firstResponseMedian')}</dt>
              <dd data-stat="first-response-median">{duration(stats.data.firstResponse.medianMs)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.firstResponseP90')}</dt>
              <dd data-stat="first-response-p90">{duration(stats.data.firstResponse.p90Ms)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.resolutionMedian')}</dt>
              <dd data-stat="resolution-median">{duration(stats.data.resolution.medianMs)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.resolvedWithoutResponse')}</dt>
              <dd data-stat="resolved-without-response">{formatNumber(stats.data.resolvedWithoutResponse)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.breaches')}</dt>
              <dd data-stat="breaches">{formatNumber(stats.data.breaches)}</dd>
            </div>
          </dl>
          <VolumeChart days={stats.data.days} />
        </>
      )}
    </section>
  );
}
