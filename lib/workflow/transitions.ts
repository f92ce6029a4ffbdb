import type { CaseStatus } from '../domain/case';
import { outcomeLabel, statusLabel } from '../domain/labels';
import { t } from '../i18n/t';
import { clockStartOf, type ClockCase } from './clock';
import { CaseOutcomeSchema, CASE_OUTCOMES, type CaseOutcome } from './fields';

/**
 * The case lifecycle.
 *
 *   new                 -> responded | handed_off | resolved | closed
 *   responded           -> handed_off | waiting_on_customer | resolved | closed
 *   handed_off          -> responded | waiting_on_customer | resolved | closed
 *   waiting_on_customer -> responded | handed_off | resolved | closed
 *   resolved            -> closed | reopen
 *   closed              -> reopen
 *
 * "reopen" is its own target rather than a status: it returns the case to Responded when
 * someone already answered the customer (firstResponseAt is set) and to New otherwise, so a
 * reopened case never pretends it was answered, nor loses the fact that it was.
 * Closing needs an outcome. Moving to the status a case already has changes nothing (except
 * that closing a closed case again with another outcome re-records the outcome).
 */
export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['responded', 'handed_off', 'resolved', 'closed'],
  responded: ['handed_off', 'waiting_on_customer', 'resolved', 'closed'],
  handed_off: ['responded', 'waiting_on_customer', 'resolved', 'closed'],
  waiting_on_customer: ['responded', 'handed_off', 'resolved', 'closed'],
  resolved: ['closed'],
  closed: [],
};
const REOPENABLE: readonly CaseStatus[] = ['resolved', 'closed'];

export type TransitionTarget = CaseStatus | 'reopen';

export interface TransitionRequest {
  to: TransitionTarget;
  /** Required when `to` is "closed", refused otherwise. */
  outcome?: CaseOutcome | undefined;
  /** Epoch ms of the change. */
  at: number;
}

/** What applyTransition needs to know about a case. */
export interface TransitionCase extends ClockCase {
  ref: string;
  status: CaseStatus;
  updatedAt: number;
  firstResponseAt?: number | undefined;
  resolvedAt?: number | undefined;
  closedAt?: number | undefined;
  outcome?: CaseOutcome | undefined;
}

/**
 * Fields to write. A key that is present with the value `undefined` means "remove this
 * field" (reopening clears resolvedAt, closedAt and outcome); use withPatch to apply.
 */
export interface TransitionPatch {
  status: CaseStatus;
  updatedAt: number;
  firstResponseAt?: number | undefined;
  resolvedAt?: number | undefined;
  closedAt?: number | undefined;
  outcome?: CaseOutcome | undefined;
}

export type TransitionErrorCode = 'illegal_transition' | 'outcome_required' | 'invalid_request';
export interface TransitionError {
  code: TransitionErrorCode;
  message: string;
}

export type TransitionResult = { ok: true; changed: boolean; patch: TransitionPatch | null } | { ok: false; error: TransitionError };

export function canTransition(from: CaseStatus, to: TransitionTarget): boolean {
  if (to === 'reopen') return REOPENABLE.includes(from);
  return from === to || TRANSITIONS[from].includes(to);
}

/** Where "reopen" leads for this case. */
export function reopenStatusOf(caseLike: Pick<TransitionCase, 'firstResponseAt'>): CaseStatus {
  return caseLike.firstResponseAt === undefined ? 'new' : 'responded';
}

