import { CATEGORY_LABELS } from '../../lib/domain/triage';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { STATS_CATEGORIES, type StatsCategory } from '../../lib/domain/case-views';

type DayVolume = ResponseOf<'cases/stats'>['days'][number];

/** One colour per category, readable on light and dark backgrounds. */
export const CATEGORY_COLORS: Record<StatsCategory, string> = {
  billing_refund: '#1f77b4',
  delivery_delay: '#ff7f0e',
  cancellation: '#2ca02c',
  lost_damaged: '#d62728',
  staff_service: '#9467bd',
  product_defect: '#8c564b',
  account_login: '#e377c2',
  booking: '#17becf',
  outage: '#bcbd22',
  other: '#7f7f7f',
  uncategorized: '#b0b7c3',
};

export function categoryLabel(category: StatsCategory): string {
  return category === 'uncategorized' ? 'Uncategorized' : CATEGORY_LABELS[category];
}

const HEIGHT = 160;
const AXIS = 24;

/** Cases per day, stacked by category: a plain SVG bar chart (no chart library). */
export function VolumeChart({ days }: { days: readonly DayVolume[] }) {
  const max = Math.max(1, ...days.map((day) => day.total));
  const barWidth = days.length > 0 ? Math.max(2, Math.min(24, Math.floor(720 / days.length) - 2)) : 0;
  const width = Math.max(240, days.length * (barWidth + 2) + AXIS);
  const used = STATS_CATEGORIES.filter((category) => days.some((day) => (day.byCategory[category] ?? 0) > 0));
  return (
    <figure className="dash-chart" data-testid="dashboard-chart">
      <svg
        role="img"
        aria-label={`Cases per day by category, ${days.length} days, busiest day ${max}`}
        viewBox={`0 0 ${width} ${HEIGHT + 16}`}
        width="100%"
        height={HEIGHT + 16}
        preserveAspectRatio="xMinYMin meet"
      >
        <text x={0} y={10} className="dash-chart-axis">
          {max}
        </text>
        <line x1={AXIS - 4} x2={width} y1={HEIGHT} y2={HEIGHT} className="dash-chart-baseline" />
        {days.map((day, i) => {
          const x = AXIS + i * (barWidth + 2);
          let y = HEIGHT;
          return (
            <g key={day.date} data-date={day.date} data-total={day.total}>
              <title>{`${day.date}: ${day.total} case${day.total === 1 ? '' : 's'}`}</title>
              {STATS_CATEGORIES.map((category) => {
                const count = day.byCategory[category] ?? 0;
                if (count === 0) return null;
                const height = (count / max) * (HEIGHT - 14);
                y -= height;
                return <rect key={category} x={x} y={y} width={barWidth} height={height} fill={CATEGORY_COLORS[category]} />;
              })}
            </g>
          );
        })}
        {days.length > 0 && (
          <>
            <text x={AXIS} y={HEIGHT + 14} className="dash-chart-axis">
              {days[0]?.date}
            </text>
            <text x={width} y={HEIGHT + 14} textAnchor="end" className="dash-chart-axis">
              {days[days.length - 1]?.date}
            </text>
          </>
        )}
      </svg>
      <figcaption>
        <ul className="dash-legend">
          {used.map((category) => (
            <li key={category}>
              <span className="dash-swatch" style={{ background: CATEGORY_COLORS[category] }} aria-hidden="true" />
              {categoryLabel(category)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
