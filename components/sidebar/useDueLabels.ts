import { useEffect, useMemo, useState } from 'react';
import type { PageCase } from '../../lib/domain/page-case';
import type { PostKey } from '../../lib/domain/post';
import { formatDuration, targetState, type ResponseTargets } from '../../lib/workflow/targets';
import { t } from '../../lib/i18n/t';

/** The first-response countdown a logged row shows: "due in 12 min", red once overdue. */
export interface DueLabel {
  text: string;
  state: 'ok' | 'nearing' | 'breached';
}

const TICK_MS = 30_000;

/** Countdowns of the cases still waiting for a first response; re-computed every 30 s. */
export function useDueLabels(cases: ReadonlyMap<PostKey, PageCase>, targets: ResponseTargets | undefined): ReadonlyMap<PostKey, DueLabel> {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
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
    const target = targetState(found, now, targets);
    if (target.state === 'met' || target.state === 'missed') continue;
    const duration = formatDuration(target.remainingMs);
    const text = target.state === 'breached' ? t('sidebar.overdueBy', { duration }) : t('sidebar.dueIn', { duration });
    labels.set(postKey, { text, state: target.state });
  }
  return labels;
}
