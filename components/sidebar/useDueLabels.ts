import { useEffect, useMemo, useState } from 'react';
import type { PageCase } from '../../lib/domain/page-case';
import type { PostKey } from '../../lib/domain/post';
import type { ResponseTargets } from '../../lib/workflow/targets';
import { dueClockNow, dueLabelOf, msUntilNextDueTick, type DueLabel } from '../../lib/content/due-label';

export type { DueLabel };

/** Countdowns of the cases still waiting for a first response, on the clock the inline badges use. */
export function useDueLabels(cases: ReadonlyMap<PostKey, PageCase>, targets: ResponseTargets | undefined): ReadonlyMap<PostKey, DueLabel> {
  const [now, setNow] = useState(() => dueClockNow());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(dueClockNow());
      timer = setTimeout(tick, msUntilNextDueTick());
    };
    timer = setTimeout(tick, msUntilNextDueTick());
    return () => clearTimeout(timer);
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
