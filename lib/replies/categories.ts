import { CATEGORY_IDS, CATEGORY_LABELS, CategorySchema } from '../domain/triage';
import type { z } from '../validation/zod';

/** Complaint categories a reply can be written for: the domain's categories (lib/domain/triage.ts). */
export const REPLY_CATEGORIES = CATEGORY_IDS;
export const ReplyCategorySchema = CategorySchema;
export type ReplyCategory = z.infer<typeof ReplyCategorySchema>;

export const REPLY_CATEGORY_LABELS: Record<ReplyCategory, string> = CATEGORY_LABELS;
