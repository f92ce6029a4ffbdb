import { STATS_CATEGORIES, type StatsCategory } from '../../lib/domain/case-views';

export interface DayVolumeLike {
  date: string;
  total: number;
  byCategory: Partial<Record<StatsCategory, number>>;
}

/** What the stacked bar chart draws: the categories present, and each one's bar tops per day. */
export interface StackedVolume {
  categories: StatsCategory[];
  /** Day index per column (the axis labels come from `days`). */
  x: number[];
  /** Per category (same order), the top of its bar segment: its count plus those below it. */
  tops: number[][];
  /** Per category, its own count per day (what hovering shows). */
  counts: number[][];
}

/** Stack the categories present (in STATS_CATEGORIES order, the first at the bottom). */
export function stackVolume(days: readonly DayVolumeLike[]): StackedVolume {
  const categories = STATS_CATEGORIES.filter((category) => days.some((day) => (day.byCategory[category] ?? 0) > 0));
  const counts = categories.map((category) => days.map((day) => day.byCategory[category] ?? 0));
  const running = days.map(() => 0);
  const tops = counts.map((row) =>
    row.map((count, i) => {
      running[i] = (running[i] ?? 0) + count;
      return running[i] ?? 0;
    }),
  );
  return { categories, x: days.map((_, i) => i), tops, counts };
}
