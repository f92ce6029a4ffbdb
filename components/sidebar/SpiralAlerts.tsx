import { spiralSummary, type Spiral } from '../../lib/spirals';
import { t } from '../../lib/i18n/t';

/** One alert per active spiral: "Spiral: 6 similar complaints in 40 min — lost bag · baggage claim". */
export function SpiralAlerts({ spirals }: { spirals: readonly Spiral[] }) {
  if (spirals.length === 0) return null;
  return (
    <div className="cs-spirals" role="alert">
      {spirals.map((spiral) => (
        <p key={spiral.id} className="cs-spiral" data-testid="careside-spiral-alert" data-spiral-id={spiral.id}>
          <strong>{t('sidebar.spiral')}</strong> {spiralSummary(spiral)}
        </p>
      ))}
    </div>
  );
}
