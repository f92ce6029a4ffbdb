import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/t';

/** What the popup leads with before any brand is configured: the way to the welcome page, not a grid of zeros. */
export function SetupFirstBrand() {
  return (
    <section className="popup-section popup-setup" data-testid="popup-setup">
      <h2>{t('popup.setupTitle')}</h2>
      <p>{t('popup.setupText')}</p>
      <a
        className="popup-setup-link"
        href={browser.runtime.getURL('/welcome.html')}
        target="_blank"
        rel="noopener"
        data-testid="popup-setup-link"
      >
        {t('popup.setupTitle')}
      </a>
    </section>
  );
}
