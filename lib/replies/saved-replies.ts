import { t } from '../i18n/t';
import { lazySchema, z } from '../validation/zod';
import { isTemplateVariable, PLACEHOLDER, TemplateBodySchema, type TemplateValues } from './templates';

/**
 * Saved replies: a brand's own ready answers ("Refund timeline", "Store hours"), titled, found by
 * typing "/" in the reply box. Their bodies may use the template variables ({firstName},
 * {caseRef}…), filled in when inserted.
 */
export const SavedReplySchema = lazySchema(() =>
  z
    .object({
      id: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, 'saved reply id: lowercase letters, digits, "_", "." and "-"'),
      /** The brand it belongs to (brands[].id). */
      brandId: z.string().min(1).max(100),
      title: z
        .string()
        .trim()
        .min(1, { error: () => t('templateCheck.emptyTitle') })
        .max(100),
      body: TemplateBodySchema,
    })
    .strict(),
);
export type SavedReply = z.infer<typeof SavedReplySchema>;

export const MAX_SAVED_REPLIES = 1000;
/** How many matches the "/" list shows. */
export const SAVED_REPLY_LIST_SIZE = 8;
/** The longest query after "/" that still counts as a search. */
const MAX_QUERY = 40;

/** Lower case without accents, so "reembolso" finds "Reembolsó". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The brand's saved replies matching `query`: every word of it in the title or body. Title
 * matches first (those starting with the query before the rest), then body-only matches, each
 * in the order they were saved. An empty query lists them all.
 */
export function searchSavedReplies(replies: readonly SavedReply[], query: string, limit = SAVED_REPLY_LIST_SIZE): SavedReply[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const folded = fold(query.trim());
  const scored = replies.flatMap((reply, order) => {
    const title = fold(reply.title);
    const body = fold(reply.body);
    if (!words.every((word) => title.includes(word) || body.includes(word))) return [];
    const rank = title.startsWith(folded) ? 0 : words.every((word) => title.includes(word)) ? 1 : 2;
    return [{ reply, rank, order }];
  });
  return scored
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, limit)
    .map(({ reply }) => reply);
}

export interface SlashQuery {
  /** Index of the "/" in the text. */
  start: number;
  /** What follows it up to the caret. */
  query: string;
}

/**
 * The "/" search being typed at `caret`: a "/" at the start of the text or after a space or line
 * break, then up to 40 characters on the same line. "24/7" and links ("https://…") never open it.
 */
export function slashQueryAt(text: string, caret: number): SlashQuery | undefined {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('/');
  if (start === -1) return undefined;
  if (start > 0 && !/\s/.test(before[start - 1] ?? '')) return undefined;
  const query = before.slice(start + 1);
  if (query.length > MAX_QUERY || /[\n/]/.test(query)) return undefined;
  return { start, query };
}

/** Fill the variables that have a value; any other stays as written, for the linter to point at. */
export function fillSavedReply(body: string, values: TemplateValues): string {
  return body.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = isTemplateVariable(name) ? values[name] : undefined;
    return value === undefined ? placeholder : value;
  });
}

/** The text with the "/query" replaced by `insert`, and where the caret goes (after it). */
export function replaceSlashQuery(text: string, slash: SlashQuery, insert: string): { text: string; caret: number } {
  const end = slash.start + 1 + slash.query.length;
  return { text: text.slice(0, slash.start) + insert + text.slice(end), caret: slash.start + insert.length };
}
