import type { CaseBody, EventDoc, NoteDoc } from './docs';
import { DOC_PREFIX, postKeyOfDocId } from './docs';
import type { PostKey } from '../domain/post';
import { CLOCKED_FIELDS } from '../domain/sync-fields';

/** The pull checkpoint: how far the change feed was read, and the posts a pull could not take whole. */
export interface PullCheckpoint {
  _id: string;
  _rev?: string;
  since: number | string;
  /**
   * Posts whose changed documents did not all reach the case store (the case document had not
   * arrived yet, or the merge was refused): their next change is read whole, every entry document.
   */
  unread?: PostKey[];
}

/** The entry (event and note) document ids a batch of the change feed holds, by post; a changed case document alone gives an empty list. */
export function changedEntriesByPost(ids: readonly string[]): Map<PostKey, string[]> {
  const byPost = new Map<PostKey, string[]>();
  for (const id of ids) {
    const postKey = postKeyOfDocId(id);
    if (postKey === undefined) continue;
    const entries = byPost.get(postKey) ?? [];
    if (id.startsWith(DOC_PREFIX.event) || id.startsWith(DOC_PREFIX.note)) entries.push(id);
    byPost.set(postKey, entries);
  }
  return byPost;
}

/**
 * Whether a case document merges the same without its whole timeline: every mergeable field
 * carries its clock stamp and the reopen generation is set. A case document from before clocks
 * dates its fields from its timeline (legacyStamp), so it needs every entry.
 */
export function mergesWithoutTimeline(body: CaseBody): boolean {
  return body.statusEpoch !== undefined && CLOCKED_FIELDS.every((field) => body.clocks?.[field] !== undefined);
}

/** Split entry documents read by id into event and note documents. */
export function entryDocsOf(docs: readonly unknown[]): { eventDocs: EventDoc[]; noteDocs: NoteDoc[] } {
  const eventDocs: EventDoc[] = [];
  const noteDocs: NoteDoc[] = [];
  for (const doc of docs) {
    const kind = typeof doc === 'object' && doc !== null ? (doc as { kind?: unknown }).kind : undefined;
    if (kind === 'event') eventDocs.push(doc as EventDoc);
    else if (kind === 'note') noteDocs.push(doc as NoteDoc);
  }
  return { eventDocs, noteDocs };
}
