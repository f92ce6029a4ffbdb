/**
 * Set up one team's database on a CouchDB 3 server (run by `npm run team:setup`): create it,
 * limit it to its members (`_security`: server admins, and users with the team's role), and
 * install the design document whose validate_doc_update checks every write
 * (couchdb/validate_doc_update.js). Safe to run again: an existing database is kept and the
 * design document updated.
 */
export interface TeamSetupOptions {
  /** e.g. https://couch.example.com (credentials of a server admin in `auth`). */
  server: string;
  db: string;
  auth: { username: string; password: string };
  /** The source of couchdb/validate_doc_update.js. */
  validateSource: string;
  /** Users with this role may read and write the team database. */
  memberRole?: string;
  fetch?: typeof fetch;
}

export const DESIGN_DOC_ID = '_design/careside';
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

export async function setupTeamDb(options: TeamSetupOptions): Promise<string[]> {
  if (!DB_NAME.test(options.db)) {
    throw new Error(`"${options.db}" is not a CouchDB database name: lower-case letters, digits and _$()+-/, starting with a letter.`);
  }
  const call = options.fetch ?? fetch;
  const base = `${options.server.replace(/\/+$/, '')}/${encodeURIComponent(options.db)}`;
  const headers = {
    'Content-Type': 'application/json',
    Authorization: `Basic ${btoa(`${options.auth.username}:${options.auth.password}`)}`,
  };
  const done: string[] = [];
  const request = async (path: string, init: RequestInit, accept: number[] = []) => {
    const response = await call(`${base}${path}`, { ...init, headers });
    if (!response.ok && !accept.includes(response.status)) {
      throw new Error(`${init.method ?? 'GET'} ${options.db}${path} failed: HTTP ${response.status} ${await response.text()}`);
    }
    return response;
  };

  const created = await request('', { method: 'PUT' }, [412]);
  done.push(created.status === 412 ? `Database ${options.db} already exists; kept.` : `Created database ${options.db}.`);

  const role = options.memberRole ?? 'careside';
  await request('/_security', {
    method: 'PUT',
    body: JSON.stringify({ admins: { names: [], roles: ['_admin'] }, members: { names: [], roles: [role] } }),
  });
  done.push(`Only server admins and users with the role "${role}" can use it.`);

  const existing = await request(`/${DESIGN_DOC_ID}`, { method: 'GET' }, [404]);
  const rev = existing.status === 404 ? undefined : ((await existing.json()) as { _rev?: string })._rev;
  await request(`/${DESIGN_DOC_ID}`, {
    method: 'PUT',
    body: JSON.stringify({
      _id: DESIGN_DOC_ID,
      ...(rev ? { _rev: rev } : {}),
      validate_doc_update: functionSource(options.validateSource),
    }),
  });
  done.push(`Installed ${DESIGN_DOC_ID} (validate_doc_update).`);
  return done;
}

/** The function itself: the file's leading comment lines would make CouchDB's eval see no function. */
export function functionSource(source: string): string {
  const start = source.search(/^function\b/m);
  if (start < 0) throw new Error('The validate_doc_update file holds no top-level function.');
  return source.slice(start).trim();
}
