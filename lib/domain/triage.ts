import { lazySchema, z } from '../validation/zod';
import { isPostKey, type PostKey } from './post';

/** Complaint categories: one list for triage, replies, the store and the dashboard. */
export const CATEGORY_IDS = [
  'billing_refund',
  'delivery_delay',
  'cancellation',
  'lost_damaged',
  'staff_service',
  'product_defect',
  'account_login',
  'booking',
  'outage',
  'app_bug',
  'other',
] as const;
export const CategorySchema = lazySchema(() => z.enum(CATEGORY_IDS));
export type CategoryId = z.infer<typeof CategorySchema>;

export const CATEGORY_LABELS: Record<CategoryId, string> = {
  billing_refund: 'Billing / refund',
  delivery_delay: 'Delivery / delay',
  cancellation: 'Cancellation',
  lost_damaged: 'Lost or damaged item',
  staff_service: 'Staff / service',
  product_defect: 'Product defect',
  account_login: 'Account / login',
  booking: 'Booking',
  outage: 'Outage',
  app_bug: 'App / website bug',
  other: 'Other',
};

/** P1 is the most urgent. */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const PrioritySchema = lazySchema(() => z.enum(PRIORITIES));
export type Priority = z.infer<typeof PrioritySchema>;

/** Is the post a complaint (lib/triage/complaint.ts). */
export interface ComplaintResult {
  isComplaint: boolean;
  /** Model probability that the post is a complaint (0..1); `isComplaint` is it ≥ the tuned threshold. */
  confidence: number;
  /** Explicit cues found, e.g. `wait time: "2 hours"`. Evidence, not the verdict itself. */
  cues: string[];
}

/** What the complaint is about (lib/triage/category.ts). */
export interface CategoryResult {
  category: CategoryId;
  label: string;
  /** Rule matches report 1; model results its class probability. */
  confidence: number;
  source: 'rule' | 'model';
  /** The phrase that triggered a rule. */
  evidence?: string;
}

/** The signal that set a post's audience in the priority's reach part. */
export const REACH_SIGNALS = ['views', 'followers', 'likes', 'reposts', 'replies'] as const;
export type ReachSignalName = (typeof REACH_SIGNALS)[number];

/** What the complaint part of a reason line says. */
export const REASON_VERDICTS = ['complaint', 'not_complaint', 'not_judged', 'sponsored'] as const;
export type ReasonVerdict = (typeof REASON_VERDICTS)[number];

/**
 * The parts of a priority's reason line as data, so each view words it in the reader's language
 * (lib/triage/reason-line.ts); `explanation` is the same line in English for storage and logs.
 */
export interface PriorityReason {
  verdict: ReasonVerdict;
  /** The post's language code when the verdict is not_judged ("ko"). */
  language?: string;
  reach?: { count: number; signal: ReachSignalName };
  /** Yelp-style stars, when they raised the priority. */
  rating?: number;
  /** The first urgency phrase quoted from the post, and how many more were found. */
  urgency?: { snippet: string; more: number };
  /** Posted under 2 h ago. */
  fresh?: true;
  /** Whole days since posting, from 1 day on. */
  ageDays?: number;
  /** Who of the brand already answered on the page. */
  answeredBy?: string;
}

/** How urgent it is (lib/triage/priority.ts). */
export interface PriorityResult {
  priority: Priority;
  /** 0–100. */
  score: number;
  /** One short line in English, e.g. `P1: complaint, 25k views, "no response for 3 weeks"`. */
  explanation: string;
  /** The line's parts, for views in the reader's language (absent in results made before it existed). */
  reason?: PriorityReason;
}

/**
 * Triage of one post: what lib/triage computes, what the background sends a tab (within
 * TRIAGE_WIRE_LIMITS), and what the sidebar shows.
 */
export interface TriageResult {
  complaint: ComplaintResult;
  category: CategoryResult;
  priority: PriorityResult;
}

/** How much of a triage is stored with a case (lib/domain/triage-at-log.ts clips to these). */
export const TRIAGE_SNAPSHOT_LIMITS = { explanation: 300, cues: 20, cueLength: 200 } as const;

