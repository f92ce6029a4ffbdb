import { useEffect, useMemo, useState } from 'react';
import type { MentionRowView } from '../../lib/content/view-model';
import { backlogMark } from '../common/backlog-text';

const TICK_MS = 60_000;

/** "backlog · posted 3 d ago" per row whose post is older than the backlog age; re-computed every minute. */
export function useBacklogLabels(rows: readonly MentionRowView[], backlogAgeHours: number | undefined): ReadonlyMap<string, string> {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return useMemo(() => backlogLabels(rows, backlogAgeHours, now), [rows, backlogAgeHours, now]);
}

export function backlogLabels(rows: readonly MentionRowView[], backlogAgeHours: number | undefined, now: number): Map<string, string> {
  const labels = new Map<string, string>();
  for (const row of rows) {
    const mark = backlogMark({ post: { postedAt: row.postedAt } }, now, backlogAgeHours);
    if (mark) labels.set(row.postKey, mark);
  }
  return labels;
}
