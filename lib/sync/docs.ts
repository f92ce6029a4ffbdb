import { AgentSchema, type Agent } from '../domain/agent';
import { CaseNoteSchema, CaseSchema, type Case, type CaseNote } from '../domain/case';
import { CaseEventSchema, type CaseEvent } from '../domain/case-event';
import type { PostKey } from '../domain/post';
import { PresenceSchema, type Presence } from '../domain/presence';
import { eventIdOf, mergeNotes } from '../merge/events';

/**
 * The team database's documents (one CouchDB database per team):
 *
 *   case:<postKey>             the case without its timeline and notes: one per post for the
 *                              whole team, so two installs logging the same post write the same document
 *   event:<postKey>:<eventId>  one timeline entry, written once, with its author
 *   note:<postKey>:<noteId>    one note, written once, with its author
 *   agent:<agentId>            an agent of the team (name, email): the roster (team-agents.ts)
 *   presence:<agentId>:<postKey>  that agent has the post's reply panel open until `expiresAt`
 *                              (team-presence.ts)
 *
 * Ids come from the post key, never from the install's random case id or ref.
 */
export const DOC_PREFIX = { case: 'case:', event: 'event:', note: 'note:', presence: 'presence:', agent: 'agent:' } as const;

export interface CaseDoc {
  _id: string;
  _rev?: string;
  _conflicts?: string[];
  _deleted?: boolean;
  kind: 'case';
  case: CaseBody;
}

/** What the case document holds: the case less what travels as write-once documents. */
export type CaseBody = Omit<Case, 'events' | 'notes'>;

export interface EventDoc {
  _id: string;
  _rev?: string;
  kind: 'event';
  postKey: PostKey;
  /** The agent (CouchDB user) who wrote the entry; validate_doc_update checks it is the writer. */
  author: string;
  event: CaseEvent;
}

export interface NoteDoc {
  _id: string;
  _rev?: string;
  kind: 'note';
  postKey: PostKey;
  /** The agent (CouchDB user) who wrote the note; validate_doc_update checks it is the writer. */
  author: string;
  note: CaseNote;
}

/** An agent of the team; only that agent (the CouchDB user of the same name) writes it. */
export interface AgentDoc {
  _id: string;
  _rev?: string;
  kind: 'agent';
  agent: Agent;
  updatedAt: number;
}

/** One agent replying to one post, until `expiresAt`; deleted when the panel closes. */
export interface PresenceDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  kind: 'presence';
  presence: Presence;
}

export type TeamDoc = CaseDoc | EventDoc | NoteDoc | AgentDoc | PresenceDoc;

export function agentDocId(agentId: string): string {
  return `${DOC_PREFIX.agent}${agentId}`;
}

export function presenceDocId(agentId: string, postKey: PostKey): string {
  return `${DOC_PREFIX.presence}${agentId}:${postKey}`;
}

/** The agent an agent document holds, or undefined when it is not a valid one (never half an agent). */
export function agentOfDoc(doc: unknown): Agent | undefined {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const { _id, kind, agent } = doc as Partial<AgentDoc>;
  const parsed = AgentSchema.safeParse(agent);
  return kind === 'agent' && parsed.success && _id === agentDocId(parsed.data.id) ? parsed.data : undefined;
}

/** The presence a presence document holds, or undefined when it is not a valid one. */
export function presenceOfDoc(doc: unknown): Presence | undefined {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const { _id, kind, presence, _deleted } = doc as Partial<PresenceDoc>;
  if (_deleted || kind !== 'presence') return undefined;
  const parsed = PresenceSchema.safeParse(presence);
  return parsed.success && _id === presenceDocId(parsed.data.agentId, parsed.data.postKey) ? parsed.data : undefined;
}

export function caseDocId(postKey: PostKey): string {
  return `${DOC_PREFIX.case}${postKey}`;
}

