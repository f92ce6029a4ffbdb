import { t } from '../../lib/i18n/t';

/** No open cases, brands configured (without brands the popup leads with SetupFirstBrand instead). */
export function EmptyState() {
  return (
    <section className="popup-section popup-empty" data-testid="popup-empty">
      <p>{t('popup.emptyTitle')}</p>
      <p className="popup-muted">{t('popup.emptyHint')}</p>
    </section>
  );
}
