import { t } from '../i18n/t';
import { SavedReplySchema, type SavedReply } from '../replies/saved-replies';
import { issuesFromZod, type ValidationIssue } from '../validation/issues';
import { slugFromName, uniqueId } from './brand-form';
import { previewTemplate, type TemplatePreview } from './template-draft';

/** One saved reply as the options form edits it. */
export interface SavedReplyDraft {
  brandId: string;
  title: string;
  body: string;
}

export type SavedReplyCheck = { ok: true; reply: SavedReply } | { ok: false; issues: ValidationIssue[] };

/**
 * Validate a saved reply with SavedReplySchema (the settings file's rule). Its id is kept when
 * editing, else made from the title ("Refund timeline" -> "refund-timeline", "-2" when taken).
 * Issue paths are the field names ('title', 'body', 'brandId').
 */
export function checkSavedReplyDraft(draft: SavedReplyDraft, others: readonly SavedReply[], keepId: string | null): SavedReplyCheck {
  const taken = new Set(others.map((reply) => reply.id));
  const id = keepId ?? uniqueId(slugFromName(draft.title) || 'reply', taken);
  const input = { id, brandId: draft.brandId, title: draft.title.trim(), body: draft.body };
  const parsed = SavedReplySchema.safeParse(input);
  const issues: ValidationIssue[] = parsed.success ? [] : issuesFromZod(parsed.error, input);
  if (draft.brandId === '') issues.push({ path: ['brandId'], message: t('draftCheck.chooseBrand') });
  if (parsed.success && issues.length === 0) return { ok: true, reply: parsed.data };
  return { ok: false, issues };
}

/** Put `reply` in the list: in place of the one with id `replacing`, else at the end. */
export function upsertSavedReply(replies: readonly SavedReply[], reply: SavedReply, replacing: string | null): SavedReply[] {
  if (replacing !== null && replies.some((existing) => existing.id === replacing)) {
    return replies.map((existing) => (existing.id === replacing ? reply : existing));
  }
  return [...replies, reply];
}

/** The body filled with sample values and linted as a public reply on the strictest platform (X). */
export function previewSavedReply(body: string, sample: { brandName: string; signature: string }): TemplatePreview | null {
  return previewTemplate(
    { id: '', category: 'any', platform: 'any', tone: 'warm', kind: 'public', strategy: '', industry: '', language: '', body },
    sample,
  );
}
