// @vitest-environment node
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCaseDb } from '../db/open';
import { CaseRepository } from '../cases/repository';
import { makePost } from '../cases/testing';
import { HybridClock } from '../merge/hlc';
import { setupTeamDb } from './team-setup';
import { TeamSync, type SyncStatus } from './team-sync';
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

it('a push writes a case’s new entries before its case document, in one write: replication never carries the status without the reply', async () => {
  const now = Date.UTC(2026, 11, 7, 10);
  const db = await openCaseDb('order-priya', indexedDB);
  const repository = new CaseRepository(db, { clock: new HybridClock('priya', () => now) });
  const local = memoryReplica('order');
  const sync = new TeamSync({ db, local, remote: remoteDb(`${couch.origin}/team`), agent: 'priya', now: () => now });
  const logged = await repository.logPost(makePost('1992187031265403400'), ['acme'], now);
  await sync.push();
  const before = (await local.changes({ since: 0 })).last_seq;

  await repository.recordEvent(logged.case.id, { type: 'reply_inserted' }, now + 1_000, 'responded');
  await sync.push([logged.case.postKey]);
  const order = (await local.changes({ since: before })).results.map((change) => change.id.split(':')[0]);
  expect(order).toEqual(['event', 'event', 'case']);
  expect(sync.status.pending).toBe(5); // 2 docs logged, then 3; nothing replicated them yet
});

it('live: a change the server refuses keeps the sync on "error" with the server’s reason and counts it pending, after later rounds and a restart', async () => {
  let now = Date.UTC(2026, 11, 7, 11);
  const db = await openCaseDb('refused-priya', indexedDB);
  const repository = new CaseRepository(db, { clock: new HybridClock('priya', () => now) });
  const local = memoryReplica('refused');
  const remote = remoteDb(`${couch.origin}/team`, { username: 'priya', password: 'priya-pw' });
  const statuses: SyncStatus[] = [];
  const live = (record: SyncStatus[]) =>
    new TeamSync({ db, local, remote, agent: 'priya', now: () => now, onStatus: (status) => record.push(status) });
  const first = live(statuses);
  const refusedReason =
    /^The server refused 1 change: forbidden: event:x:1992187031265403500:forged: an event must be authored by the user who writes it \(priya\)\.$/;
  try {
    await local.put({
      _id: 'event:x:1992187031265403500:forged',
      kind: 'event',
      postKey: 'x:1992187031265403500',
      author: 'sam',
      event: { at: now, type: 'note_added', id: 'forged', by: 'sam' },
    });
    first.start();
    // The status says which change the server refused, and why.
    await expect.poll(() => first.status, { timeout: 10_000 }).toMatchObject({ state: 'error', pending: 1 });
    expect(first.status.error).toMatch(refusedReason);

    // A later round (this agent's own case) goes through; the refusal still shows once it pauses.
    now += 60_000;
    const logged = await repository.logPost(makePost('1992187031265403501'), ['acme'], now);
    const mark = statuses.length;
    await first.push([logged.case.postKey]);
    await expect.poll(() => serverEvents(remote, logged.case.postKey), { timeout: 10_000 }).toEqual([['logged', 'priya', 'priya']]);
    // Counted pending while it went, then settled: only the refused one stays pending, with why.
    await expect.poll(() => statuses.slice(mark).some((status) => status.pending > 1), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => first.status, { timeout: 10_000 }).toMatchObject({ state: 'error', pending: 1 });
    expect(first.status.error).toMatch(refusedReason);
  } finally {
    await first.stop();
  }

  // A restarted worker still says why: replication never sends that revision again.
  const second = live([]);
  try {
    second.start();
    await expect.poll(() => second.status.error, { timeout: 10_000 }).toMatch(refusedReason);
    expect(second.status).toMatchObject({ state: 'error', pending: 1 });
    const [refusal] = second.refusedChanges();
    expect(second.refusedChanges()).toHaveLength(1);
    expect(refusal?.id).toBe('event:x:1992187031265403500:forged');
    expect(refusal?.reason).toMatch(/authored by the user/);

    // Discarded: no longer listed nor pending; the document stays in the replica, unsent.
    await second.discardRefused(['event:x:1992187031265403500:forged']);
    expect(second.refusedChanges()).toEqual([]);
    expect(second.status).toMatchObject({ state: 'synced', pending: 0 });
    await expect(local.get('event:x:1992187031265403500:forged')).resolves.toMatchObject({ author: 'sam' });
  } finally {
    await second.stop();
  }

  // And it stays discarded after the next restart.
  const third = live([]);
  try {
    third.start();
    await expect.poll(() => third.status.state, { timeout: 10_000 }).toBe('synced');
    expect(third.refusedChanges()).toEqual([]);
  } finally {
    await third.stop();
  }
}, 40_000);