/** Check a requested move and compute the fields it changes. Pure: nothing is stored. */
export function applyTransition(caseLike: TransitionCase, request: TransitionRequest): TransitionResult {
  const { ref, status: from } = caseLike;
  const { to, at } = request;
  if (!Number.isSafeInteger(at) || at < 0) {
    return fail('invalid_request', t('transition.badTime', { ref, at: String(at) }));
  }
  if (request.outcome !== undefined && !CaseOutcomeSchema.safeParse(request.outcome).success) {
    return fail(
      'invalid_request',
      t('transition.badOutcome', { ref, outcome: String(JSON.stringify(request.outcome)), outcomes: CASE_OUTCOMES.join(', ') }),
    );
  }
  if (request.outcome !== undefined && to !== 'closed') {
    return fail('invalid_request', t('transition.outcomeNotClosing', { ref, target: targetLabel(to, caseLike) }));
  }
  if (!canTransition(from, to)) return fail('illegal_transition', illegalMessage(caseLike, to));

  const updatedAt = Math.max(at, caseLike.updatedAt);
  // Never earlier than the case itself, so durations cannot go negative on a skewed clock.
  const when = Math.max(at, caseLike.createdAt);

  if (to === 'reopen') {
    return changed({
      status: reopenStatusOf(caseLike),
      updatedAt,
      resolvedAt: undefined,
      closedAt: undefined,
      outcome: undefined,
    });
  }

  if (to === 'closed') {
    const outcome = request.outcome;
    if (outcome === undefined) {
      return fail('outcome_required', t('transition.needsOutcome', { ref, outcomes: CASE_OUTCOMES.map(outcomeLabel).join(', ') }));
    }
    if (from === 'closed') {
      return outcome === caseLike.outcome ? unchanged() : changed({ status: 'closed', updatedAt, outcome });
    }
    const patch: TransitionPatch = { status: 'closed', updatedAt, closedAt: when, outcome };
    if (outcome === 'resolved' && caseLike.resolvedAt === undefined) patch.resolvedAt = when;
    return changed(patch);
  }

  if (from === to) return unchanged();

  const patch: TransitionPatch = { status: to, updatedAt };
  if ((to === 'responded' || to === 'handed_off') && caseLike.firstResponseAt === undefined) {
    patch.firstResponseAt = when;
  }
  if (to === 'resolved') patch.resolvedAt = when;
  return changed(patch);
}

/** Apply a patch: present-but-undefined keys are removed rather than stored as undefined. */
export function withPatch<T extends object>(caseLike: T, patch: object): T {
  const next = { ...caseLike } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

/** Time from when the customer started waiting (see clockStartOf) to the first response. */
export function timeToFirstResponseMs(caseLike: TransitionCase): number | undefined {
  if (caseLike.firstResponseAt === undefined) return undefined;
  return Math.max(0, caseLike.firstResponseAt - clockStartOf(caseLike));
}

/** Time from when the customer started waiting to resolution; undefined until resolved. */
export function timeToResolutionMs(caseLike: TransitionCase): number | undefined {
  if (caseLike.resolvedAt === undefined) return undefined;
  return Math.max(0, caseLike.resolvedAt - clockStartOf(caseLike));
}

function changed(patch: TransitionPatch): TransitionResult {
  return { ok: true, changed: true, patch };
}
function unchanged(): TransitionResult {
  return { ok: true, changed: false, patch: null };
}
function fail(code: TransitionErrorCode, message: string): TransitionResult {
  return { ok: false, error: { code, message } };
}

function targetLabel(to: TransitionTarget, caseLike: TransitionCase): string {
  return to === 'reopen' ? t('transition.reopened', { status: statusLabel(reopenStatusOf(caseLike)) }) : statusLabel(to);
}

function illegalMessage(caseLike: TransitionCase, to: TransitionTarget): string {
  const { ref, status: from } = caseLike;
  const fromLabel = statusLabel(from);
  if (to === 'reopen') return t('transition.stillOpen', { ref, status: fromLabel });
  const head = t('transition.head', { ref, from: fromLabel, to: statusLabel(to) });
  if (REOPENABLE.includes(from)) {
    const back = statusLabel(reopenStatusOf(caseLike));
    if (from === 'closed' && to === 'resolved') return t('transition.closedFinal', { head, back });
    return t('transition.reopenFirst', { head, from: fromLabel.toLowerCase(), back });
  }
  if (to === 'new') return t('transition.notNewAgain', { head });
  if (to === 'waiting_on_customer' && from === 'new') {
    return t('transition.nobodyReplied', { head, responded: statusLabel('responded'), handedOff: statusLabel('handed_off') });
  }
  // Every other open -> open move is allowed; keep a generic message for safety.
  return t('transition.allowedNext', { head, steps: TRANSITIONS[from].map(statusLabel).join(', ') });
}
