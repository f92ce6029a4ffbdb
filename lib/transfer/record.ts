import { z } from '../validation/zod';
import { CaseSchema } from '../domain/case';
import { WorkflowFieldsSchema } from '../workflow/fields';

/**
 * One case as it travels in an export file: the domain case, its workflow fields, and the
 * team's notes and tags. Notes and tags are defined here until the case store grows them;
 * when lib/domain/case.ts gains these keys this schema should become plain CaseSchema.
 */

export const MAX_NOTES = 500;
export const MAX_NOTE_TEXT = 5_000;
export const MAX_TAGS = 50;

export const CaseNoteSchema = z
  .object({
    id: z.string().min(1).max(100),
    text: z.string().max(MAX_NOTE_TEXT),
    createdAt: z.number().int().nonnegative(),
    author: z.string().max(100).optional(),
  })
  .strict();
export type CaseNote = z.infer<typeof CaseNoteSchema>;

export const TagSchema = z.string().trim().min(1).max(50);

export const TransferCaseSchema = CaseSchema.extend(WorkflowFieldsSchema.shape).extend({
  notes: z.array(CaseNoteSchema).max(MAX_NOTES).optional(),
  tags: z.array(TagSchema).max(MAX_TAGS).optional(),
});
export type TransferCase = z.infer<typeof TransferCaseSchema>;
export type TransferCaseInput = z.input<typeof TransferCaseSchema>;
