import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { activeSpiralsQuery, invalidateSpiralsOnChange } from '../../lib/queries/spirals';
import { spiralSummary, type Spiral } from '../../lib/spirals';
import { PLATFORM_LABELS } from '../common/labels';
import { t } from '../../lib/i18n/t';

/** Active spirals, one li each: "6 similar complaints in 40 min — lost bag · baggage claim". */
export function SpiralList({ spirals }: { spirals: readonly Spiral[] }) {
  return (
    <section className="popup-section popup-spirals" aria-labelledby="popup-spirals-heading">
      <h2 id="popup-spirals-heading">{t('popup.spirals')}</h2>
      <ul data-testid="popup-spirals" className="popup-spiral-list">
        {spirals.map((spiral) => (
          <li key={spiral.id} className="popup-spiral" data-spiral-id={spiral.id}>
            {/* Labels are words from customers' posts: React text only. */}
            <p className="popup-spiral-summary">{spiralSummary(spiral)}</p>
            <p className="popup-muted">{spiral.platforms.map((platform) => PLATFORM_LABELS[platform]).join(', ')}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The popup's spiral section: shown only while a spiral is active; follows spirals/changed. */
export function Spirals() {
  const queryClient = useQueryClient();
  useEffect(() => invalidateSpiralsOnChange(queryClient), [queryClient]);
  const spirals = useQuery(activeSpiralsQuery());
  if (spirals.isError) {
    return <p className="popup-muted popup-spirals-error">{t('popup.spiralsError', { error: spirals.error.message })}</p>;
  }
  if (!spirals.data || spirals.data.length === 0) return null;
  return <SpiralList spirals={spirals.data} />;
}
