// @vitest-environment node
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCaseDb } from '../db/open';
import { CaseRepository } from '../cases/repository';
import { makePost } from '../cases/testing';
import { HybridClock } from '../merge/hlc';
import { setupTeamDb } from './team-setup';
import { TeamSync } from './team-sync';
import { createTestUser, memoryReplica, remoteDb, startTestCouch, type TestCouch } from './testing';

const admin = { name: 'admin', password: 'admin-secret' };
const validateSource = readFileSync(new URL('../../couchdb/validate_doc_update.js', import.meta.url), 'utf8');
let couch: TestCouch;

beforeAll(async () => {
  couch = await startTestCouch({ admin });
  await createTestUser(couch, admin, 'priya', ['careside']);
  await setupTeamDb({ server: couch.origin, db: 'team', auth: { username: admin.name, password: admin.password }, validateSource });
});
afterAll(async () => couch.close());

/** The server's event documents of one post: [type, author, by] in time order. */
async function serverEvents(remote: ReturnType<typeof remoteDb>, postKey: string): Promise<string[][]> {
  const docs = await remote.allDocs<{ _id: string; author: string; event: { type: string; by: string; at: number } }>({
    startkey: `event:${postKey}:`,
    endkey: `event:${postKey}:\ufff0`,
    include_docs: true,
  });
  return docs.rows
    .flatMap((row) => (row.doc ? [row.doc] : []))
    .sort((a, b) => a.event.at - b.event.at || a.event.type.localeCompare(b.event.type))
    .map((doc) => [doc.event.type, doc.author, doc.event.by]);
}

it('live sync with the design document installed: entries written after the case first synced reach the server under the writer’s name', async () => {
  let now = Date.UTC(2026, 11, 7, 9);
  const db = await openCaseDb('live-priya', indexedDB);
  const clock = new HybridClock('priya', () => now);
  const repository = new CaseRepository(db, { clock });
  const remote = remoteDb(`${couch.origin}/team`, { username: 'priya', password: 'priya-pw' });
  const sync = new TeamSync({ db, local: memoryReplica('priya'), remote, agent: 'priya', clock, now: () => now });
  const post = makePost('1992187031265403392');
  const postKey = `x:${post.postId}`;
  try {
    const logged = await repository.logPost(post, ['acme'], now);
    sync.start();
    await expect.poll(() => serverEvents(remote, postKey), { timeout: 10_000 }).toEqual([['logged', 'priya', 'priya']]);

    now += 60_000;
    await repository.recordEvent(logged.case.id, { type: 'reply_inserted' }, now, 'responded');
    await sync.push([postKey]);
    await expect
      .poll(() => serverEvents(remote, postKey), { timeout: 10_000 })
      .toEqual([
        ['logged', 'priya', 'priya'],
        ['reply_inserted', 'priya', 'priya'],
        ['status_changed', 'priya', 'priya'],
      ]);
    await expect.poll(() => sync.status.state, { timeout: 10_000 }).toBe('synced');
  } finally {
    await sync.stop();
  }
}, 30_000);
