import type { ConnectionCheck, TeamConnection } from '../domain/team-connection';

/** Basic credentials for every request (what PouchDB's http adapter sends with its `auth` option). */
export function basicAuthorization(connection: Pick<TeamConnection, 'user' | 'password'>): string {
  const bytes = new TextEncoder().encode(`${connection.user}:${connection.password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** The team database's address. */
export function teamDatabaseUrl(connection: Pick<TeamConnection, 'serverUrl' | 'database'>): string {
  return `${connection.serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(connection.database)}`;
}

/**
 * Can this install sync with the team database, and if not, what is in the way: the server is
 * unreachable, it does not allow this extension's origin (CORS), the name or password is wrong,
 * the user is not a member of the database, or the database does not exist. Asks exactly what
 * replication will ask, from the same place (the background), so "OK" means sync will work.
 */
export async function checkTeamConnection(connection: TeamConnection, call: typeof fetch = fetch): Promise<ConnectionCheck> {
  const headers = { Accept: 'application/json', Authorization: basicAuthorization(connection) };
  const server = connection.serverUrl.replace(/\/+$/, '');
  let session: Response;
  try {
    session = await call(`${server}/_session`, { headers, credentials: 'omit' });
  } catch {
    return { ok: false, problem: (await answersWithoutCors(server, call)) ? 'cors' : 'unreachable' };
  }
  if (session.status === 401) return { ok: false, problem: 'unauthorized', detail: await reasonOf(session) };
  if (!session.ok) return { ok: false, problem: 'server_error', detail: `HTTP ${session.status} ${await reasonOf(session)}`.trim() };
  const name = ((await session.json().catch(() => ({}))) as { userCtx?: { name?: unknown } }).userCtx?.name;
  if (name !== connection.user) return { ok: false, problem: 'unauthorized' };

  const database = await call(teamDatabaseUrl(connection), { headers, credentials: 'omit' }).catch(() => undefined);
  if (!database) return { ok: false, problem: 'unreachable' };
  if (database.ok) return { ok: true };
  // The name and password were accepted above, so a refusal here is about this database.
  if (database.status === 401 || database.status === 403) return { ok: false, problem: 'not_member', detail: await reasonOf(database) };
  if (database.status === 404) return { ok: false, problem: 'no_database' };
  return { ok: false, problem: 'server_error', detail: `HTTP ${database.status} ${await reasonOf(database)}`.trim() };
}

/**
 * A failed fetch says nothing about why. A no-cors request that gets any answer shows the server
 * is there, so what failed was the browser refusing an answer the server did not allow us.
 */
async function answersWithoutCors(server: string, call: typeof fetch): Promise<boolean> {
  try {
    await call(`${server}/`, { mode: 'no-cors', credentials: 'omit' });
    return true;
  } catch {
    return false;
  }
}

async function reasonOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { reason?: unknown };
  return typeof body.reason === 'string' ? body.reason.slice(0, 300) : '';
}
