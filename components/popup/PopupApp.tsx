import { useQuery } from '@tanstack/react-query';
import { caseSummaryQuery } from '../../lib/queries/cases';
import { settingsQuery } from '../../lib/queries/settings';
import { OptionsLink } from '../common/OptionsLink';
import { Attention } from './Attention';
import { DashboardLink } from './DashboardLink';
import { EmptyState } from './EmptyState';
import { MyCases } from './MyCases';
import { NewestCases } from './NewestCases';
import { OldestWaiting } from './OldestWaiting';
import { CountBreakdown, OpenTotal } from './OpenCounts';
import { PopupError } from './PopupError';
import { UndoResolveBanner, useUndoOffer } from './ResolveActions';
import { SetupFirstBrand } from './SetupFirstBrand';
import { Spirals } from './Spirals';
import { TeamSync } from './TeamSync';
import { t } from '../../lib/i18n/t';

/** The toolbar popup: open-case summary from the background, live via cases/changed. */
export function PopupApp({ now = Date.now }: { now?: () => number }) {
  const summary = useQuery(caseSummaryQuery());
  const settings = useQuery(settingsQuery());
  // Above the lists: resolving the last open case removes them, never the chance to undo.
  const [undoOffer, setUndoOffer] = useUndoOffer();
  // Until settings load, assume brands exist so the "set up your first brand" prompt does not flash.
  const hasBrands = settings.data ? settings.data.settings.brands.length > 0 : true;

  let body;
  if (!hasBrands && !summary.isError && (summary.data?.openTotal ?? 0) === 0) {
    // Nothing to count yet: lead with the setup, not a grid of zeros.
    body = <SetupFirstBrand />;
  } else if (summary.isPending) {
    body = (
      <p role="status" className="popup-muted">
        {t('popup.loading')}
      </p>
    );
  } else if (summary.isError) {
    body = <PopupError message={summary.error.message} onRetry={() => void summary.refetch()} retrying={summary.isFetching} />;
  } else {
    const data = summary.data;
    body = (
      <>
        {/* What needs an answer first; the breakdown by status and platform last (a 600 px popup shows the top). */}
        <OpenTotal summary={data} />
        {data.openTotal > 0 && <Attention now={now()} onResolved={setUndoOffer} />}
        {data.openTotal === 0 && <EmptyState />}
        {data.openTotal > 0 && <OldestWaiting item={data.oldestWaiting} now={now()} />}
        {data.newest.length > 0 && <NewestCases cases={data.newest} />}
        <MyCases />
        <CountBreakdown summary={data} />
      </>
    );
  }

  return (
    <main className="popup">
      <header className="popup-header">
        <h1>CareSide</h1>
        <DashboardLink />
        <OptionsLink>{t('popup.settings')}</OptionsLink>
      </header>
      <TeamSync now={now} />
      <Spirals />
      <UndoResolveBanner offer={undoOffer} onDone={() => setUndoOffer(null)} />
      {body}
    </main>
  );
}
