import { lazySchema, z } from '../validation/zod';
import { MAX_DELETE_BATCH, MAX_TRIAGE_BATCH, type MessageType } from './messages';
import { ERROR_CODES } from '../domain/errors';
import { CASE_LIMITS } from '../domain/limits';
import { CaseOutcomeSchema, CaseSchema, CaseStatusSchema } from '../domain/case';
import { TriageAnswerSchema } from '../domain/triage';
import { CorrectionLabelSchema, LearningExportSchema, LearningStatusSchema } from '../domain/learning';
import { PageCaseSchema } from '../domain/page-case';
import { PostKeySchema, PostSchema } from '../domain/post';
import { AgentDetailsSchema, AgentSchema, RosterEntrySchema } from '../domain/agent';
import { ReplyingSchema } from '../domain/presence';
import { CaseEventTypeSchema } from '../domain/case-event';
import {
  AttentionSchema,
  BulkChangeSchema,
  BulkResultSchema,
  CaseEditSchema,
  CasePageSchema,
  CaseQueryFilterSchema,
  CaseStatsSchema,
  ImportReportSchema,
  MAX_QUERY_LIMIT,
  CaseSummarySchema,
} from '../domain/case-views';
import {
  ConnectionCheckSchema,
  MAX_REFUSED_LISTED,
  RefusedChangeSchema,
  TeamConnectionSchema,
  TeamStatusSchema,
} from '../domain/team-connection';
import { MAX_IMPORT_BYTES } from '../transfer/limits';
import { SettingsSchema } from '../settings/schema';
import { ResolutionSchema, ResolveUndoSchema } from '../workflow/resolve';
import { MAX_OBSERVE_BATCH, MAX_WINDOW_MEMBERS, SpiralComplaintSchema, SpiralSchema } from '../spirals/schema';

/**
 * The one protocol map: every message a sender may put on the wire, its request schema and its
 * response schema; which kinds of sender may send it and whether it is safe to repeat are in
 * messages.ts, under the same names (zod-free, for content scripts). The background validates
 * both the payload and the sender before acting (see lib/messaging/server.ts).
 *
 * Wire format: `{ type, payload }` -> `{ ok: true, data } | { ok: false, error }`.
 *
 * The messages tabs send answer with a case's page view (PageCase: no notes, assignee, tags or
 * private timeline details); extension pages read whole cases with cases/get and cases/query.
 */
export { MAX_DELETE_BATCH, MAX_TRIAGE_BATCH, type MessageType, type SenderKind } from './messages';

/** The import text may carry a BOM and is measured in UTF-16 units here; the parser checks bytes. */
const ImportTextSchema = lazySchema(() => z.string().max(MAX_IMPORT_BYTES + 1));

export const TriagePostSchema = lazySchema(() =>
  PostSchema.pick({
    platform: true,
    postId: true,
    kind: true,
    text: true,
    postedAt: true,
    reach: true,
    sponsored: true,
    answeredBy: true,
  }),
);
export type TriagePost = z.infer<typeof TriagePostSchema>;

/** What data/deleteAll removed, for the page to say so. */
export const DeletedDataSchema = lazySchema(() =>
  z
    .object({
      cases: z.number().int().nonnegative(),
      notifications: z.number().int().nonnegative(),
      alarms: z.number().int().nonnegative(),
      settings: z.boolean(),
      /** The team database this install stopped syncing with (its data on the server is kept). */
      team: z.string().max(200).optional(),
    })
    .strict(),
);
export type DeletedData = z.infer<typeof DeletedDataSchema>;

