import { lazySchema, z } from '../validation/zod';
import { AgentIdSchema } from '../domain/agent';

/**
 * Who is replying from this browser: the agent's signature (and name). It belongs to the install,
 * not to the team's brand settings: it is stored under its own key, never exported, and an import
 * never overwrites it. Settings saved before it moved keep their `agentSignature` until the next
 * save moves it here (store.ts), so nothing is lost.
 */
export const AGENT_PROFILE_STORAGE_KEY = 'careside:agent';

export const AgentProfileSchema = lazySchema(() =>
  z
    .object({
      /** Appended to suggested replies ({signature}), e.g. "^Dana". */
      signature: z.string().max(50).default(''),
      /** The agent's name: shown to teammates ("Priya is replying") and in the roster. */
      name: z.string().max(100).default(''),
      /** The agent's email, shown in the team's roster. */
      email: z.string().max(254).default(''),
      /** Generated once per install (lib/domain/agent.ts); absent until the background first needs it. */
      id: AgentIdSchema.optional(),
    })
    .strict(),
);
export type AgentProfile = z.infer<typeof AgentProfileSchema>;

/** The stored profile, or undefined when there is none yet (or it is unreadable). */
export function agentProfileFromStorage(value: unknown): AgentProfile | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = AgentProfileSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
