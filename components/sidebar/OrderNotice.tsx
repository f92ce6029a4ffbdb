import { t } from '../../lib/i18n/t';
import { formatNumber } from '../../lib/i18n/format';

export interface OrderNoticeProps {
  /** The rows shown are not the current order (held while the user points at or works in the list). */
  stale: boolean;
  /** Rows waiting that were not listed when the hold began (new mentions). */
  newRows: number;
  onApply: () => void;
}

/**
 * Says the list waits for the user: new rows, or a new order, are held back. A polite live region
 * that is always there (empty when nothing waits), so screen readers announce what appears in it.
 */
export function OrderNotice({ stale, newRows, onApply }: OrderNoticeProps) {
  return (
    <div className="cs-order-notice" role="status" aria-live="polite">
      {stale ? (
        <button type="button" className="cs-order-apply" data-testid="careside-order-notice" onClick={onApply}>
          {newRows > 0 ? t('sidebar.order.newMentions', newRows, { count: formatNumber(newRows) }) : t('sidebar.order.updated')}
        </button>
      ) : null}
    </div>
  );
}