export const protocol = {
  /**
   * Triage posts a tab read (complaint, category, priority). The models live in the background,
   * once per browser, so pages neither load megabytes of weights nor spend their main thread on them.
   */
  'posts/triage': {
    request: lazySchema(() =>
      z
        .object({
          /** Only what triage reads of each post (a tab sends thousands). */
          posts: z.array(TriagePostSchema).max(MAX_TRIAGE_BATCH),
        })
        .strict(),
    ),
    response: lazySchema(() => z.object({ results: TriageAnswerSchema })),
  },
  /**
   * The team's call on a post: "complaint" or "not a complaint". The post's verdict follows it at once
   * and the adaptive layer learns from it; every tab re-triages on `triage/changed`. The same call
   * again changes nothing.
   */
  'triage/correct': {
    request: lazySchema(() => z.object({ post: TriagePostSchema, label: CorrectionLabelSchema }).strict()),
    response: lazySchema(() => z.object({ changed: z.boolean(), status: LearningStatusSchema })),
  },
  /** How many corrections the adaptive layer learned from (options: "Learned from 37 corrections"). */
  'learning/status': {
    request: lazySchema(() => z.object({}).strict()),
    response: LearningStatusSchema,
  },
  /** Forget every correction: triage is the shipped model's again. */
  'learning/reset': {
    request: lazySchema(() => z.object({}).strict()),
    response: lazySchema(() => z.object({ removed: z.number().int().nonnegative() })),
  },
  /** The layer for the settings export (its corrections: hashed features and labels, no post text). */
  'learning/export': {
    request: lazySchema(() => z.object({}).strict()),
    response: LearningExportSchema,
  },
  /** Replace the layer with an imported one, all or nothing. */
  'learning/import': {
    request: lazySchema(() => z.object({ learning: LearningExportSchema }).strict()),
    response: LearningStatusSchema,
  },
  /** Log a post as a case. Logging the same post again returns the existing case (so it is idempotent). */
  'cases/log': {
    request: lazySchema(() =>
      z
        .object({
          post: PostSchema,
          brandIds: z.array(z.string().min(1).max(100)).max(50),
        })
        .strict(),
    ),
    response: lazySchema(() => z.object({ case: PageCaseSchema, created: z.boolean() })),
  },
  /** The cases (if any) for the posts a tab is showing. */
  'cases/byPostKeys': {
    request: lazySchema(() => z.object({ postKeys: z.array(PostKeySchema).max(1000) }).strict()),
    response: lazySchema(() => z.object({ cases: z.array(PageCaseSchema) })),
  },
  /** Counts and short lists for the popup. */
  'cases/summary': {
    request: lazySchema(() => z.object({}).strict()),
    response: CaseSummarySchema,
  },
  /** Move a case to another status. */
  'cases/setStatus': {
    request: lazySchema(() => z.object({ caseId: z.string().uuid(), status: CaseStatusSchema }).strict()),
    response: lazySchema(() => z.object({ case: PageCaseSchema })),
  },
  /** Open (or focus) the options page: content scripts cannot navigate to extension pages. */
  'options/open': {
    request: lazySchema(() => z.object({}).strict()),
    response: lazySchema(() => z.object({ opened: z.literal(true) })),
  },
  /**
   * Record what the team did with a case (reply suggested/inserted/copied, handed off) on its
   * timeline, optionally moving it to Responded / Handed off. A move the lifecycle does not
   * allow (e.g. a resolved case) is refused with 'conflict' and nothing is stored.
   */
  'cases/recordEvent': {
    request: lazySchema(() =>
      z
        .object({
          caseId: z.string().uuid(),
          event: z
            .object({
              type: z.enum(['reply_suggested', 'reply_inserted', 'reply_copied', 'handed_off']),
              detail: z.string().max(CASE_LIMITS.eventDetail).optional(),
              channel: z.string().max(CASE_LIMITS.eventChannel).optional(),
            })
            .strict(),
          transitionTo: z.enum(['responded', 'handed_off']).optional(),
        })
        .strict(),
    ),
    response: lazySchema(() => z.object({ case: PageCaseSchema })),
  },
  /**
   * The brand's own reply to a logged case's post is on the page the tab shows (an X reply by one
   * of its handles, a Yelp owner's reply, a Facebook Page's reply): the case's timeline says
   * "Brand reply seen" once. The tab read it from the page itself; a repeat changes nothing.
   */
  'cases/brandReplySeen': {
    request: lazySchema(() =>
      z
        .object({
          caseId: z.string().uuid(),
          /** Who answered: "@AcmeAirHelp", or a Page or business name. */
          by: z.string().trim().min(1).max(100),
        })
        .strict(),
    ),
    response: lazySchema(() => z.object({ case: PageCaseSchema, changed: z.boolean() })),
  },
  /**
   * Move a case through the lifecycle; `to: 'reopen'` reopens a resolved/closed case and closing
   * needs an outcome. Illegal moves answer 'conflict' with a message saying what to do instead.
   */
  'cases/transition': {
    request: lazySchema(() =>
      z
        .object({
          caseId: z.string().uuid(),
          to: z.union([CaseStatusSchema, z.literal('reopen')]),
          outcome: CaseOutcomeSchema.optional(),
        })
        .strict(),
    ),
    response: lazySchema(() => z.object({ case: PageCaseSchema, changed: z.boolean() })),
  },
  /**
   * Resolve an open case the way it ended (lib/workflow/resolve.ts): responded / handed off end
   * Resolved with a first response, not actionable / spam end Closed with that outcome. The
   * answer carries what cases/undoResolve needs.
   */
  'cases/resolve': {
    request: lazySchema(() => z.object({ caseId: z.string().uuid(), resolution: ResolutionSchema }).strict()),
    response: lazySchema(() => z.object({ case: CaseSchema, undo: ResolveUndoSchema })),
  },
  /** Undo a resolve: back to the previous open status, while the case is unchanged since ('conflict' otherwise). */
  'cases/undoResolve': {
    request: lazySchema(() => z.object({ undo: ResolveUndoSchema }).strict()),
    response: lazySchema(() => z.object({ case: CaseSchema })),
  },
  /** Counts and the most overdue cases for the popup: open per priority, breaching, nearing. */
  'cases/attention': {
    request: lazySchema(() => z.object({}).strict()),
    response: AttentionSchema,
  },
  /** One page of the dashboard list (newest first) with the total matching the filter. */
  'cases/query': {
    request: lazySchema(() =>
      z
        .object({
          filter: CaseQueryFilterSchema,
          offset: z.number().int().nonnegative(),
          limit: z.number().int().min(1).max(MAX_QUERY_LIMIT),
        })
        .strict(),
    ),
    response: CasePageSchema,
  },
  /** Dashboard stats over the filtered cases, with days bucketed in the page's time zone. */
  'cases/stats': {
    request: lazySchema(() => z.object({ filter: CaseQueryFilterSchema, timeZone: z.string().min(1).max(100) }).strict()),
    response: CaseStatsSchema,
  },
  /** One case by id or ref (the dashboard opens a case from a notification or a link). */
  'cases/get': {
    request: lazySchema(() => z.union([z.object({ caseId: z.string().uuid() }).strict(), z.object({ ref: z.string().max(20) }).strict()])),
    response: lazySchema(() => z.object({ case: CaseSchema.nullable() })),
  },
  /** Notes, assignee, tags, follow-up date, snooze, priority: each a timeline entry. */
  'cases/edit': {
    request: lazySchema(() => z.object({ caseId: z.string().uuid(), edit: CaseEditSchema }).strict()),
    response: lazySchema(() => z.object({ case: CaseSchema, changed: z.boolean() })),
  },
  /**
   * Import a cases export (JSON text). Valid rows are applied in one transaction (duplicates by
   * postKey merged); the report says what was rejected and why. An unreadable file answers
   * 'bad_request' and changes nothing.
   */
  'cases/import': {
    request: lazySchema(() =>
      z
        .object({
          text: ImportTextSchema,
          /** From the file name; without it the text decides (a CareSide CSV starts with its Ref header). */
          format: z.enum(['json', 'csv']).optional(),
          /** IANA zone to read a CSV's local times in when a row has no UTC time. */
          timeZone: z.string().min(1).max(100).optional(),
        })
        .strict(),
    ),
    response: lazySchema(() => z.object({ report: ImportReportSchema, summary: z.string() })),
  },
  /**
   * One change (status, assignee, add/remove a tag) to the selected cases, or to every case a
   * filter matches, applied in one transaction with a timeline entry per changed case. Cases the
   * change does not apply to are skipped and named; more than MAX_BULK_CASES is refused.
   */
  'cases/bulkUpdate': {
    request: lazySchema(() =>
      z
        .object({
          target: z.union([
            z.object({ caseIds: z.array(z.string().uuid()).min(1).max(MAX_DELETE_BATCH) }).strict(),
            z.object({ filter: CaseQueryFilterSchema }).strict(),
          ]),
          change: BulkChangeSchema,
        })
        .strict(),
    ),
    response: BulkResultSchema,
  },
  /**
   * Delete cases for good (extension pages only: a tab never deletes). Everything the store
   * keeps about them goes in one transaction; ids already gone are skipped, so repeating it is safe.
   */
  'cases/delete': {
    request: lazySchema(() => z.object({ caseIds: z.array(z.string().uuid()).min(1).max(MAX_DELETE_BATCH) }).strict()),
    response: lazySchema(() => z.object({ deleted: z.number().int().nonnegative() })),
  },
  /**
   * Delete all CareSide data: the case database, the session state (spiral window), CareSide's
   * alarms and notifications, and the settings only when `settings` is true. Extension pages only.
   */
  'data/deleteAll': {
    request: lazySchema(() => z.object({ settings: z.boolean() }).strict()),
    response: DeletedDataSchema,
  },
  /** This install's agent (the CouchDB user while connected to a team) and every id that is "me". */
  'agents/me': {
    request: lazySchema(() => z.object({}).strict()),
    response: lazySchema(() => z.object({ agent: AgentSchema, ids: z.array(z.string()).max(5) })),
  },
  /** Save this agent's name and email (options, welcome); the id never changes. */
  'agents/saveMe': {
    request: lazySchema(() => AgentDetailsSchema),
    response: lazySchema(() => z.object({ agent: AgentSchema })),
  },
  /** Who a case can be assigned to: me, the team's agents, assignees already on cases. */
  'agents/roster': {
    request: lazySchema(() => z.object({}).strict()),
    response: lazySchema(() => z.object({ roster: z.array(RosterEntrySchema).max(5_000) })),
  },
  /** Open cases assigned to this agent (popup "My cases"). */
  'cases/mine': {
    request: lazySchema(() => z.object({}).strict()),
    response: lazySchema(() => z.object({ agentId: z.string(), open: z.number().int().nonnegative() })),
  },
  /** Assign a case to this install's agent (case panel, dashboard). Again changes nothing. */
  'cases/assignToMe': {
    request: lazySchema(() => z.object({ caseId: z.string().uuid() }).strict()),
    response: lazySchema(() => z.object({ case: PageCaseSchema, changed: z.boolean() })),
  },
  /**
   * What the reply panel says about teammates on a case: whether it is assigned to me or to
   * someone else (no name: a tab never learns assignees), and who else already responded.
   */
  'cases/teamView': {
    request: lazySchema(() => z.object({ caseId: z.string().uuid() }).strict()),
    response: lazySchema(() =>
      z.object({
        assignedToMe: z.boolean(),
        assignedToOther: z.boolean(),
        responses: z.array(z.object({ name: z.string(), at: z.number().int(), type: CaseEventTypeSchema })).max(CASE_LIMITS.events),
      }),
    ),
  },
  /** This agent opened (replying: true, sent again to refresh) or closed a post's reply panel. */
  'presence/set': {
    request: lazySchema(() => z.object({ postKey: PostKeySchema, replying: z.boolean() }).strict()),
    response: lazySchema(() => z.object({ replying: z.boolean() })),
  },
  /** Other agents replying right now (a tab sees only its own site's posts). */
  'presence/list': {
    request: lazySchema(() => z.object({}).strict()),
    response: lazySchema(() => z.object({ replying: z.array(ReplyingSchema).max(5_000) })),
  },
  /** Complaints a tab saw (brand mentions blanked), batched, for spiral detection across tabs. */
  'spirals/observe': {
    request: lazySchema(() => z.object({ complaints: z.array(SpiralComplaintSchema).max(MAX_OBSERVE_BATCH) }).strict()),
    response: lazySchema(() => z.object({ accepted: z.number().int().nonnegative() })),
  },
  /** Active spirals: at least N similar open complaints within the configured window, largest first. */
  'spirals/active': {
    request: lazySchema(() => z.object({}).strict()),
    response: lazySchema(() => z.object({ spirals: z.array(SpiralSchema).max(MAX_WINDOW_MEMBERS) })),
  },
  /** Whether a team server is configured, which, and how its sync is doing (never the password). */
  'team/status': {
    request: lazySchema(() => z.object({}).strict()),
    response: lazySchema(() => TeamStatusSchema),
  },
  /** Try a team server from the background, as sync will: what is in the way, if anything. Stores nothing. */
  'team/test': {
    request: lazySchema(() => z.object({ connection: TeamConnectionSchema }).strict()),
    response: lazySchema(() => ConnectionCheckSchema),
  },
  /** Test, then keep the connection (storage.local only) and start syncing; a failed test changes nothing. */
  'team/connect': {
    request: lazySchema(() => z.object({ connection: TeamConnectionSchema }).strict()),
    response: lazySchema(() => z.object({ check: ConnectionCheckSchema, status: TeamStatusSchema })),
  },
  /** Stop syncing and forget the credentials and the refused changes; the cases stay in this browser. */
  'team/disconnect': {
    request: lazySchema(() => z.object({}).strict()),
    response: lazySchema(() => TeamStatusSchema),
  },
  /** The changes the team server refused, with its reasons (empty without a team). */
  'team/refused': {
    request: lazySchema(() => z.object({}).strict()),
    response: lazySchema(() => z.object({ changes: z.array(RefusedChangeSchema).max(MAX_REFUSED_LISTED) })),
  },
  /** Stop sending and listing these refused changes; they stay in this browser's cases. */
  'team/discardRefused': {
    request: lazySchema(() => z.object({ ids: z.array(z.string().max(1000)).min(1).max(MAX_REFUSED_LISTED) }).strict()),
    response: lazySchema(() => TeamStatusSchema),
  },
  /**
   * The settings as the background reads them from storage, checked and normalised, or the
   * defaults and why (the options page's words). A content script asks for them at start and on
   * every storage change instead of checking them itself, so its first stage needs no zod.
   */
  'settings/current': {
    request: lazySchema(() => z.object({}).strict()),
    response: lazySchema(() => z.object({ settings: SettingsSchema, error: z.string().nullable() }).strict()),
  },
} as const satisfies Record<MessageType, { request: z.ZodType; response: z.ZodType }>;

