import { useEffect, useMemo, useState } from 'react';
import type { PageCase } from '../../lib/domain/page-case';
import type { PostKey } from '../../lib/domain/post';
import type { ResponseTargets } from '../../lib/workflow/targets';
import { dueLabelOf, DUE_TICK_MS, type DueLabel } from '../../lib/content/due-label';

export type { DueLabel };

/** Countdowns of the cases still waiting for a first response; re-computed every 30 s. */
export function useDueLabels(cases: ReadonlyMap<PostKey, PageCase>, targets: ResponseTargets | undefined): ReadonlyMap<PostKey, DueLabel> {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), DUE_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return useMemo(() => dueLabels(cases, targets, now), [cases, targets, now]);
}

export function dueLabels(
  cases: ReadonlyMap<PostKey, PageCase>,
  targets: ResponseTargets | undefined,
  now: number,
): Map<PostKey, DueLabel> {
  const labels = new Map<PostKey, DueLabel>();
  for (const [postKey, found] of cases) {
    const label = dueLabelOf(found, targets, now);
    if (label) labels.set(postKey, label);
  }
  return labels;
}
