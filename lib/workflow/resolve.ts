import { lazySchema, z } from '../validation/zod';
import { isOpenStatus, OPEN_STATUSES, type CaseOutcome, type CaseStatus } from '../domain/case';
import { statusLabel } from '../domain/labels';
import type { TransitionTarget } from './transitions';
import { t } from '../i18n/t';

/**
 * "Resolve" from the popup asks how the case ended, and maps each answer onto the lifecycle:
 *
 *   responded       the customer was answered  -> Responded (if nobody had yet), then Resolved
 *   handed_off      taken to a private channel -> Handed off (if not already), then Resolved
 *   not_actionable  nothing to do              -> Closed, outcome "not_actionable"
 *   spam            spam                       -> Closed, outcome "spam"
 *
 * So an answered case gets its first response recorded (now, when the person resolving says it
 * happened) and ends Resolved, while a case closed as not actionable or spam keeps no first
 * response: stats count it as resolved without any response, never as answered.
 */
export const RESOLUTIONS = ['responded', 'handed_off', 'not_actionable', 'spam'] as const;
export const ResolutionSchema = lazySchema(() => z.enum(RESOLUTIONS));
export type Resolution = z.infer<typeof ResolutionSchema>;

/** A resolution's name in the UI language. */
export const resolutionLabel = (resolution: Resolution): string => t(`resolution.${resolution}`);

export interface ResolveStep {
  to: TransitionTarget;
  outcome?: CaseOutcome;
}

/** The lifecycle moves that record `resolution` for an open case, in order; refused for a case already resolved or closed. */
export function resolutionSteps(
  caseLike: { ref: string; status: CaseStatus; firstResponseAt?: number | undefined },
  resolution: Resolution,
): { ok: true; steps: ResolveStep[] } | { ok: false; message: string } {
  if (!isOpenStatus(caseLike.status)) {
    return {
      ok: false,
      message: t('transition.alreadyEnded', { ref: caseLike.ref, status: statusLabel(caseLike.status).toLowerCase() }),
    };
  }
  switch (resolution) {
    case 'responded':
      return { ok: true, steps: [...(caseLike.firstResponseAt === undefined ? [{ to: 'responded' as const }] : []), { to: 'resolved' }] };
    case 'handed_off':
      return { ok: true, steps: [...(caseLike.status === 'handed_off' ? [] : [{ to: 'handed_off' as const }]), { to: 'resolved' }] };
    case 'not_actionable':
      return { ok: true, steps: [{ to: 'closed', outcome: 'not_actionable' }] };
    case 'spam':
      return { ok: true, steps: [{ to: 'closed', outcome: 'spam' }] };
  }
}

/**
 * What undoing a resolve needs: the case as the resolve left it (its updatedAt), and what it was
 * before (an open status, and whether it already had a first response). Undo applies only while
 * the case is unchanged since the resolve.
 */
export const ResolveUndoSchema = lazySchema(() =>
  z
    .object({
      caseId: z.string().uuid(),
      resolvedVersion: z.number().int().nonnegative(),
      previousStatus: z.enum(OPEN_STATUSES as [CaseStatus, ...CaseStatus[]]),
      hadFirstResponse: z.boolean(),
    })
    .strict(),
);
export type ResolveUndo = z.infer<typeof ResolveUndoSchema>;

/** How long the popup offers Undo after a resolve. */
export const UNDO_RESOLVE_MS = 8_000;
