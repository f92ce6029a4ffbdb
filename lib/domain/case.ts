import { z } from '../validation/zod';
import { PlatformSchema, PostKeySchema, PostSchema } from './post';

export const CASE_STATUSES = [
  'new',
  'responded',
  'handed_off',
  'waiting_on_customer',
  'resolved',
  'closed',
] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/** Statuses that still need the team's attention. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'new',
  'responded',
  'handed_off',
  'waiting_on_customer',
];
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
export const CaseRefSchema = z.string().regex(/^CS-[0-9A-HJKMNP-TV-Z]{4,8}$/);
export type CaseRef = z.infer<typeof CaseRefSchema>;

export const CaseSchema = z
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
  })
  .strict();
export type Case = z.infer<typeof CaseSchema>;