export function eventDocId(postKey: PostKey, event: CaseEvent): string {
  return `${DOC_PREFIX.event}${postKey}:${eventIdOf(event)}`;
}

/** The prefix of every event document of one post, for an allDocs range. */
export function eventDocPrefix(postKey: PostKey): string {
  return `${DOC_PREFIX.event}${postKey}:`;
}

export function noteDocId(postKey: PostKey, note: CaseNote): string {
  return `${DOC_PREFIX.note}${postKey}:${note.id}`;
}

/** The prefix of every note document of one post, for an allDocs range. */
export function noteDocPrefix(postKey: PostKey): string {
  return `${DOC_PREFIX.note}${postKey}:`;
}

/** The post key a case or event document belongs to, or undefined for other documents (agent, presence, design). */
export function postKeyOfDocId(id: string): PostKey | undefined {
  if (id.startsWith(DOC_PREFIX.case)) return id.slice(DOC_PREFIX.case.length);
  for (const prefix of [DOC_PREFIX.event, DOC_PREFIX.note]) {
    if (!id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    const cut = rest.lastIndexOf(':');
    return cut > 0 ? rest.slice(0, cut) : undefined;
  }
  return undefined;
}

/**
 * The case as team documents, written as `author` (this install's agent): the case document,
 * and a write-once document per timeline entry and note that is `author`'s. An entry or note
 * without an author was made here before a team named this install, so it becomes `author`'s;
 * one by another agent is never sent from here (its author sent it; the server would refuse it).
 */
export function docsOfCase(item: Case, author: string): { caseDoc: CaseDoc; eventDocs: EventDoc[]; noteDocs: NoteDoc[] } {
  const mine = (by: string | undefined) => by === undefined || by === author;
  return {
    caseDoc: { _id: caseDocId(item.postKey), kind: 'case', case: caseBody(item) },
    eventDocs: (item.events ?? [])
      .filter((event) => mine(event.by))
      .map((event) => ({
        _id: eventDocId(item.postKey, event),
        kind: 'event',
        postKey: item.postKey,
        author,
        event: { ...event, id: eventIdOf(event), by: author },
      })),
    noteDocs: (item.notes ?? [])
      .filter((note) => mine(note.by))
      .map((note) => ({ _id: noteDocId(item.postKey, note), kind: 'note', postKey: item.postKey, author, note: { ...note, by: author } })),
  };
}

export function caseBody(item: Case): CaseBody {
  const { events: _events, notes: _notes, ...body } = item;
  return body;
}

/**
 * The case a case document and its event and note documents describe, checked like every
 * stored case; a document that does not hold a valid case gives an error naming it, never a
 * half case. (A case document from before notes had documents may still hold notes: kept.)
 */
export function caseOfDocs(
  caseDoc: CaseDoc,
  eventDocs: readonly EventDoc[],
  noteDocs: readonly NoteDoc[] = [],
): { ok: true; case: Case } | { ok: false; error: string } {
  const events: CaseEvent[] = [];
  for (const doc of eventDocs) {
    const event = CaseEventSchema.safeParse(doc.event);
    if (event.success) events.push(event.data);
  }
  events.sort((a, b) => a.at - b.at);
  const notes: CaseNote[] = [];
  for (const doc of noteDocs) {
    const note = CaseNoteSchema.safeParse(doc.note);
    if (note.success) notes.push(note.data);
  }
  const legacyNotes = (caseDoc.case as Partial<Case>).notes;
  const allNotes = notes.length > 0 || legacyNotes ? mergeNotes(legacyNotes, notes) : [];
  const parsed = CaseSchema.safeParse({
    ...caseDoc.case,
    ...(events.length > 0 ? { events } : {}),
    ...(allNotes.length > 0 ? { notes: allNotes } : {}),
  });
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return { ok: false, error: `${caseDoc._id} is not a valid case (${where.slice(0, 3).join('; ')})` };
  }
  return { ok: true, case: parsed.data };
}
