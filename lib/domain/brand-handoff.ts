import { lazySchema, z } from '../validation/zod';
import { sanitizeInlineText } from '../util/sanitize';
import { t } from '../i18n/t';

/** https only, with a host and no embedded credentials. */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export const HttpsUrlSchema = lazySchema(() =>
  z
    .string()
    .trim()
    .max(2048)
    .refine(isHttpsUrl, { error: () => t('schema.httpsUrl') }),
);

/** Facebook Page username as used in m.me/<username>: 5+ letters, digits or dots (or the numeric Page id). */
export const MessengerPageSchema = lazySchema(() =>
  z
    .string()
    .trim()
    .transform((value) => value.replace(/^@/, ''))
    .pipe(z.string().regex(/^[A-Za-z0-9.]{5,50}$/, { error: () => t('schema.messengerPage') })),
);

/** Query parameter name that carries the case reference on the contact form. */
export const ContactFormParamSchema = lazySchema(() =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,50}$/, { error: () => t('schema.formParam') }),
);

/**
 * Private channels a case can be handed off to. The lead folds this into Settings.
 * - x.dm: offer X DMs (compose link when the customer's numeric id is on the page).
 * - facebook.messengerPage: the Page username for m.me links customers can open.
 * - email: support address customers can write to (mailto: with the case ref in the subject).
 * - contactForm: support form URL; the case ref is added as `param` (default "case").
 */
export const HandoffChannelConfigSchema = lazySchema(() =>
  z
    .object({
      x: z
        .object({ dm: z.boolean().default(true) })
        .strict()
        .default({ dm: true }),
      facebook: z.object({ messengerPage: MessengerPageSchema.optional() }).strict().default({}),
      email: z
        .object({
          address: z.email({ error: () => t('schema.supportEmail') }).max(254),
          subjectPrefix: z.string().max(100).transform(sanitizeInlineText).optional(),
        })
        .strict()
        .optional(),
      contactForm: z
        .object({
          url: HttpsUrlSchema,
          param: ContactFormParamSchema.default('case'),
        })
        .strict()
        .optional(),
    })
    .strict(),
);
export type HandoffChannelConfig = z.infer<typeof HandoffChannelConfigSchema>;
export type HandoffChannelConfigInput = z.input<typeof HandoffChannelConfigSchema>;

/** What the schema's defaults make of `{}`, written out so loading this module builds no schema. */
export const DEFAULT_HANDOFF_CONFIG: HandoffChannelConfig = { x: { dm: true }, facebook: {} };
