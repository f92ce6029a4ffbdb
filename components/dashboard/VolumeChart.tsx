import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { categoryLabel as nameOfCategory } from '../../lib/domain/labels';
import { t } from '../../lib/i18n/t';
import type { StatsCategory } from '../../lib/domain/case-views';
import { stackVolume, type DayVolumeLike } from './volume-data';

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
  app_bug: '#7b68ee',
  other: '#7f7f7f',
  uncategorized: '#b0b7c3',
};

export function categoryLabel(category: StatsCategory): string {
  return category === 'uncategorized' ? t('dashboard.uncategorized') : nameOfCategory(category);
}

const HEIGHT = 200;

/**
 * Cases per day, stacked by category, drawn by uPlot (canvas; hovering a day shows its counts
 * in the legend). The same numbers are in a table below it for screen readers and keyboard users.
 */
export function VolumeChart({ days }: { days: readonly DayVolumeLike[] }) {
  const stacked = stackVolume(days);
  return (
    <figure className="dash-chart" data-testid="dashboard-chart">
      <figcaption className="dash-chart-caption">{t('dashboard.casesPerDay')}</figcaption>
      <UPlotBars days={days} />
      <details className="dash-chart-table">
        <summary>{t('dashboard.showTable')}</summary>
        <table data-testid="dashboard-chart-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.day')}</th>
              <th scope="col">{t('dashboard.statCases')}</th>
              {stacked.categories.map((category) => (
                <th key={category} scope="col">
                  {categoryLabel(category)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, i) => (
              <tr key={day.date} data-date={day.date} data-total={day.total}>
                <th scope="row">{day.date}</th>
                <td>{day.total}</td>
                {stacked.counts.map((row, c) => (
                  <td key={stacked.categories[c]}>{row[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The canvas chart; redrawn when the days change, resized with its box. */
function UPlotBars({ days }: { days: readonly DayVolumeLike[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    // No 2D canvas (a locked-down browser, a test DOM): the table below still has every number.
    if (!element || !document.createElement('canvas').getContext('2d')) return;
    const stacked = stackVolume(days);
    const bars = uPlot.paths.bars?.({ size: [0.8, 28], gap: 1 });
    // Tallest segment first, so each shorter one is drawn over it: the bars read as stacks.
    const order = stacked.categories.map((_, i) => i).reverse();
    const options: uPlot.Options = {
      width: Math.max(240, element.clientWidth),
      height: HEIGHT,
      scales: {
        x: { time: false, range: [-0.5, Math.max(0.5, days.length - 0.5)] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        { values: (_u, splits) => splits.map((at) => days[at]?.date.slice(5) ?? ''), space: 60 },
        { values: (_u, splits) => splits.map((at) => (Number.isInteger(at) ? String(at) : '')) },
      ],
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: t('dashboard.day'), value: (_u, at) => (at === null ? '' : (days[at]?.date ?? '')) },
        ...order.map((c) => {
          const category = stacked.categories[c]!;
          return {
            label: categoryLabel(category),
            fill: CATEGORY_COLORS[category],
            stroke: CATEGORY_COLORS[category],
            width: 0,
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
            value: (_u: uPlot, _v: number | null, _s: number, at: number | null) =>
              at === null ? '–' : String(stacked.counts[c]?.[at] ?? 0),
          } satisfies uPlot.Series;
        }),
      ],
    };
    const data: uPlot.AlignedData = [stacked.x, ...order.map((c) => stacked.tops[c] ?? [])];
    const chart = new uPlot(options, data, element);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(240, element.clientWidth), height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days]);
  return <div ref={box} className="dash-chart-canvas" aria-hidden="true" data-testid="dashboard-chart-canvas" />;
}
