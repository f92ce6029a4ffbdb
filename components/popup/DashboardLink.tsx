import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/t';

/** The full case list, stats and import/export live on the dashboard page. */
export function DashboardLink() {
  return (
    <a
      className="popup-dashboard-link"
      href={browser.runtime.getURL('/dashboard.html')}
      target="_blank"
      rel="noopener"
      data-testid="popup-dashboard-link"
    >
      {t('popup.dashboard')}
    </a>
  );
}
