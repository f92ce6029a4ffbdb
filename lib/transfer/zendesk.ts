import type { Case, CaseStatus } from '../domain/case';
import type { Priority } from '../domain/triage';
import { CATEGORY_LABELS } from '../domain/triage';
import { OUTCOME_LABELS } from '../workflow/fields';
import { assigneeCell, brandCell } from './csv';
import { PLATFORM_NAMES } from './labels';

/**
 * Cases as tickets for Zendesk's Ticket Import API
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_import/):
 * `POST /api/v2/imports/tickets/create_many` takes `{ "tickets": [...] }`, at most
 * ZENDESK_BATCH_SIZE a request. Import keeps the given timestamps (created_at, updated_at,
 * solved_at and each comment's created_at).
 */

export const ZENDESK_BATCH_SIZE = 100;

export type ZendeskPriority = 'urgent' | 'high' | 'normal' | 'low';
export type ZendeskStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';

export interface ZendeskComment {
  body: string;
  /** ISO 8601, UTC. */
  created_at: string;
  /** false: an internal note, seen by agents only. */
  public: boolean;
}

export interface ZendeskTicket {
  subject: string;
  comments: ZendeskComment[];
  /** Social posts carry no email address: the requester is named after the author. */
  requester: { name: string };
  tags: string[];
  /** The case ref, e.g. CS-7F3K: find the ticket again, or skip it on a second import. */
  external_id: string;
  priority?: ZendeskPriority;
  status: ZendeskStatus;
  created_at: string;
  updated_at: string;
  solved_at?: string;
}

export interface ZendeskImport {
  tickets: ZendeskTicket[];
}

export const ZENDESK_PRIORITY: Record<Priority, ZendeskPriority> = { P1: 'urgent', P2: 'high', P3: 'normal', P4: 'low' };

/** Zendesk's ticket statuses for CareSide's: answered and handed-off cases are still open there. */
export const ZENDESK_STATUS: Record<CaseStatus, ZendeskStatus> = {
  new: 'new',
  responded: 'open',
  handed_off: 'open',
  waiting_on_customer: 'pending',
  resolved: 'solved',
  closed: 'closed',
};

const SUBJECT_TEXT = 80;
const AUTHOR_NAME = 100;
/** Zendesk's own limit on a tag's length. */
const TAG_LENGTH = 80;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A Zendesk tag: Zendesk splits tags at spaces, so everything but letters, digits, "_" and "-"
 * becomes "_" ("Late bag!" -> "late_bag"). Empty when nothing is left.
 */
export function zendeskTag(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, TAG_LENGTH);
}

/** One line of plain text: line breaks and control characters become spaces. */
function oneLine(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const flat = text.replace(/[\s\u0000-\u001F\u007F]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function authorOf(c: Case): string {
  const name = oneLine(c.post.authorName, AUTHOR_NAME);
  const handle = c.post.authorHandle ? `@${c.post.authorHandle}` : '';
  if (name && handle) return `${name} (${handle})`;
  return name || handle || `${PLATFORM_NAMES[c.platform]} user`;
}

/** One ticket: the post as the first (public) comment, CareSide's summary and notes as internal notes. */
export function caseToZendeskTicket(
  c: Case,
  brandNames: ReadonlyMap<string, string> = new Map(),
  assigneeNames: ReadonlyMap<string, string> = new Map(),
): ZendeskTicket {
  const platform = PLATFORM_NAMES[c.platform];
  const author = authorOf(c);
  const postedAt = c.post.postedAt ? Date.parse(c.post.postedAt) : NaN;
  const text = oneLine(c.post.text, SUBJECT_TEXT);
  const summary = [
    `CareSide case ${c.ref}`,
    c.priority,
    c.category && CATEGORY_LABELS[c.category],
    c.brandIds.length > 0 && `brand ${brandCell(c.brandIds, brandNames)}`,
    c.assignee && `assigned to ${assigneeCell(c.assignee, assigneeNames)}`,
    c.outcome && `outcome ${OUTCOME_LABELS[c.outcome]}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const comments: ZendeskComment[] = [
    {
      body: `${c.post.text || '(no text)'}\n\n${author} on ${platform}: ${c.post.url}`,
      // The post's own time when the page showed it (never after the case was logged).
      created_at: iso(Number.isFinite(postedAt) && postedAt <= c.createdAt ? postedAt : c.createdAt),
      public: true,
    },
    { body: summary, created_at: iso(c.createdAt), public: false },
    ...(c.notes ?? []).map((note) => ({
      body: note.author ? `${note.text}\n\n(${note.author})` : note.text,
      created_at: iso(note.createdAt),
      public: false,
    })),
  ];
  const tags = [
    'careside',
    zendeskTag(c.platform),
    ...(c.category ? [zendeskTag(c.category)] : []),
    ...c.brandIds.map(zendeskTag),
    ...(c.tags ?? []).map(zendeskTag),
  ].filter(Boolean);
  const solvedAt = c.status === 'resolved' || c.status === 'closed' ? (c.resolvedAt ?? c.closedAt) : undefined;
  return {
    subject: text ? `${platform}: ${author}: ${text}` : `${platform}: ${author}`,
    comments,
    requester: { name: author },
    tags: [...new Set(tags)],
    external_id: c.ref,
    ...(c.priority ? { priority: ZENDESK_PRIORITY[c.priority] } : {}),
    status: ZENDESK_STATUS[c.status],
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
    ...(solvedAt === undefined ? {} : { solved_at: iso(solvedAt) }),
  };
}

export function casesToZendesk(
  cases: readonly Case[],
  brandNames: ReadonlyMap<string, string> = new Map(),
  assigneeNames: ReadonlyMap<string, string> = new Map(),
): ZendeskImport {
  return { tickets: cases.map((c) => caseToZendeskTicket(c, brandNames, assigneeNames)) };
}

/** The file's text: `{ "tickets": [...] }`, all cases; split it into requests of ZENDESK_BATCH_SIZE (README). */
export function serializeZendeskExport(
  cases: readonly Case[],
  brandNames: ReadonlyMap<string, string> = new Map(),
  assigneeNames: ReadonlyMap<string, string> = new Map(),
): string {
  return `${JSON.stringify(casesToZendesk(cases, brandNames, assigneeNames))}\n`;
}

/** The import requests' bodies, ZENDESK_BATCH_SIZE tickets each. */
export function zendeskBatches(data: ZendeskImport): ZendeskImport[] {
  const batches: ZendeskImport[] = [];
  for (let i = 0; i < data.tickets.length; i += ZENDESK_BATCH_SIZE)
    batches.push({ tickets: data.tickets.slice(i, i + ZENDESK_BATCH_SIZE) });
  return batches;
}
