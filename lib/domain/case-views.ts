import { lazySchema, z } from '../validation/zod';
import { CASE_STATUSES, CaseOutcomeSchema, CaseSchema, CaseStatusSchema } from './case';
import { CASE_LIMITS } from './limits';
import { PLATFORMS, PlatformSchema } from './post';
import { CATEGORY_IDS, CategorySchema, PRIORITIES, PrioritySchema } from './triage';

/** What the case store answers about many cases (pages, counts, stats, import reports): shared by lib/cases and the protocol. */

const epochMs = lazySchema(() => z.number().int().nonnegative());
const count = lazySchema(() => z.number().int().nonnegative());

export const CaseQueryFilterSchema = lazySchema(() =>
  z
    .object({
      status: z.union([CaseStatusSchema, z.literal('open')]).optional(),
      platform: PlatformSchema.optional(),
      brandId: z.string().min(1).max(100).optional(),
      priority: PrioritySchema.optional(),
      category: CategorySchema.optional(),
      /** Logged at or after (epoch ms). */
      from: epochMs.optional(),
      /** Logged before (epoch ms). */
      to: epochMs.optional(),
      search: z.string().max(200).optional(),
      /** A person's name, or null for unassigned cases. */
      assignee: z.string().min(1).max(CASE_LIMITS.personName).nullable().optional(),
      /** The author's handle (or name, for posts without one): "Earlier cases from @author". */
      author: z.string().min(1).max(200).optional(),
    })
    .strict(),
);
export type CaseQueryFilterInput = z.input<typeof CaseQueryFilterSchema>;

/** Most cases one dashboard page (or one export chunk) carries. */
export const MAX_QUERY_LIMIT = 1_000;

export const CasePageSchema = lazySchema(() =>
  z.object({
    total: count,
    /** True when `total` is only how many were found so far (a search of common words, lib/cases/search-walk.ts). */
    totalIsLowerBound: z.boolean().optional(),
    offset: count,
    cases: z.array(CaseSchema).max(MAX_QUERY_LIMIT),
  }),
);

export const AttentionSchema = lazySchema(() =>
  z.object({
    byPriority: z.object(Object.fromEntries(PRIORITIES.map((p) => [p, count])) as Record<(typeof PRIORITIES)[number], typeof count>),
    breachingCount: count,
    nearingCount: count,
    breaching: z.array(z.object({ case: CaseSchema, dueAt: z.number().int(), overdueMs: z.number().int() })).max(20),
  }),
);

/** Chart buckets: every category plus cases logged without one. */
export const STATS_CATEGORIES = [...CATEGORY_IDS, 'uncategorized'] as const;
export type StatsCategory = (typeof STATS_CATEGORIES)[number];
const statsCategory = lazySchema(() => z.enum(STATS_CATEGORIES));
const durationStats = lazySchema(() => z.object({ count, medianMs: z.number().nullable(), p90Ms: z.number().nullable() }));
export const CaseStatsSchema = lazySchema(() =>
  z.object({
    total: count,
    days: z
      .array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), total: count, byCategory: z.partialRecord(statsCategory, count) }))
      .max(366),
    firstResponse: durationStats,
    resolution: durationStats,
    /** Resolved or closed cases that never got a first response (spam, not actionable, resolved unanswered). */
    resolvedWithoutResponse: count,
    breaches: count,
  }),
);

/** `line`: where the row starts in a CSV file (JSON rows have only their index). */
const rowRef = () => ({ index: count, line: count.optional(), ref: z.string().max(20).optional() });
export const ImportReportSchema = lazySchema(() =>
  z.object({
    accepted: z.array(z.object({ index: count, ref: z.string() })),
    merged: z.array(z.object({ index: count, ref: z.string(), into: z.string() })),
    unchanged: z.array(z.object({ index: count, ref: z.string() })),
    rejected: z.array(z.object({ ...rowRef(), reason: z.string() })),
    warnings: z.array(z.object({ ...rowRef(), message: z.string() })),
  }),
);

/** One edit to a case other than a status change. */
export const CaseEditSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('note'),
        text: z.string().min(1).max(CASE_LIMITS.noteText),
        author: z.string().max(CASE_LIMITS.personName).optional(),
      })
      .strict(),
    z.object({ kind: z.literal('assignee'), assignee: z.string().max(CASE_LIMITS.personName).nullable() }).strict(),
    z.object({ kind: z.literal('tags'), tags: z.array(z.string().max(CASE_LIMITS.tagLength)).max(CASE_LIMITS.tags) }).strict(),
    z.object({ kind: z.literal('followUp'), followUpAt: epochMs.nullable() }).strict(),
    z.object({ kind: z.literal('snooze'), option: z.enum(['15m', '1h', 'tomorrow']) }).strict(),
    z.object({ kind: z.literal('priority'), priority: PrioritySchema }).strict(),
  ]),
);
export type CaseEdit = z.infer<typeof CaseEditSchema>;

/** One change the dashboard applies to many selected cases at once. */
export const BulkChangeSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('status'),
        to: z.union([CaseStatusSchema, z.literal('reopen')]),
        outcome: CaseOutcomeSchema.optional(),
      })
      .strict(),
    z.object({ kind: z.literal('assignee'), assignee: z.string().max(CASE_LIMITS.personName).nullable() }).strict(),
    z.object({ kind: z.literal('addTag'), tag: z.string().trim().min(1).max(CASE_LIMITS.tagLength) }).strict(),
    z.object({ kind: z.literal('removeTag'), tag: z.string().trim().min(1).max(CASE_LIMITS.tagLength) }).strict(),
  ]),
);
export type BulkChange = z.infer<typeof BulkChangeSchema>;

export const BulkResultSchema = lazySchema(() =>
  z.object({
    changed: count,
    unchanged: count,
    skipped: z.array(z.object({ ref: z.string(), reason: z.string() })),
    missing: count,
  }),
);

/** Counts per status and per platform, for the popup. */
const countsByStatus = lazySchema(() =>
  z.object(
    Object.fromEntries(CASE_STATUSES.map((status) => [status, z.number().int().nonnegative()])) as Record<
      (typeof CASE_STATUSES)[number],
      z.ZodNumber
    >,
  ),
);
const countsByPlatform = lazySchema(() =>
  z.object(
    Object.fromEntries(PLATFORMS.map((platform) => [platform, z.number().int().nonnegative()])) as Record<
      (typeof PLATFORMS)[number],
      z.ZodNumber
    >,
  ),
);

export const CaseSummarySchema = lazySchema(() =>
  z.object({
    openTotal: z.number().int().nonnegative(),
    /** All cases per status (closed ones included). */
    byStatus: countsByStatus,
    /** Open cases per platform. */
    byPlatform: countsByPlatform,
    /** The open case that has waited longest for a first response (logged earliest, never answered), if any. */
    oldestWaiting: CaseSchema.nullable(),
    /** The five most recently created cases, newest first. */
    newest: z.array(CaseSchema).max(5),
  }),
);
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
