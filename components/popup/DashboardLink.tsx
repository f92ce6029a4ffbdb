import { browser } from 'wxt/browser';

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
      Dashboard
    </a>
  );
}
