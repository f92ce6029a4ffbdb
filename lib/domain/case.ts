import { lazySchema, z } from '../validation/zod';
import { CaseEventSchema } from './case-event';
import { CASE_LIMITS } from './limits';
import { FieldClocksSchema, MAX_ALIAS_REFS } from './sync-fields';
import { PlatformSchema, PostKeySchema, PostSchema } from './post';
import { CategorySchema, PrioritySchema, TriageSnapshotSchema } from './triage';

export const CASE_STATUSES = ['new', 'responded', 'handed_off', 'waiting_on_customer', 'resolved', 'closed'] as const;
export const CaseStatusSchema = lazySchema(() => z.enum(CASE_STATUSES));
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/** Statuses that still need the team's attention. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'responded', 'handed_off', 'waiting_on_customer'];
export function isOpenStatus(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export const STATUS_LABELS: Record<CaseStatus, string> = {
  new: 'New',
  responded: 'Responded',
  handed_off: 'Handed off',
  waiting_on_customer: 'Waiting on customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** Short human reference, e.g. CS-7F3K (Crockford base32: no I, L, O, U). */
export const CaseRefSchema = lazySchema(() => z.string().regex(/^CS-[0-9A-HJKMNP-TV-Z]{4,8}$/));
export type CaseRef = z.infer<typeof CaseRefSchema>;

const epochMs = lazySchema(() => z.number().int().nonnegative());

/** Why a case was closed. Closing always needs one, so reports can tell real fixes from noise. */
export const CASE_OUTCOMES = ['resolved', 'no_response', 'not_actionable', 'duplicate', 'spam'] as const;
export const CaseOutcomeSchema = lazySchema(() => z.enum(CASE_OUTCOMES));
export type CaseOutcome = z.infer<typeof CaseOutcomeSchema>;

/** Reminders already shown, each marked with the deadline it was about (epoch ms). */
export const NotifiedSchema = lazySchema(() =>
  z.object({ nearing: epochMs.optional(), breached: epochMs.optional(), followUp: epochMs.optional() }).strict(),
);

export const CaseNoteSchema = lazySchema(() =>
  z
    .object({
      id: z.string().min(1).max(100),
      text: z.string().max(CASE_LIMITS.noteText),
      createdAt: epochMs,
      author: z.string().max(CASE_LIMITS.personName).optional(),
      /** The agent who wrote it (the CouchDB user when the team workspace is on); `author` is the name shown. */
      by: z.string().min(1).max(100).optional(),
    })
    .strict(),
);
export type CaseNote = z.infer<typeof CaseNoteSchema>;

export const CaseSchema = lazySchema(() =>
  z
    .object({
      id: z.string().uuid(),
      ref: CaseRefSchema,
      postKey: PostKeySchema,
      platform: PlatformSchema,
      post: PostSchema,
      /** Ids of the configured brands the post mentions. */
      brandIds: z.array(z.string().max(100)).max(50),
      status: CaseStatusSchema,
      /** Epoch milliseconds. */
      createdAt: z.number().int().nonnegative(),
      updatedAt: z.number().int().nonnegative(),

      // Everything below is optional: cases stored before these fields existed stay valid.
      /** Triage at logging time; priority and category are top-level so the store can index them. */
      priority: PrioritySchema.optional(),
      category: CategorySchema.optional(),
      triage: TriageSnapshotSchema.optional(),
      /** First move to Responded or Handed off (epoch ms). Never cleared, also not by reopening. */
      firstResponseAt: epochMs.optional(),
      /** Last move to Resolved (or closing with outcome "resolved"); cleared on reopen. */
      resolvedAt: epochMs.optional(),
      /** When the case was closed; cleared on reopen. */
      closedAt: epochMs.optional(),
      /** Why it was closed; set exactly when status is "closed". */
      outcome: CaseOutcomeSchema.optional(),
      /** When to remind the team to follow up. */
      followUpAt: epochMs.optional(),
      /** Reminders already shown: the deadline each was about (see lib/workflow/fields.ts). */
      notified: NotifiedSchema.optional(),
      assignee: z.string().trim().max(CASE_LIMITS.personName).optional(),
      tags: z.array(z.string().trim().min(1).max(CASE_LIMITS.tagLength)).max(CASE_LIMITS.tags).optional(),
      notes: z.array(CaseNoteSchema).max(CASE_LIMITS.notes).optional(),
      /** The case's timeline, oldest first. */
      events: z.array(CaseEventSchema).max(CASE_LIMITS.events).optional(),
      /** When each mergeable field was last written, by whom (lib/merge/hlc.ts); missing on cases never merged. */
      clocks: FieldClocksSchema.optional(),
      /** How many times the case was reopened: a later generation's status beats an earlier one's (lib/merge). */
      statusEpoch: z.number().int().nonnegative().optional(),
      /** Refs other installs gave the same post; search and open by any of them lead here. */
      aliasRefs: z.array(CaseRefSchema).max(MAX_ALIAS_REFS).optional(),
    })
    .strict(),
);
export type Case = z.infer<typeof CaseSchema>;
