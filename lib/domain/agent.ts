import { lazySchema, z } from '../validation/zod';
import { CASE_LIMITS } from './limits';
import { t } from '../i18n/t';

/**
 * An agent: one person answering customers, one per install. Its id is generated once per install
 * (`agent-` and 10 random characters) and becomes the CouchDB user name while the install is
 * connected to a team. A case's `assignee` holds an agent id; an assignee written before agents
 * existed (free text such as "Priya") is shown as the name it is.
 *
 * Ids never contain ":" or spaces: presence documents put them between colons
 * (`presence:<agentId>:<postKey>`).
 */
export const AGENT_ID_PATTERN = /^[A-Za-z0-9._@+-]{1,100}$/;
export const AgentIdSchema = lazySchema(() =>
  z.string().regex(AGENT_ID_PATTERN, 'an agent id is letters, digits and . _ @ + - (no spaces or colons)'),
);
export type AgentId = z.infer<typeof AgentIdSchema>;

export const AgentSchema = lazySchema(() =>
  z
    .object({
      id: AgentIdSchema,
      /** Shown to teammates ("Priya is replying"); the id when the agent gave no name. */
      name: z.string().trim().min(1).max(CASE_LIMITS.personName),
      email: z.string().trim().max(254).optional(),
    })
    .strict(),
);
export type Agent = z.infer<typeof AgentSchema>;

/** Where a roster entry comes from: this install, the team database, or a case's assignee. */
export const RosterSourceSchema = lazySchema(() => z.enum(['me', 'team', 'seen']));
/** A roster entry; a `seen` one may carry an old free-text assignee as its id ("Priya Shah"). */
export const RosterEntrySchema = lazySchema(() =>
  AgentSchema.extend({
    id: z.string().trim().min(1).max(CASE_LIMITS.personName),
    source: RosterSourceSchema,
  }),
);
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A fresh install-local agent id (crypto random, 50 bits). */
export function newAgentId(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): AgentId {
  const bytes = random(new Uint8Array(10));
  return `agent-${Array.from(bytes, (byte) => ID_ALPHABET[byte % 32]).join('')}`;
}

/** What the agent edits about themselves (options, welcome): a name and an email, both optional. */
export const AgentDetailsSchema = lazySchema(() =>
  z
    .object({
      name: z.string().trim().max(CASE_LIMITS.personName),
      email: z.union([z.literal(''), z.email({ error: () => t('schema.agentEmail') }).max(254)]),
    })
    .strict(),
);
export type AgentDetails = z.infer<typeof AgentDetailsSchema>;