/** What triage concluded about a post when it was logged (shown again in the case's views). */
export const TriageSnapshotSchema = lazySchema(() =>
  z
    .object({
      complaint: z.boolean(),
      /** 0..1 confidence that the post is a complaint. */
      confidence: z.number().min(0).max(1),
      /** One line, e.g. `P1: complaint, 25k views, "no response for 3 weeks"`. */
      explanation: z.string().max(TRIAGE_SNAPSHOT_LIMITS.explanation),
      cues: z.array(z.string().max(TRIAGE_SNAPSHOT_LIMITS.cueLength)).max(TRIAGE_SNAPSHOT_LIMITS.cues),
    })
    .strict(),
);
export type TriageSnapshot = z.infer<typeof TriageSnapshotSchema>;

/** What a new case stores of its post's triage: priority and category top-level (indexed), the rest as a snapshot. */
export const TriageAtLogSchema = lazySchema(() =>
  z.object({ priority: PrioritySchema, category: CategorySchema, snapshot: TriageSnapshotSchema }).strict(),
);
export type TriageAtLog = z.infer<typeof TriageAtLogSchema>;

/** Bounds of a triage result on the wire (lib/background/triage.ts triageForWire clips to these). */
export const TRIAGE_WIRE_LIMITS = { cues: 50, cueLength: 500, label: 100, explanation: 1_000 } as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isShortString = (value: unknown, max: number) => typeof value === 'string' && value.length <= max;
const isFraction = (value: unknown) => typeof value === 'number' && value >= 0 && value <= 1;
const CATEGORY_SET: ReadonlySet<unknown> = new Set(CATEGORY_IDS);
const PRIORITY_SET: ReadonlySet<unknown> = new Set(PRIORITIES);

/**
 * A hand-written check of TriageResult: tabs receive one per post they read, and a zod
 * object schema (jitless, as web-ext lint requires) cost ~25 µs per result on the page's thread.
 */
export function isTriageResult(value: unknown): value is TriageResult {
  if (!isObject(value) || !isObject(value.complaint) || !isObject(value.category) || !isObject(value.priority)) return false;
  const { complaint, category, priority } = value;
  return (
    typeof complaint.isComplaint === 'boolean' &&
    isFraction(complaint.confidence) &&
    Array.isArray(complaint.cues) &&
    complaint.cues.length <= TRIAGE_WIRE_LIMITS.cues &&
    complaint.cues.every((cue) => isShortString(cue, TRIAGE_WIRE_LIMITS.cueLength)) &&
    CATEGORY_SET.has(category.category) &&
    isShortString(category.label, TRIAGE_WIRE_LIMITS.label) &&
    isFraction(category.confidence) &&
    (category.source === 'rule' || category.source === 'model') &&
    (category.evidence === undefined || isShortString(category.evidence, TRIAGE_WIRE_LIMITS.cueLength)) &&
    PRIORITY_SET.has(priority.priority) &&
    typeof priority.score === 'number' &&
    priority.score >= 0 &&
    priority.score <= 100 &&
    isShortString(priority.explanation, TRIAGE_WIRE_LIMITS.explanation) &&
    (priority.reason === undefined || isPriorityReason(priority.reason))
  );
}

const VERDICT_SET: ReadonlySet<unknown> = new Set(REASON_VERDICTS);
const SIGNAL_SET: ReadonlySet<unknown> = new Set(REACH_SIGNALS);
const isCount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);

function isPriorityReason(value: unknown): value is PriorityReason {
  if (!isObject(value)) return false;
  const { reach, urgency } = value;
  return (
    VERDICT_SET.has(value.verdict) &&
    optional(value.language, (language) => isShortString(language, 20)) &&
    optional(reach, () => isObject(reach) && isCount(reach.count) && SIGNAL_SET.has(reach.signal)) &&
    optional(value.rating, isCount) &&
    optional(urgency, () => isObject(urgency) && isShortString(urgency.snippet, TRIAGE_WIRE_LIMITS.cueLength) && isCount(urgency.more)) &&
    optional(value.fresh, (fresh) => fresh === true) &&
    optional(value.ageDays, isCount) &&
    optional(value.answeredBy, (name) => isShortString(name, TRIAGE_WIRE_LIMITS.label))
  );
}

/** posts/triage's answer: one result per post asked about. */
export type TriageAnswer = { postKey: PostKey; triage: TriageResult }[];

/** The whole answer checked in one pass (see isTriageResult for why not a zod object schema). */
export const TriageAnswerSchema = lazySchema(() =>
  z.custom<TriageAnswer>(
    (value) =>
      Array.isArray(value) && value.every((item: unknown) => isObject(item) && isPostKey(item.postKey) && isTriageResult(item.triage)),
    'not a list of { postKey, triage }',
  ),
);
