import { z } from '../validation/zod';

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

/** What triage concluded about a post when it was logged (shown again in the case's views). */
export const TriageSnapshotSchema = z
  .object({
    complaint: z.boolean(),
    /** 0..1 confidence that the post is a complaint. */
    confidence: z.number().min(0).max(1),
    /** One line, e.g. `P1: complaint, 25k views, "no response for 3 weeks"`. */
    explanation: z.string().max(300),
    cues: z.array(z.string().max(200)).max(20),
  })
  .strict();
export type TriageSnapshot = z.infer<typeof TriageSnapshotSchema>;
