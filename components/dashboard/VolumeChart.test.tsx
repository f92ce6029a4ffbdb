import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VolumeChart } from './VolumeChart';

afterEach(cleanup);

describe('VolumeChart', () => {
  it('stacks one bar per day from its categories, with a legend of the categories present', () => {
    const days = [
      { date: '2026-03-01', total: 3, byCategory: { outage: 2, booking: 1 } },
      { date: '2026-03-02', total: 0, byCategory: {} },
      { date: '2026-03-03', total: 6, byCategory: { outage: 6 } },
    ];
    render(<VolumeChart days={days} />);
    const chart = screen.getByTestId('dashboard-chart');
    const groups = chart.querySelectorAll('g[data-date]');
    expect([...groups].map((group) => [group.getAttribute('data-date'), group.querySelectorAll('rect').length])).toEqual([
      ['2026-03-01', 2],
      ['2026-03-02', 0],
      ['2026-03-03', 1],
    ]);
    // The busiest day's bar is the full height; the others are in proportion.
    const heights = [...groups].map((group) =>
      [...group.querySelectorAll('rect')].reduce((sum, rect) => sum + Number(rect.getAttribute('height')), 0),
    );
    expect(heights[2]).toBeCloseTo(146);
    expect(heights[0]).toBeCloseTo(73);
    expect([...chart.querySelectorAll('.dash-legend li')].map((item) => item.textContent)).toEqual(['Booking', 'Outage']);
  });
});
