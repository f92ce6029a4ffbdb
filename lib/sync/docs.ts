import { AgentSchema, type Agent } from '../domain/agent';
import { CaseSchema, type Case } from '../domain/case';
import { CaseEventSchema, type CaseEvent } from '../domain/case-event';
import type { PostKey } from '../domain/post';
import { PresenceSchema, type Presence } from '../domain/presence';
import { eventIdOf } from '../merge/events';

/**
 * The team database's documents (one CouchDB database per team):
 *
 *   case:<postKey>             the case without its timeline: one per post for the whole team,
 *                              so two installs logging the same post write the same document
 *   event:<postKey>:<eventId>  one timeline entry, written once, with its author
 *   agent:<agentId>            an agent of the team (name, email): the roster (team-agents.ts)
 *   presence:<agentId>:<postKey>  that agent has the post's reply panel open until `expiresAt`
 *                              (team-presence.ts)
 *
 * Ids come from the post key, never from the install's random case id or ref.
 */
export const DOC_PREFIX = { case: 'case:', event: 'event:', presence: 'presence:', agent: 'agent:' } as const;

export interface CaseDoc {
  _id: string;
  _rev?: string;
  _conflicts?: string[];
  _deleted?: boolean;
  kind: 'case';
  case: Omit<Case, 'events'>;
}

export interface EventDoc {
  _id: string;
  _rev?: string;
  kind: 'event';
  postKey: PostKey;
  /** The agent (CouchDB user) who wrote the entry; validate_doc_update checks it is the writer. */
  author: string;
  event: CaseEvent;
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

export type TeamDoc = CaseDoc | EventDoc | AgentDoc | PresenceDoc;

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

/** The post key a case or event document belongs to, or undefined for other documents (agent, presence, design). */
export function postKeyOfDocId(id: string): PostKey | undefined {
  if (id.startsWith(DOC_PREFIX.case)) return id.slice(DOC_PREFIX.case.length);
  if (id.startsWith(DOC_PREFIX.event)) {
    const rest = id.slice(DOC_PREFIX.event.length);
    const cut = rest.lastIndexOf(':');
    return cut > 0 ? rest.slice(0, cut) : undefined;
  }
  return undefined;
}

/** The case as team documents; an entry without an author is `author`'s (this install's agent). */
export function docsOfCase(item: Case, author: string): { caseDoc: CaseDoc; eventDocs: EventDoc[] } {
  const { events, ...rest } = item;
  return {
    caseDoc: { _id: caseDocId(item.postKey), kind: 'case', case: rest },
    eventDocs: (events ?? []).map((event) => ({
      _id: eventDocId(item.postKey, event),
      kind: 'event',
      postKey: item.postKey,
      author: event.by ?? author,
      event: { ...event, id: eventIdOf(event), by: event.by ?? author },
    })),
  };
}

/**
 * The case a case document and its event documents describe, checked like every stored case;
 * a document that does not hold a valid case gives an error naming it, never a half case.
 */
export function caseOfDocs(caseDoc: CaseDoc, eventDocs: readonly EventDoc[]): { ok: true; case: Case } | { ok: false; error: string } {
  const events: CaseEvent[] = [];
  for (const doc of eventDocs) {
    const event = CaseEventSchema.safeParse(doc.event);
    if (event.success) events.push(event.data);
  }
  events.sort((a, b) => a.at - b.at);
  const parsed = CaseSchema.safeParse(events.length > 0 ? { ...caseDoc.case, events } : caseDoc.case);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return { ok: false, error: `${caseDoc._id} is not a valid case (${where.slice(0, 3).join('; ')})` };
  }
  return { ok: true, case: parsed.data };
}
