import { z } from '../validation/zod';
import { DEFAULT_HANDOFF_CONFIG, HandoffChannelConfigSchema } from './brand-handoff';

/** A brand the team cares for: how it is named, its own accounts, and its private channels. */
const term = z.string().trim().min(1).max(100);
const handle = z
  .string()
  .trim()
  .transform((value) => value.replace(/^@/, ''))
  .pipe(z.string().min(1).max(100));
const hashtag = z
  .string()
  .trim()
  .transform((value) => value.replace(/^#/, ''))
  .pipe(z.string().min(1).max(100));

export const BrandSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'brand id: lowercase letters, digits and dashes'),
    name: term,
    aliases: z.array(term).max(200).default([]),
    /** The brand's own accounts per platform: posts by them are not complaints about it. */
    handles: z
      .object({
        x: z.array(handle).max(50).default([]),
        facebook: z.array(handle).max(50).default([]),
        yelp: z.array(handle).max(50).default([]),
      })
      .strict()
      .default({ x: [], facebook: [], yelp: [] }),
    hashtags: z.array(hashtag).max(200).default([]),
    /** Phrases that look like the brand but are not it ("acme anvils museum"). */
    exclusions: z.array(term).max(200).default([]),
    /** This brand's private channels (X DM, Messenger page, support email, contact form). */
    handoff: HandoffChannelConfigSchema.default(DEFAULT_HANDOFF_CONFIG),
  })
  .strict();
export type Brand = z.infer<typeof BrandSchema>;
export type BrandInput = z.input<typeof BrandSchema>;
