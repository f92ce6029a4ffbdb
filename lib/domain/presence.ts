import { lazySchema, z } from '../validation/zod';
import { AgentIdSchema } from './agent';
import { CASE_LIMITS } from './limits';
import { PostKeySchema } from './post';

/** How long a presence lasts unless refreshed: the reply panel refreshes it well before that. */
export const PRESENCE_TTL_MS = 60_000;
/** How often an open reply panel refreshes its presence (a third of the expiry: two refreshes may be lost). */
export const PRESENCE_REFRESH_MS = 20_000;

/** One agent has one case's reply panel open until `expiresAt`. */
export const PresenceSchema = lazySchema(() =>
  z
    .object({
      agentId: AgentIdSchema,
      name: z.string().trim().min(1).max(CASE_LIMITS.personName),
      postKey: PostKeySchema,
      /** When the agent opened the panel (epoch ms). */
      since: z.number().int().nonnegative(),
      expiresAt: z.number().int().nonnegative(),
    })
    .strict(),
);
export type Presence = z.infer<typeof PresenceSchema>;

/** What a tab may show: another agent's name on a post's row ("Priya is replying"). */
export const ReplyingSchema = lazySchema(() => PresenceSchema.pick({ agentId: true, name: true, postKey: true, since: true }));
export type Replying = z.infer<typeof ReplyingSchema>;
