import { MAX_POST_TEXT, PlatformSchema, PostKeySchema } from '../domain/post';
import { lazySchema, z } from '../validation/zod';

/** Most complaints remembered in the window; the oldest go first past this. */
export const MAX_WINDOW_MEMBERS = 1_000;
/** Most complaints in one spirals/observe message (content scripts batch below this). */
export const MAX_OBSERVE_BATCH = 100;
/** Latest time accepted (year 2100): keeps arithmetic on hostile numbers finite and exact. */
const MAX_TIME = 4_102_444_800_000;

const time = lazySchema(() => z.number().int().nonnegative().max(MAX_TIME));

/** One complaint a tab saw: brand mentions blanked out of `text` by the sender. */
export const SpiralComplaintSchema = lazySchema(() =>
  z
    .object({
      postKey: PostKeySchema,
      text: z.string().max(MAX_POST_TEXT),
      /** When it arrived: the post's publish time when the page shows it, else when it was seen (ms). */
      at: time,
      platform: PlatformSchema,
    })
    .strict()
    .refine((complaint) => complaint.postKey.startsWith(`${complaint.platform}:`), {
      message: 'postKey must belong to platform',
      path: ['postKey'],
    }),
);
export type SpiralComplaint = z.infer<typeof SpiralComplaintSchema>;

export const SpiralIdSchema = lazySchema(() => z.string().regex(/^sp-[0-9a-z]{1,16}$/));

/** N or more similar open complaints within the window. */
export const SpiralSchema = lazySchema(() =>
  z
    .object({
      /** Stable while the spiral lasts, even as members join and leave. */
      id: SpiralIdSchema,
      /** The phrases most members share, e.g. "lost bag · baggage claim". */
      label: z.string().max(200),
      size: z.number().int().positive(),
      postKeys: z.array(PostKeySchema).max(MAX_WINDOW_MEMBERS),
      firstAt: time,
      lastAt: time,
      platforms: z.array(PlatformSchema).max(3),
    })
    .strict(),
);
export type Spiral = z.infer<typeof SpiralSchema>;

/** What survives a service-worker restart: the window's complaints (as shingles, not text) and spiral ids. */
export const SpiralStateSchema = lazySchema(() =>
  z
    .object({
      version: z.literal(1),
      members: z
        .array(
          z
            .object({
              postKey: PostKeySchema,
              at: time,
              platform: PlatformSchema,
              shingles: z.array(z.string().max(MAX_POST_TEXT)).max(1_000),
            })
            .strict(),
        )
        .max(MAX_WINDOW_MEMBERS),
      spiralIds: z.array(z.tuple([PostKeySchema, SpiralIdSchema])).max(MAX_WINDOW_MEMBERS),
    })
    .strict(),
);
export type SpiralState = z.infer<typeof SpiralStateSchema>;
