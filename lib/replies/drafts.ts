import { lazySchema, z } from '../validation/zod';
import { CASE_LIMITS } from '../domain/limits';

/**
 * Reply drafts the agent typed, kept per case so a reload (or the post scrolling away) loses
 * nothing. Stored in storage.local under DRAFTS_KEY; "Delete all CareSide data" removes them.
 */
export const DRAFTS_KEY = 'careside:replyDrafts';
/** Drafts kept at most (the oldest go first) and for how long. */
export const MAX_DRAFTS = 200;
export const DRAFT_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

const DraftSchema = lazySchema(() => z.object({ text: z.string().max(CASE_LIMITS.noteText), savedAt: z.number().int().nonnegative() }));
export const DraftsSchema = lazySchema(() => z.record(z.string().max(100), DraftSchema));
export type Drafts = z.infer<typeof DraftsSchema>;

/** The stored drafts, or none when the value is missing or not ours. */
export function readDrafts(value: unknown): Drafts {
  const parsed = DraftsSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/** `drafts` with `caseId` set to `text` (removed when empty), without the old and the excess. */
export function withDraft(drafts: Drafts, caseId: string, text: string, now: number): Drafts {
  const kept = Object.entries(drafts).filter(([id, draft]) => id !== caseId && now - draft.savedAt <= DRAFT_MAX_AGE_MS);
  if (text.trim() !== '') kept.push([caseId, { text: text.slice(0, CASE_LIMITS.noteText), savedAt: now }]);
  kept.sort((a, b) => b[1].savedAt - a[1].savedAt);
  return Object.fromEntries(kept.slice(0, MAX_DRAFTS));
}
