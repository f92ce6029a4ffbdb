/**
 * `npm run team:setup -- <server-url> <db>`: create a team's CouchDB database, limit it to its
 * members and install couchdb/validate_doc_update.js (lib/sync/team-setup.ts). The server
 * admin's name and password come from COUCHDB_USER and COUCHDB_PASSWORD (never from the
 * command line, so they stay out of the shell history); TEAM_ROLE names the members' role
 * (default "careside"). HTTPS is required except for a server on this machine.
 */
import { readFileSync } from 'node:fs';
import { setupTeamDb } from '../lib/sync/team-setup';
import { checkServerUrl } from '../lib/sync/server-url';
import { isMain } from './is-main';

export async function main(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [server, db] = args;
  if (!server || !db) {
    console.error('Usage: COUCHDB_USER=admin COUCHDB_PASSWORD=… npm run team:setup -- <server-url> <db>');
    return 2;
  }
  const url = checkServerUrl(server);
  if (!url.ok) {
    console.error(url.error);
    return 2;
  }
  const username = env.COUCHDB_USER;
  const password = env.COUCHDB_PASSWORD;
  if (!username || !password) {
    console.error('Set COUCHDB_USER and COUCHDB_PASSWORD to a server admin of the CouchDB server.');
    return 2;
  }
  const validateSource = readFileSync(new URL('../couchdb/validate_doc_update.js', import.meta.url), 'utf8');
  try {
    const steps = await setupTeamDb({
      server: url.origin,
      db,
      auth: { username, password },
      validateSource,
      ...(env.TEAM_ROLE ? { memberRole: env.TEAM_ROLE } : {}),
    });
    for (const step of steps) console.log(`✓ ${step}`);
    return 0;
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (isMain(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
