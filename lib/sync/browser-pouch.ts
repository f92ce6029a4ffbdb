import PouchDB from 'pouchdb-browser';
import type { TeamConnection } from '../domain/team-connection';
import { teamDatabaseUrl } from './connection-check';
import type { PouchLike } from './pouch';

/**
 * The background's PouchDB handles: this install's replica (IndexedDB adapter) and the team
 * database over HTTP with the agent's credentials. Importing this module constructs nothing;
 * PouchDB is only built when a team is configured.
 */
export function openBrowserReplica(connection: TeamConnection): PouchLike {
  return new PouchDB(replicaName(connection)) as PouchLike;
}

export function openTeamDatabase(connection: TeamConnection): PouchLike {
  return new PouchDB(teamDatabaseUrl(connection), {
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
