import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VolumeChart } from './VolumeChart';
import { stackVolume } from './volume-data';

afterEach(cleanup);

const days = [
  { date: '2026-03-01', total: 3, byCategory: { outage: 2, booking: 1 } },
  { date: '2026-03-02', total: 0, byCategory: {} },
  { date: '2026-03-03', total: 6, byCategory: { outage: 6 } },
];

describe('stackVolume', () => {
  it('stacks the categories present, first at the bottom, and keeps each one’s own count for hovering', () => {
    expect(stackVolume(days)).toEqual({
      categories: ['booking', 'outage'],
      x: [0, 1, 2],
      tops: [
        [1, 0, 0],
        [3, 0, 6],
      ],
      counts: [
        [1, 0, 0],
        [2, 0, 6],
      ],
    });
    expect(stackVolume([])).toEqual({ categories: [], x: [], tops: [], counts: [] });
  });
});

describe('VolumeChart', () => {
  it('has a table with every day’s total and per-category counts for those who cannot see the chart', () => {
    render(<VolumeChart days={days} />);
    const table = screen.getByTestId('dashboard-chart-table');
    expect([...table.querySelectorAll('thead th')].map((cell) => cell.textContent)).toEqual(['Day', 'Cases', 'Booking', 'Outage']);
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['2026-03-01', '3', '1', '2'],
      ['2026-03-02', '0', '0', '0'],
      ['2026-03-03', '6', '0', '6'],
    ]);
  });
});
