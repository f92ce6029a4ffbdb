import { lazySchema, z } from '../validation/zod';
import { BrandSchema } from '../domain/brand';
import { MAX_SAVED_REPLIES, SavedReplySchema } from '../replies/saved-replies';
import { ReplyTemplateSchema } from '../replies/templates';
import { DEFAULT_RESPONSE_TARGETS, ResponseTargetsSchema } from '../workflow/targets';
import { DEFAULT_BACKLOG_AGE_HOURS, MAX_BACKLOG_AGE_HOURS } from '../workflow/backlog';

/** The one storage key settings live under (browser.storage.local). Documented in README. */
export const SETTINGS_STORAGE_KEY = 'careside:settings';
export const SETTINGS_VERSION = 1;

export const SpiralSettingsSchema = lazySchema(() =>
  z
    .object({
      minSimilar: z.number().int().min(2).max(1000),
      windowMinutes: z
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 60),
    })
    .strict(),
);
export type SpiralSettings = z.infer<typeof SpiralSettingsSchema>;
export const DEFAULT_SPIRAL_SETTINGS: SpiralSettings = { minSimilar: 5, windowMinutes: 60 };

export const RetentionSettingsSchema = lazySchema(() =>
  z
    .object({
      /** Delete closed cases this many days after they were closed; null keeps them until deleted by hand. */
      closedCaseDays: z.number().int().min(1).max(3650).nullable(),
    })
    .strict(),
);
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;
export const DEFAULT_RETENTION_SETTINGS: RetentionSettings = { closedCaseDays: null };

export const SettingsSchema = lazySchema(() =>
  z
    .object({
      version: z.literal(SETTINGS_VERSION),
      brands: z
        .array(BrandSchema)
        .max(100)
        .refine((brands) => new Set(brands.map((brand) => brand.id)).size === brands.length, 'brand ids must be unique'),
      /** Signature appended to suggested replies, e.g. "^Dana". */
      agentSignature: z.string().max(50).default(''),
      /** Minutes to first response per priority (P1 <= P2 <= P3 <= P4). */
      responseTargets: ResponseTargetsSchema.default(DEFAULT_RESPONSE_TARGETS),
      /** Posts older than this many hours are marked backlog ("backlog · posted 3 d ago"); the clock still starts at logging. */
      backlogAgeHours: z.number().int().min(1).max(MAX_BACKLOG_AGE_HOURS).default(DEFAULT_BACKLOG_AGE_HOURS),
      /** Raise a spiral alert when `minSimilar` similar complaints arrive within `windowMinutes`. */
      spirals: SpiralSettingsSchema.default(DEFAULT_SPIRAL_SETTINGS),
      /** The team's own reply templates; they rank above the built-in ones. */
      replyTemplates: z.array(ReplyTemplateSchema).max(500).default([]),
      /** Automatic deletion of old closed cases (off by default). */
      retention: RetentionSettingsSchema.default(DEFAULT_RETENTION_SETTINGS),
      /** Each brand's saved replies (by brandId), inserted by typing "/" in the reply box. */
      savedReplies: z.array(SavedReplySchema).max(MAX_SAVED_REPLIES).default([]),
    })
    .strict(),
);
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  brands: [],
  agentSignature: '',
  responseTargets: DEFAULT_RESPONSE_TARGETS,
  backlogAgeHours: DEFAULT_BACKLOG_AGE_HOURS,
  spirals: DEFAULT_SPIRAL_SETTINGS,
  replyTemplates: [],
  retention: DEFAULT_RETENTION_SETTINGS,
  savedReplies: [],
};
