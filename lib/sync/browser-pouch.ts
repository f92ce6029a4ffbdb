import type PouchDBBrowser from 'pouchdb-browser';
import type { TeamConnection } from '../domain/team-connection';
import { teamDatabaseUrl } from './connection-check';
import type { PouchLike } from './pouch';

type PouchConstructor = typeof PouchDBBrowser;
let PouchDB: PouchConstructor | undefined;

/**
 * Evaluate pouchdb-browser, once, before the first handle is opened. Why import(): the background is
 * one classic script (a service worker cannot load chunks), so the bundler inlines this import and
 * wraps the package's top-level code in an init function that runs only here, when a team is
 * configured: a worker without a team never evaluates PouchDB on its wake.
 */
export async function loadPouchDB(): Promise<void> {
  PouchDB ??= (await import('pouchdb-browser')).default;
}

function pouchDB(): PouchConstructor {
  if (!PouchDB) throw new Error('PouchDB is not loaded: await loadPouchDB() first');
  return PouchDB;
}

/**
 * The background's PouchDB handles: this install's replica (IndexedDB adapter) and the team
 * database over HTTP with the agent's credentials. Importing this module constructs nothing;
 * PouchDB is only built when a team is configured.
 */
export function openBrowserReplica(connection: TeamConnection): PouchLike {
  return new (pouchDB())(replicaName(connection)) as PouchLike;
}

export function openTeamDatabase(connection: TeamConnection): PouchLike {
  return new (pouchDB())(teamDatabaseUrl(connection), {
    auth: { username: connection.user, password: connection.password },
    // The server must not be created by a sync: setup does that (npm run team:setup).
    skip_setup: true,
  }) as PouchLike;
}

/** One replica per server, database and user, so switching teams never mixes their documents. */
export function replicaName(connection: Pick<TeamConnection, 'serverUrl' | 'database' | 'user'>): string {
  const key = `${connection.serverUrl}|${connection.database}|${connection.user}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193) >>> 0;
  return `careside-team-${hash.toString(36)}`;
}
