import { z } from '../validation/zod';
import { CaseSchema } from '../domain/case';

/** One case as it travels in an export file: exactly a stored case. */

export const MAX_NOTES = 500;
export const MAX_NOTE_TEXT = 5_000;
export const MAX_TAGS = 50;

export { CaseNoteSchema, type CaseNote } from '../domain/case';
export const TagSchema = z.string().trim().min(1).max(50);

export const TransferCaseSchema = CaseSchema;
export type TransferCase = z.infer<typeof TransferCaseSchema>;
export type TransferCaseInput = z.input<typeof TransferCaseSchema>;
