import { lazySchema, z } from '../validation/zod';
import { t } from '../i18n/t';

/**
 * How this install reaches its team's CouchDB database (issue 18). Kept in `storage.local`
 * under its own key: never in the settings export, never in a sync document, never logged.
 */
export const TEAM_CONNECTION_STORAGE_KEY = 'careside:team';

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
/** The user name doubles as the agent id in clock stamps (lib/merge/hlc.ts AGENT_ID_PATTERN). */
const USER_NAME = /^[A-Za-z0-9._@+-]{1,100}$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export type ServerUrlProblem = 'not_url' | 'credentials_in_url' | 'not_https';

/** What is wrong with a team server address, or null: HTTPS, except a server on this machine. */
export function serverUrlProblem(text: string): ServerUrlProblem | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'not_url';
  }
  if (url.username || url.password) return 'credentials_in_url';
  const loopback = LOOPBACK.has(url.hostname) || url.hostname.startsWith('127.');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return 'not_https';
  return null;
}

/** The address as it is stored and shown: origin and path, no trailing slash. */
export function normalizedServerUrl(text: string): string {
  const url = new URL(text.trim());
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export const TeamConnectionSchema = lazySchema(() =>
  z
    .object({
      serverUrl: z
        .string()
        .max(500)
        .refine((text) => serverUrlProblem(text) === null, { error: () => t('schema.serverUrl') }),
      database: z
        .string()
        .max(200)
        .regex(DATABASE_NAME, { error: () => t('schema.database') }),
      user: z.string().regex(USER_NAME, { error: () => t('schema.userName') }),
      password: z.string().min(1).max(500),
    })
    .strict(),
);
export type TeamConnection = z.infer<typeof TeamConnectionSchema>;

export type TeamConnectionField = keyof TeamConnection;
export type TeamFieldProblem =
  | { field: 'serverUrl'; problem: ServerUrlProblem | 'missing' }
  | { field: 'database'; problem: 'missing' | 'bad_name' }
  | { field: 'user'; problem: 'missing' | 'bad_name' }
  | { field: 'password'; problem: 'missing' };

/** Every problem with what the agent typed, field by field (empty when it can be used). */
export function teamConnectionProblems(input: TeamConnection): TeamFieldProblem[] {
  const problems: TeamFieldProblem[] = [];
  const url = input.serverUrl.trim();
  if (url === '') problems.push({ field: 'serverUrl', problem: 'missing' });
  else {
    const problem = serverUrlProblem(url);
    if (problem) problems.push({ field: 'serverUrl', problem });
  }
  const database = input.database.trim();
  if (database === '') problems.push({ field: 'database', problem: 'missing' });
  else if (!DATABASE_NAME.test(database)) problems.push({ field: 'database', problem: 'bad_name' });
  const user = input.user.trim();
  if (user === '') problems.push({ field: 'user', problem: 'missing' });
  else if (!USER_NAME.test(user)) problems.push({ field: 'user', problem: 'bad_name' });
  if (input.password === '') problems.push({ field: 'password', problem: 'missing' });
  return problems;
}

/** The typed fields, trimmed and normalised for storing (call after teamConnectionProblems is empty). */
export function cleanTeamConnection(input: TeamConnection): TeamConnection {
  return {
    serverUrl: normalizedServerUrl(input.serverUrl),
    database: input.database.trim(),
    user: input.user.trim(),
    password: input.password,
  };
}

/** What "Test connection" found: usable, or the first thing in the way. */
export const ConnectionCheckSchema = lazySchema(() =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true) }).strict(),
    z
      .object({
        ok: z.literal(false),
        problem: z.enum(['unreachable', 'cors', 'unauthorized', 'not_member', 'no_database', 'server_error']),
        /** The server's own words or HTTP status, when it gave any. */
        detail: z.string().max(500).optional(),
      })
      .strict(),
  ]),
);
export type ConnectionCheck = z.infer<typeof ConnectionCheckSchema>;

export const TeamSyncStateSchema = lazySchema(() => z.enum(['starting', 'synced', 'syncing', 'offline', 'error']));

export const TeamSyncStatusSchema = lazySchema(() =>
  z
    .object({
      state: TeamSyncStateSchema,
      pending: z.number().int().nonnegative(),
      lastSyncAt: z.number().optional(),
      error: z.string().max(2000).optional(),
    })
    .strict(),
);
export type TeamSyncStatus = z.infer<typeof TeamSyncStatusSchema>;

/** What the views know of the team connection: never the password. */
export const TeamStatusSchema = lazySchema(() =>
  z.discriminatedUnion('configured', [
    z.object({ configured: z.literal(false) }).strict(),
    z
      .object({
        configured: z.literal(true),
        serverUrl: z.string(),
        database: z.string(),
        user: z.string(),
        sync: TeamSyncStatusSchema,
      })
      .strict(),
  ]),
);
export type TeamStatus = z.infer<typeof TeamStatusSchema>;

/** The stored connection, or undefined when none (or it is unreadable: then there is no team). */
export function teamConnectionFromStorage(value: unknown): TeamConnection | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = TeamConnectionSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The most refused changes one answer lists (a rejected design document could refuse thousands). */
export const MAX_REFUSED_LISTED = 1_000;

/** What kind of team document a refused change was (its id's prefix, lib/sync/docs.ts). */
export const REFUSED_KINDS = ['case', 'event', 'note', 'agent', 'presence', 'other'] as const;

/** A change the team server refused, as the views list it: what it was, on which case, and the server's reason. */
export const RefusedChangeSchema = lazySchema(() =>
  z
    .object({
      /** The document id: what Discard names. */
      id: z.string().max(1000),
      kind: z.enum(REFUSED_KINDS),
      /** The case's ref, when the document belongs to a case this browser holds. */
      ref: z.string().optional(),
      reason: z.string().max(2000),
    })
    .strict(),
);
export type RefusedChange = z.infer<typeof RefusedChangeSchema>;
