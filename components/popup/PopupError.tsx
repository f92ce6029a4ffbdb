import { t } from '../../lib/i18n/t';

export function PopupError({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  return (
    <section className="popup-section popup-error" data-testid="popup-error" role="alert">
      <h2>{t('popup.loadError')}</h2>
      <p>{message}</p>
      <button type="button" onClick={onRetry} disabled={retrying}>
        {retrying ? t('popup.retrying') : t('popup.retry')}
      </button>
    </section>
  );
}
