import { CASE_STATUSES } from '../../lib/domain/case';
import { statusLabel } from '../../lib/domain/labels';
import { formatNumber } from '../../lib/i18n/format';
import { PLATFORMS } from '../../lib/domain/post';
import type { CaseSummary } from '../../lib/domain/case-views';
import { PLATFORM_LABELS } from '../common/labels';
import { t } from '../../lib/i18n/t';

/** The open total, first thing in the popup. */
export function OpenTotal({ summary }: { summary: CaseSummary }) {
  return (
    <p className="popup-total">
      <span className="popup-total-number" data-testid="popup-open-total">
        {formatNumber(summary.openTotal)}
      </span>{' '}
      {t('popup.openCases', summary.openTotal)}
    </p>
  );
}

/** Counts by status and platform: reference, not a call to act, so it sits below what needs an answer. */
export function CountBreakdown({ summary }: { summary: CaseSummary }) {
  return (
    <section className="popup-section" aria-labelledby="popup-counts-heading">
      <h2 id="popup-counts-heading" className="visually-hidden">
        {t('popup.countsHeading')}
      </h2>
      <div className="popup-count-grid">
        <div>
          <h3>{t('popup.byStatus')}</h3>
          <dl className="popup-counts">
            {CASE_STATUSES.map((status) => (
              <div key={status} className="popup-count-row">
                <dt>{statusLabel(status)}</dt>
                <dd data-testid={`popup-status-${status}`}>{summary.byStatus[status]}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h3>{t('popup.byPlatform')}</h3>
          <dl className="popup-counts">
            {PLATFORMS.map((platform) => (
              <div key={platform} className="popup-count-row">
                <dt>{PLATFORM_LABELS[platform]}</dt>
                <dd data-testid={`popup-platform-${platform}`}>{summary.byPlatform[platform]}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
    </section>
  );
}
