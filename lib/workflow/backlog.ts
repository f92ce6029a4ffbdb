import { postAgeMs } from './clock';

const HOUR_MS = 3_600_000;

/** Posts older than this when seen are backlog: the team is catching up on them, not answering live. */
export const DEFAULT_BACKLOG_AGE_HOURS = 24;
export const MAX_BACKLOG_AGE_HOURS = 24 * 365;

/**
 * How old a backlog post is at `now`, or undefined when it is not backlog (younger than the
 * backlog age, or its time unknown). The response clock ignores this (it starts at logging,
 * clock.ts): the mark only tells the agent the customer has been waiting longer than the clock says.
 */
export function backlogAgeMs(
  caseLike: { post?: { postedAt?: string | undefined } | undefined },
  now: number,
  backlogAgeHours: number = DEFAULT_BACKLOG_AGE_HOURS,
): number | undefined {
  const age = postAgeMs(caseLike, now);
  return age !== undefined && age > backlogAgeHours * HOUR_MS ? age : undefined;
}
