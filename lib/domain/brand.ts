import { lazySchema, z } from '../validation/zod';
import { DEFAULT_HANDOFF_CONFIG, HandoffChannelConfigSchema } from './brand-handoff';
import { normalizeHandle, type HandlePlatform } from './brand-handles';
import { DEFAULT_INDUSTRY, IndustrySchema } from './industry';
import { t } from '../i18n/t';

/**
 * Characters that only hide or reorder text: zero-width space, word joiners, byte order mark,
 * soft hyphen, direction controls. A brand term made of them matches nothing, or a look-alike.
 * ZWJ and ZWNJ (U+200C, U+200D) stay allowed: Persian and Indic scripts need them in words.
 */
const HIDDEN_CHARACTERS = /[\u00AD\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/** A name, alias, handle or hashtag: 1-100 characters, none of them hidden. */
const visibleTerm = lazySchema(() =>
  z
    .string()
    .min(1)
    .max(100)
    .refine((value) => !HIDDEN_CHARACTERS.test(value), 'must not contain invisible characters (zero-width spaces, direction marks)'),
);
const term = lazySchema(() => z.string().trim().pipe(visibleTerm));
/**
 * A handle as stored: a pasted profile URL or "@name" becomes the bare handle. One that is no
 * valid handle still loads (settings saved before this check keep working); the options form
 * refuses it with a sentence (lib/settings/brand-form.ts checkDraft).
 */
const handleOn = (platform: HandlePlatform) =>
  z
    .string()
    .trim()
    .transform((value) => {
      const normalized = normalizeHandle(platform, value);
      return 'handle' in normalized ? normalized.handle : value.replace(/^@/, '');
    })
    .pipe(visibleTerm);
const hashtag = lazySchema(() =>
  z
    .string()
    .trim()
    .transform((value) => value.replace(/^#/, ''))
    .pipe(visibleTerm),
);

/** A brand the team cares for: how it is named, its own accounts, and its private channels. */
export const BrandSchema = lazySchema(() =>
  z
    .object({
      id: z
        .string()
        .min(1)
        .max(100)
        .regex(/^[a-z0-9][a-z0-9-]*$/, { error: () => t('schema.brandId') }),
      name: term,
      /** What the brand sells; picks the wording of its built-in replies. Brands saved before it existed read as generic. */
      industry: IndustrySchema.default(DEFAULT_INDUSTRY),
      aliases: z.array(term).max(200).default([]),
      /** The brand's own accounts per platform: posts by them are not complaints about it. */
      handles: z
        .object({
          x: z.array(handleOn('x')).max(50).default([]),
          facebook: z.array(handleOn('facebook')).max(50).default([]),
          yelp: z.array(handleOn('yelp')).max(50).default([]),
        })
        .strict()
        .default({ x: [], facebook: [], yelp: [] }),
      hashtags: z.array(hashtag).max(200).default([]),
      /** Phrases that look like the brand but are not it ("acme anvils museum"). */
      exclusions: z.array(term).max(200).default([]),
      /** This brand's private channels (X DM, Messenger page, support email, contact form). */
      handoff: HandoffChannelConfigSchema.default(DEFAULT_HANDOFF_CONFIG),
    })
    .strict(),
);
export type Brand = z.infer<typeof BrandSchema>;
export type BrandInput = z.input<typeof BrandSchema>;
