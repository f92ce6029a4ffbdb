import { lazySchema, z } from '../validation/zod';
import { CaseSchema, type Case, type CaseOutcome } from '../domain/case';

export { PRIORITIES, PrioritySchema, type Priority } from '../domain/triage';
export { CASE_OUTCOMES, CaseOutcomeSchema, NotifiedSchema, type CaseOutcome } from '../domain/case';

export const OUTCOME_LABELS: Record<CaseOutcome, string> = {
  resolved: 'Resolved',
  no_response: 'No response',
  not_actionable: 'Not actionable',
  duplicate: 'Duplicate',
  spam: 'Spam',
};

export const REMINDER_KINDS = ['nearing', 'breached', 'followUp'] as const;
export const ReminderKindSchema = lazySchema(() => z.enum(REMINDER_KINDS));
export type ReminderKind = z.infer<typeof ReminderKindSchema>;

export type Notified = NonNullable<WorkflowFields['notified']>;

/** The workflow's part of a case (defined in lib/domain/case.ts, where the store validates it). */
export const WorkflowFieldsSchema = lazySchema(() =>
  CaseSchema.pick({
    priority: true,
    firstResponseAt: true,
    resolvedAt: true,
    closedAt: true,
    outcome: true,
    followUpAt: true,
    notified: true,
  }),
);
export type WorkflowFields = z.infer<typeof WorkflowFieldsSchema>;

/** A stored case with its workflow fields. */
export type WorkflowCase = Case & WorkflowFields;
