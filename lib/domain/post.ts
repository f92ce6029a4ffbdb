import { lazySchema, z } from '../validation/zod';
import { t } from '../i18n/t';

export const PLATFORMS = ['x', 'facebook', 'yelp'] as const;
export const PlatformSchema = lazySchema(() => z.enum(PLATFORMS));
export type Platform = z.infer<typeof PlatformSchema>;

export const POST_KINDS = ['post', 'reply', 'comment', 'review'] as const;
export const PostKindSchema = lazySchema(() => z.enum(POST_KINDS));
export type PostKind = z.infer<typeof PostKindSchema>;

/** Longest post text we keep; longer text is cut (and marked) rather than rejected. */
export const MAX_POST_TEXT = 10_000;

const count = lazySchema(() => z.number().int().nonnegative().finite());

/** Public reach signals a page shows next to a post; absent when the page does not show them. */
export const ReachSchema = lazySchema(() =>
  z
    .object({
      replies: count.optional(),
      reposts: count.optional(),
      likes: count.optional(),
      views: count.optional(),
      followers: count.optional(),
      /** Star rating 1-5 (Yelp reviews). */
      rating: z.number().min(0).max(5).optional(),
    })
    .strict(),
);
export type Reach = z.infer<typeof ReachSchema>;

const POST_KEY_PATTERN = /^(x|facebook|yelp):[A-Za-z0-9_.\-:]+$/;

/** `platform:postId`: the identity of a post across tabs, reloads and re-renders. */
export const PostKeySchema = lazySchema(() => z.string().max(300).regex(POST_KEY_PATTERN, 'postKey must look like "platform:postId"'));

/** PostKeySchema's check without zod, for hot paths. */
export function isPostKey(value: unknown): value is PostKey {
  return typeof value === 'string' && value.length <= 300 && POST_KEY_PATTERN.test(value);
}
export type PostKey = z.infer<typeof PostKeySchema>;

export function postKeyOf(platform: Platform, postId: string): PostKey {
  return `${platform}:${postId}`;
}

const httpsUrl = lazySchema(() =>
  z
    .string()
    .max(2048)
    .refine(
      (value) => {
        try {
          return new URL(value).protocol === 'https:';
        } catch {
          return false;
        }
      },
      { error: () => t('schema.postUrl') },
    ),
);

/** A quoted post as shown inside the quoting one. */
export const QuotedPostSchema = lazySchema(() =>
  z
    .object({
      /** Handle without "@" (X). */
      authorHandle: z.string().max(100).optional(),
      authorName: z.string().max(200),
      text: z.string().max(MAX_POST_TEXT),
      /** Its id, when the page links it (an X quote card links its id only from its media). */
      postId: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[A-Za-z0-9_.\-:]+$/)
        .optional(),
      /** The card shows only the start of its text. */
      truncated: z.literal(true).optional(),
    })
    .strict(),
);
export type QuotedPost = z.infer<typeof QuotedPostSchema>;

/** One post, comment or review read off a page by a site adapter. */
export const PostSchema = lazySchema(() =>
  z
    .object({
      platform: PlatformSchema,
      postId: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[A-Za-z0-9_.\-:]+$/),
      kind: PostKindSchema,
      url: httpsUrl,
      authorName: z.string().max(200),
      /** Handle without "@" where the platform has handles (X). */
      authorHandle: z.string().max(100).optional(),
      authorUrl: httpsUrl.optional(),
      /** Numeric platform user id where the page exposes it. */
      authorId: z.string().max(64).regex(/^\d+$/).optional(),
      text: z.string().max(MAX_POST_TEXT),
      /** ISO 8601 time the post was published, when the page shows it. */
      postedAt: z.iso.datetime({ offset: true }).optional(),
      reach: ReachSchema.default({}),
      /**
       * The postId of the post this one answers, where the page shows it (a Facebook comment's post
       * or comment, a Yelp owner reply's review, a reply below the focused post on an X status page).
       */
      inReplyTo: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[A-Za-z0-9_.\-:]+$/)
        .optional(),
      /** A paid placement (Facebook's "Sponsored"): listed, never triaged as a complaint. */
      sponsored: z.literal(true).optional(),
      /**
       * The brand's own account whose reply to this post the page shows ("@AcmeAirHelp", "Acme
       * Bistro"): the post was answered in public, which lowers its priority.
       */
      answeredBy: z.string().min(1).max(200).optional(),
      /**
       * The page showed only the start of the text (X's "Show more"): `text` stops where the page
       * cut it. A later read of the whole post (its status page) replaces it.
       */
      truncated: z.literal(true).optional(),
      /**
       * The post this one quotes, as the page shows it inside the post (an X quote post's card):
       * its author and text. Brands are matched on it too, so a quote of the brand's own post, or of
       * a post naming the brand, is a mention.
       */
      quoted: QuotedPostSchema.optional(),
    })
    .strict(),
);
export type Post = z.infer<typeof PostSchema>;
export type PostInput = z.input<typeof PostSchema>;

/** Cut text to MAX_POST_TEXT so oversized posts are kept, not rejected. */
export function clampPostText(text: string): string {
  if (text.length <= MAX_POST_TEXT) return text;
  return `${text.slice(0, MAX_POST_TEXT - 1)}…`;
}
