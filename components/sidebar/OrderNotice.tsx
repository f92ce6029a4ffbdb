import { t } from '../../lib/i18n/t';
import { formatNumber } from '../../lib/i18n/format';

export interface OrderNoticeProps {
  /** The rows shown are not the current order (held while the user points at or works in the list). */
  stale: boolean;
  /** Rows the current order would show that wait. */
  heldBack: number;
  onApply: () => void;
}

/**
 * Says the list waits for the user: new rows, or a new order, are held back. A polite live region
 * that is always there (empty when nothing waits), so screen readers announce what appears in it.
 */
export function OrderNotice({ stale, heldBack, onApply }: OrderNoticeProps) {
  return (
    <div className="cs-order-notice" role="status" aria-live="polite">
      {stale ? (
        <button type="button" className="cs-order-apply" data-testid="careside-order-notice" onClick={onApply}>
          {heldBack > 0 ? t('sidebar.order.newMentions', heldBack, { count: formatNumber(heldBack) }) : t('sidebar.order.updated')}
        </button>
      ) : null}
    </div>
  );
}
