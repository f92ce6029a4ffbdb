import { lazySchema, z } from '../validation/zod';
import { PostKeySchema } from './post';

/**
 * The team's own complaint calls ("complaint" / "not a complaint" clicks, logged cases), which the
 * background stores (IndexedDB `corrections`) and learns from (lib/triage/adaptive.ts).
 */
export const LEARNING_LIMITS = {
  /** log2 of the adaptive layer's hash buckets. */
  bits: 16,
  /** Most features one correction keeps. */
  features: 200,
  /** Most corrections kept; past this the oldest go (the newest calls say most about the team now). */
  corrections: 1_000,
} as const;

export const CORRECTION_LABELS = ['complaint', 'not_complaint'] as const;
export const CorrectionLabelSchema = lazySchema(() => z.enum(CORRECTION_LABELS));
export type CorrectionLabel = z.infer<typeof CorrectionLabelSchema>;

/** Where a label came from: a click on "Complaint" / "Not a complaint", or logging the post as a case. */
export const CorrectionSourceSchema = lazySchema(() => z.enum(['click', 'case']));

/**
 * One stored correction: no post text, only the hashed features the layer learns from and the
 * shipped model's margin at the time, keyed by the post (its own verdict follows the label).
 */
export const CorrectionSchema = lazySchema(() =>
  z
    .object({
      postKey: PostKeySchema,
      label: CorrectionLabelSchema,
      source: CorrectionSourceSchema,
      at: z.number().int().nonnegative(),
      /** The shipped verdict's log-odds minus its threshold's (lib/triage/adaptive.ts marginOf). */
      margin: z.number().min(-8).max(8),
      buckets: z
        .array(
          z
            .number()
            .int()
            .min(0)
            .max(2 ** LEARNING_LIMITS.bits - 1),
        )
        .max(LEARNING_LIMITS.features),
    })
    .strict(),
);
export type Correction = z.infer<typeof CorrectionSchema>;

export const LEARNING_EXPORT_FORMAT = 'careside-learning/1';

/** The layer as settings export/import carries it: its corrections (the layer is refitted from them). */
export const LearningExportSchema = lazySchema(() =>
  z
    .object({
      format: z.literal(LEARNING_EXPORT_FORMAT),
      corrections: z.array(CorrectionSchema).max(LEARNING_LIMITS.corrections),
    })
    .strict(),
);
export type LearningExport = z.infer<typeof LearningExportSchema>;

/** What options shows: "Learned from 37 corrections". */
export const LearningStatusSchema = lazySchema(() =>
  z
    .object({
      corrections: z.number().int().nonnegative(),
      complaint: z.number().int().nonnegative(),
      notComplaint: z.number().int().nonnegative(),
      /** Time of the newest correction. */
      lastAt: z.number().int().nonnegative().optional(),
    })
    .strict(),
);
export type LearningStatus = z.infer<typeof LearningStatusSchema>;
