import type { Spiral } from './schema';
import { t } from '../i18n/t';
import { formatNumber } from '../i18n/format';

const MINUTE = 60_000;

/** "40 min", "3 h": how long the spiral's complaints took to arrive. */
export function formatSpiralSpan(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  return minutes < 120
    ? t('duration.minutes', { minutes: formatNumber(minutes) })
    : t('duration.hours', { hours: formatNumber(Math.round(minutes / 60)) });
}

/** "6 similar complaints in 40 min — lost bag · baggage claim". */
export function spiralSummary(spiral: Pick<Spiral, 'size' | 'firstAt' | 'lastAt' | 'label'>): string {
  const span = formatSpiralSpan(spiral.lastAt - spiral.firstAt);
  return t('spiral.summary', spiral.size, { count: formatNumber(spiral.size), span, label: spiral.label });
}
