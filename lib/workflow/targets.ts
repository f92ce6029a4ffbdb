import { lazySchema, z } from '../validation/zod';
import { isOpenStatus, type CaseStatus } from '../domain/case';
import { clockStartOf, type ClockCase } from './clock';
import type { Priority } from './fields';

const MINUTE_MS = 60_000;

/** Longest target anyone may configure: 30 days. */
export const MAX_TARGET_MINUTES = 30 * 24 * 60;

const targetMinutes = lazySchema(() => z.number().int().min(1).max(MAX_TARGET_MINUTES));

/** First-response targets in minutes per priority. */
export const ResponseTargetsSchema = lazySchema(() =>
  z
    .object({ P1: targetMinutes, P2: targetMinutes, P3: targetMinutes, P4: targetMinutes })
    .strict()
    .refine(
      (targets) => targets.P1 <= targets.P2 && targets.P2 <= targets.P3 && targets.P3 <= targets.P4,
      'a lower priority cannot have a shorter target than a higher one (P1 <= P2 <= P3 <= P4)',
    ),
);
export type ResponseTargets = z.infer<typeof ResponseTargetsSchema>;

export const DEFAULT_RESPONSE_TARGETS: ResponseTargets = { P1: 15, P2: 60, P3: 4 * 60, P4: 24 * 60 };

/** Cases logged without a priority are treated as normal. */
export const DEFAULT_PRIORITY: Priority = 'P3';

/** "Nearing" is the last quarter of the target, but never less than the last 10 minutes. */
export const NEARING_FRACTION = 0.25;
export const NEARING_MIN_MS = 10 * MINUTE_MS;

/**
 * ok / nearing / breached: the customer still waits (breached = past the deadline now).
 * met / missed: the clock stopped (first response, or resolved/closed without one) on time / late.
 * Only a case that still waits is ever "breached", so nothing closed or answered shows as past target.
 */
export type TargetStateName = 'ok' | 'nearing' | 'breached' | 'met' | 'missed';

export interface TargetState {
  priority: Priority;
  /** When the clock started (see clockStartOf). */
  startedAt: number;
  /** Deadline, inclusive: a first response at exactly dueAt meets the target. */
  dueAt: number;
  /** When the case enters "nearing". */
  nearingAt: number;
  /** dueAt minus now (live) or minus the moment the clock stopped; negative once late. */
  remainingMs: number;
  state: TargetStateName;
}

export interface TargetCase extends ClockCase {
  status: CaseStatus;
  updatedAt: number;
  priority?: Priority | undefined;
  firstResponseAt?: number | undefined;
  resolvedAt?: number | undefined;
  closedAt?: number | undefined;
}

export function targetMsFor(priority: Priority, targets: ResponseTargets = DEFAULT_RESPONSE_TARGETS): number {
  return targets[priority] * MINUTE_MS;
}

export function nearingWindowMs(targetMs: number): number {
  return Math.min(targetMs, Math.max(targetMs * NEARING_FRACTION, NEARING_MIN_MS));
}

/**
 * When the clock stopped: at the first response, or, for a case resolved or closed without
 * one (spam, duplicates), when it was dealt with. Undefined while the customer still waits.
 */
export function clockStoppedAt(caseLike: TargetCase): number | undefined {
  if (caseLike.firstResponseAt !== undefined) return caseLike.firstResponseAt;
  if (isOpenStatus(caseLike.status)) return undefined;
  return caseLike.resolvedAt ?? caseLike.closedAt ?? caseLike.updatedAt;
}

/** Where a case stands against its first-response target at `now`. */
export function targetState(caseLike: TargetCase, now: number, targets: ResponseTargets = DEFAULT_RESPONSE_TARGETS): TargetState {
  const priority = caseLike.priority ?? DEFAULT_PRIORITY;
  const targetMs = targetMsFor(priority, targets);
  const startedAt = clockStartOf(caseLike);
  const dueAt = startedAt + targetMs;
  const nearingAt = dueAt - nearingWindowMs(targetMs);
  const stoppedAt = clockStoppedAt(caseLike);

  if (stoppedAt !== undefined) {
    const remainingMs = dueAt - stoppedAt;
    return { priority, startedAt, dueAt, nearingAt, remainingMs, state: remainingMs >= 0 ? 'met' : 'missed' };
  }
  const remainingMs = dueAt - now;
  const state: TargetStateName = remainingMs < 0 ? 'breached' : now >= nearingAt ? 'nearing' : 'ok';
  return { priority, startedAt, dueAt, nearingAt, remainingMs, state };
}

/** "12 min", "3 h 5 min", "2 d 4 h": short durations for badges and notifications, in the UI language. */
export { formatDuration } from '../i18n/format';
