import type { Spiral } from './schema';

const MINUTE = 60_000;

/** "40 min", "3 h": how long the spiral's complaints took to arrive. */
export function formatSpiralSpan(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  return minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}

/** "6 similar complaints in 40 min — lost bag · baggage claim". */
export function spiralSummary(spiral: Pick<Spiral, 'size' | 'firstAt' | 'lastAt' | 'label'>): string {
  return `${spiral.size} similar complaints in ${formatSpiralSpan(spiral.lastAt - spiral.firstAt)} — ${spiral.label}`;
}
