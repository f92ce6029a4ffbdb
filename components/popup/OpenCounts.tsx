import { CASE_STATUSES, STATUS_LABELS } from '../../lib/domain/case';
import { PLATFORMS } from '../../lib/domain/post';
import type { CaseSummary } from '../../lib/domain/case-views';
import { PLATFORM_LABELS } from '../common/labels';

export function OpenCounts({ summary }: { summary: CaseSummary }) {
  return (
    <section className="popup-section" aria-labelledby="popup-counts-heading">
      <h2 id="popup-counts-heading" className="visually-hidden">
        Case counts
      </h2>
      <p className="popup-total">
        <span className="popup-total-number" data-testid="popup-open-total">
          {summary.openTotal}
        </span>{' '}
        open {summary.openTotal === 1 ? 'case' : 'cases'}
      </p>
      <div className="popup-count-grid">
        <div>
          <h3>By status</h3>
          <dl className="popup-counts">
            {CASE_STATUSES.map((status) => (
              <div key={status} className="popup-count-row">
                <dt>{STATUS_LABELS[status]}</dt>
                <dd data-testid={`popup-status-${status}`}>{summary.byStatus[status]}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h3>Open by platform</h3>
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