export type Protocol = typeof protocol;
export type RequestOf<K extends MessageType> = z.input<Protocol[K]['request']>;
export type ParsedRequestOf<K extends MessageType> = z.output<Protocol[K]['request']>;
export type ResponseOf<K extends MessageType> = z.output<Protocol[K]['response']>;

export const MessageErrorSchema = lazySchema(() =>
  z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Where the payload was wrong, for bad_request. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
);
export type MessageError = z.infer<typeof MessageErrorSchema>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: MessageError };

/**
 * Broadcast from the background to every tab and extension page after the store changes,
 * so each view re-reads what it shows. Not a request: nobody answers it.
 */
export const CasesChangedBroadcastSchema = lazySchema(() =>
  z
    .object({
      type: z.literal('cases/changed'),
      postKeys: z.array(PostKeySchema),
      at: z.number().int(),
    })
    .strict(),
);
export type CasesChangedBroadcast = z.infer<typeof CasesChangedBroadcastSchema>;

/** Broadcast after the active spirals changed (one began, grew, shrank or ended): views re-read them. */
export const SpiralsChangedBroadcastSchema = lazySchema(() =>
  z
    .object({
      type: z.literal('spirals/changed'),
      at: z.number().int(),
    })
    .strict(),
);
export type SpiralsChangedBroadcast = z.infer<typeof SpiralsChangedBroadcastSchema>;

