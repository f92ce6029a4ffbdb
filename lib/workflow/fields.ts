import { z } from '../validation/zod';
import type { Case } from '../domain/case';

/**
 * Workflow fields a case carries on top of lib/domain/case.ts. They are all optional so
 * cases stored before the workflow existed stay valid; CaseSchema should gain exactly
 * these keys (see WorkflowFieldsSchema.shape) when the store starts persisting them.
 */

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

export const PRIORITY_LABELS: Record<Priority, string> = {
  P1: 'P1 (urgent)',
  P2: 'P2 (high)',
  P3: 'P3 (normal)',
  P4: 'P4 (low)',
};

/** Why a case was closed. Closing always needs one, so reports can tell real fixes from noise. */
export const CASE_OUTCOMES = ['resolved', 'no_response', 'not_actionable', 'duplicate', 'spam'] as const;
export const CaseOutcomeSchema = z.enum(CASE_OUTCOMES);
export type CaseOutcome = z.infer<typeof CaseOutcomeSchema>;

export const OUTCOME_LABELS: Record<CaseOutcome, string> = {
  resolved: 'Resolved',
  no_response: 'No response',
  not_actionable: 'Not actionable',
  duplicate: 'Duplicate',
  spam: 'Spam',
};

const epochMs = z.number().int().nonnegative();

export const REMINDER_KINDS = ['nearing', 'breached', 'followUp'] as const;
export const ReminderKindSchema = z.enum(REMINDER_KINDS);
export type ReminderKind = z.infer<typeof ReminderKindSchema>;

/**
 * Which reminders were already shown. Each value is the deadline the reminder was about
 * (the response due time, or the follow-up time), not a boolean: when the deadline moves
 * (snooze, new follow-up, priority change) the old mark no longer matches and the
 * reminder re-arms by itself, while the same deadline never notifies twice.
 */
export const NotifiedSchema = z
  .object({
    nearing: epochMs.optional(),
    breached: epochMs.optional(),
    followUp: epochMs.optional(),
  })
  .strict();
export type Notified = z.infer<typeof NotifiedSchema>;

export const WorkflowFieldsSchema = z
  .object({
    priority: PrioritySchema.optional(),
    /** First move to Responded or Handed off (epoch ms). Never cleared, also not by reopening. */
    firstResponseAt: epochMs.optional(),
    /** Last move to Resolved (or closing with outcome "resolved"); cleared on reopen. */
    resolvedAt: epochMs.optional(),
    /** When the case was closed; cleared on reopen. */
    closedAt: epochMs.optional(),
    /** Set exactly when status is "closed". */
    outcome: CaseOutcomeSchema.optional(),
    /** When to remind the team to follow up (epoch ms). */
    followUpAt: epochMs.optional(),
    notified: NotifiedSchema.optional(),
  })
  .strict();
export type WorkflowFields = z.infer<typeof WorkflowFieldsSchema>;

/** A stored case with its workflow fields. */
export type WorkflowCase = Case & WorkflowFields;
