import { z } from '../validation/zod';
import { CaseSchema, CaseStatusSchema, CASE_STATUSES } from '../domain/case';
import { CategorySchema, PrioritySchema, TriageSnapshotSchema } from '../domain/triage';
import { PLATFORMS, PostKeySchema, PostSchema } from '../domain/post';

/**
 * The one protocol map: every message a sender may put on the wire, its request schema,
 * its response schema, and which kinds of sender may send it. The background validates
 * both the payload and the sender before acting (see lib/messaging/server.ts).
 *
 * Wire format: `{ type, payload }` -> `{ ok: true, data } | { ok: false, error }`.
 */
export type SenderKind = 'content' | 'extension';

const countsByStatus = z.object(
  Object.fromEntries(CASE_STATUSES.map((status) => [status, z.number().int().nonnegative()])) as Record<
    (typeof CASE_STATUSES)[number],
    z.ZodNumber
  >,
);
const countsByPlatform = z.object(
  Object.fromEntries(PLATFORMS.map((platform) => [platform, z.number().int().nonnegative()])) as Record<
    (typeof PLATFORMS)[number],
    z.ZodNumber
  >,
);

export const CaseSummarySchema = z.object({
  openTotal: z.number().int().nonnegative(),
  /** All cases per status (closed ones included). */
  byStatus: countsByStatus,
  /** Open cases per platform. */
  byPlatform: countsByPlatform,
  /** The open case that has waited longest for a first response (status "new"), if any. */
  oldestWaiting: CaseSchema.nullable(),
  /** The five most recently created cases, newest first. */
  newest: z.array(CaseSchema).max(5),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const TriageAtLogSchema = z
  .object({ priority: PrioritySchema, category: CategorySchema, snapshot: TriageSnapshotSchema })
  .strict();
export type TriageAtLog = z.infer<typeof TriageAtLogSchema>;

export const protocol = {
  /** Log a post as a case. Logging the same post again returns the existing case. */
  'cases/log': {
    senders: ['content', 'extension'],
    request: z
      .object({
        post: PostSchema,
        brandIds: z.array(z.string().min(1).max(100)).max(50),
        /** What the content script's triage concluded, stored with a new case. */
        triage: TriageAtLogSchema.optional(),
      })
      .strict(),
    response: z.object({ case: CaseSchema, created: z.boolean() }),
  },
  /** The cases (if any) for the posts a tab is showing. */
  'cases/byPostKeys': {
    senders: ['content', 'extension'],
    request: z.object({ postKeys: z.array(PostKeySchema).max(1000) }).strict(),
    response: z.object({ cases: z.array(CaseSchema) }),
  },
  /** Counts and short lists for the popup. */
  'cases/summary': {
    senders: ['extension'],
    request: z.object({}).strict(),
    response: CaseSummarySchema,
  },
  /** Move a case to another status. */
  'cases/setStatus': {
    senders: ['content', 'extension'],
    request: z.object({ caseId: z.string().uuid(), status: CaseStatusSchema }).strict(),
    response: z.object({ case: CaseSchema }),
  },
  /** Open (or focus) the options page: content scripts cannot navigate to extension pages. */
  'options/open': {
    senders: ['content', 'extension'],
    request: z.object({}).strict(),
    response: z.object({ opened: z.literal(true) }),
  },
} as const satisfies Record<
  string,
  { senders: readonly SenderKind[]; request: z.ZodType; response: z.ZodType }
>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = z.input<Protocol[K]['request']>;
export type ParsedRequestOf<K extends MessageType> = z.output<Protocol[K]['request']>;
export type ResponseOf<K extends MessageType> = z.output<Protocol[K]['response']>;

export const ERROR_CODES = ['bad_request', 'forbidden_sender', 'unknown_type', 'not_found', 'conflict', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const MessageErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Where the payload was wrong, for bad_request. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type MessageError = z.infer<typeof MessageErrorSchema>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: MessageError };

/**
 * Broadcast from the background to every tab and extension page after the store changes,
 * so each view re-reads what it shows. Not a request: nobody answers it.
 */
export const CasesChangedBroadcastSchema = z
  .object({
    type: z.literal('cases/changed'),
    postKeys: z.array(PostKeySchema),
    at: z.number().int(),
  })
  .strict();
export type CasesChangedBroadcast = z.infer<typeof CasesChangedBroadcastSchema>;
