import { z } from '../validation/zod';

/**
 * Complaint categories a reply can be written for. Same ids as lib/triage's categories
 * (the lead unifies the two); kept here so lib/replies does not depend on triage.
 */
export const REPLY_CATEGORIES = [
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
export const ReplyCategorySchema = z.enum(REPLY_CATEGORIES);
export type ReplyCategory = z.infer<typeof ReplyCategorySchema>;

export const REPLY_CATEGORY_LABELS: Record<ReplyCategory, string> = {
  billing_refund: 'Billing / refund',
  delivery_delay: 'Delivery delay',
  cancellation: 'Cancellation',
  lost_damaged: 'Lost or damaged',
  staff_service: 'Staff / service',
  product_defect: 'Product defect',
  account_login: 'Account / login',
  booking: 'Booking',
  outage: 'Outage',
  other: 'Other',
};