/** Broadcast after the team's corrections changed triage: tabs ask again about the posts they show. */
export const TriageChangedBroadcastSchema = lazySchema(() =>
  z
    .object({
      type: z.literal('triage/changed'),
      at: z.number().int(),
    })
    .strict(),
);
export type TriageChangedBroadcast = z.infer<typeof TriageChangedBroadcastSchema>;

/** Broadcast to extension pages when the team connection or its sync status changed. */
export const TeamStatusChangedBroadcastSchema = lazySchema(() =>
  z
    .object({
      type: z.literal('team/statusChanged'),
      status: TeamStatusSchema,
      at: z.number().int(),
    })
    .strict(),
);
export type TeamStatusChangedBroadcast = z.infer<typeof TeamStatusChangedBroadcastSchema>;
/**
 * Broadcast after who is replying to these posts changed (a teammate opened or closed a reply
 * panel, or it expired): a view showing one of them asks `presence/list` again.
 */
export const PresenceChangedBroadcastSchema = lazySchema(() =>
  z
    .object({
      type: z.literal('presence/changed'),
      postKeys: z.array(PostKeySchema),
      at: z.number().int(),
    })
    .strict(),
);
export type PresenceChangedBroadcast = z.infer<typeof PresenceChangedBroadcastSchema>;

/** The manifest command that focuses the sidebar of the current tab (wxt.config.ts `commands`). */
export const FOCUS_SIDEBAR_COMMAND = 'focus-sidebar';

/** From the background to one tab: the user pressed the focus-sidebar shortcut. */
export const SidebarFocusRequestSchema = lazySchema(() => z.object({ type: z.literal('sidebar/focus') }).strict());
export type SidebarFocusRequest = z.infer<typeof SidebarFocusRequestSchema>;
