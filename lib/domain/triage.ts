import { z } from '../validation/zod';
import type { TriageResult } from '../triage';
import { isPostKey, type PostKey } from './post';

/** Complaint categories: one list for triage, replies, the store and the dashboard. */
export const CATEGORY_IDS = [
  'billing_refund',
  'delivery_delay',
  'cancellation',
  'lost_damaged',
  'staff_service',
  'product_defect',
  'account_login',
  'booking',
  'outage',
  'other',
] as const;
export const CategorySchema = z.enum(CATEGORY_IDS);
export type CategoryId = z.infer<typeof CategorySchema>;

export const CATEGORY_LABELS: Record<CategoryId, string> = {
  billing_refund: 'Billing / refund',
  delivery_delay: 'Delivery / delay',
  cancellation: 'Cancellation',
  lost_damaged: 'Lost or damaged item',
  staff_service: 'Staff / service',
  product_defect: 'Product defect',
  account_login: 'Account / login',
  booking: 'Booking',
  outage: 'Outage',
  other: 'Other',
};

/** P1 is the most urgent. */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

/** How much of a triage is stored with a case (lib/domain/triage-at-log.ts clips to these). */
export const TRIAGE_SNAPSHOT_LIMITS = { explanation: 300, cues: 20, cueLength: 200 } as const;

/** What triage concluded about a post when it was logged (shown again in the case's views). */
export const TriageSnapshotSchema = z
  .object({
    complaint: z.boolean(),
    /** 0..1 confidence that the post is a complaint. */
    confidence: z.number().min(0).max(1),
    /** One line, e.g. `P1: complaint, 25k views, "no response for 3 weeks"`. */
    explanation: z.string().max(TRIAGE_SNAPSHOT_LIMITS.explanation),
    cues: z.array(z.string().max(TRIAGE_SNAPSHOT_LIMITS.cueLength)).max(TRIAGE_SNAPSHOT_LIMITS.cues),
  })
  .strict();
export type TriageSnapshot = z.infer<typeof TriageSnapshotSchema>;

/** A triage result as the background sends it to a tab: lib/triage's TriageResult, within TRIAGE_WIRE_LIMITS. */
export type TriageResultWire = TriageResult;

/** Bounds of a triage result on the wire (lib/background/triage.ts triageForWire clips to these). */
export const TRIAGE_WIRE_LIMITS = { cues: 50, cueLength: 500, label: 100, explanation: 1_000 } as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isShortString = (value: unknown, max: number) => typeof value === 'string' && value.length <= max;
const isFraction = (value: unknown) => typeof value === 'number' && value >= 0 && value <= 1;
const CATEGORY_SET: ReadonlySet<unknown> = new Set(CATEGORY_IDS);
const PRIORITY_SET: ReadonlySet<unknown> = new Set(PRIORITIES);

/**
 * A hand-written check of TriageResultWire: tabs receive one per post they read, and a zod
 * object schema (jitless, as web-ext lint requires) cost ~25 µs per result on the page's thread.
 */
export function isTriageResult(value: unknown): value is TriageResultWire {
  if (!isObject(value) || !isObject(value.complaint) || !isObject(value.category) || !isObject(value.priority)) return false;
  const { complaint, category, priority } = value;
  return (
    typeof complaint.isComplaint === 'boolean' &&
    isFraction(complaint.confidence) &&
    Array.isArray(complaint.cues) &&
    complaint.cues.length <= TRIAGE_WIRE_LIMITS.cues &&
    complaint.cues.every((cue) => isShortString(cue, TRIAGE_WIRE_LIMITS.cueLength)) &&
    CATEGORY_SET.has(category.category) &&
    isShortString(category.label, TRIAGE_WIRE_LIMITS.label) &&
    isFraction(category.confidence) &&
    (category.source === 'rule' || category.source === 'model') &&
    (category.evidence === undefined || isShortString(category.evidence, TRIAGE_WIRE_LIMITS.cueLength)) &&
    PRIORITY_SET.has(priority.priority) &&
    typeof priority.score === 'number' &&
    priority.score >= 0 &&
    priority.score <= 100 &&
    isShortString(priority.explanation, TRIAGE_WIRE_LIMITS.explanation)
  );
}

/** posts/triage's answer: one result per post asked about. */
export type TriageAnswerWire = { postKey: PostKey; triage: TriageResultWire }[];

/** The whole answer checked in one pass (see isTriageResult for why not a zod object schema). */
export const TriageAnswerSchema = z.custom<TriageAnswerWire>(
  (value) =>
    Array.isArray(value) &&
    value.every((item: unknown) => isObject(item) && isPostKey(item.postKey) && isTriageResult(item.triage)),
  'not a list of { postKey, triage }',
);
