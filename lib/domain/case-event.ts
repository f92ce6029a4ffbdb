import { lazySchema, z } from '../validation/zod';
import { CASE_LIMITS } from './limits';

export const CASE_EVENT_TYPES = [
  'logged',
  'status_changed',
  'reply_suggested',
  'reply_inserted',
  'reply_copied',
  'handed_off',
  'note_added',
  'assigned',
  'tagged',
  'follow_up_set',
  'snoozed',
  'priority_changed',
  'reminder_shown',
  'imported',
  /** The brand's own public reply to the post was seen on the page (once per case). */
  'brand_reply_seen',
  /** Two agents changed the same field at once; says which value the merge kept (lib/merge). */
  'conflict_resolved',
] as const;
export const CaseEventTypeSchema = lazySchema(() => z.enum(CASE_EVENT_TYPES));
export type CaseEventType = z.infer<typeof CaseEventTypeSchema>;

/** One timestamped entry of a case's timeline: what the team did, and how. */
export const CaseEventSchema = lazySchema(() =>
  z
    .object({
      at: z.number().int().nonnegative(),
      type: CaseEventTypeSchema,
      /** Short human detail, e.g. "via X DM", "New → Responded", the template id. */
      detail: z.string().max(CASE_LIMITS.eventDetail).optional(),
      /** The private channel for handoffs (x_dm, messenger, email, contact_form, yelp_message…). */
      channel: z.string().max(CASE_LIMITS.eventChannel).optional(),
      /** Write-once id, so copies of the timeline merge as a set (lib/merge/events.ts derives one when missing). */
      id: z.string().min(1).max(100).optional(),
      /** The agent who wrote it (the CouchDB user when the team workspace is on). */
      by: z.string().min(1).max(100).optional(),
    })
    .strict(),
);
export type CaseEvent = z.infer<typeof CaseEventSchema>;
