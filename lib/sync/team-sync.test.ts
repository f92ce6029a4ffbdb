// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCaseDb } from '../db/open';
import { CaseRepository } from '../cases/repository';
import { makePost } from '../cases/testing';
import { formatStamp, HybridClock } from '../merge/hlc';
import type { CaseDoc } from './docs';
import { T0 } from '../workflow/testing';
import { TeamSync } from './team-sync';
import type { PouchLike } from './pouch';
import { memoryReplica, remoteDb, startTestCouch, withOverrides, type TestCouch } from './testing';

let couch: TestCouch;
let dbCount = 0;

beforeAll(async () => {
  couch = await startTestCouch();
});
afterAll(async () => {
  await couch.close();
});

/** One install: its case store, its PouchDB replica, and its sync to the team database. */
async function install(agent: string, teamDb: string, start = T0) {
  dbCount += 1;
  const db = await openCaseDb(`install-${agent}-${dbCount}`, indexedDB);
  let now = start;
  const clock = new HybridClock(agent, () => now);
  const local = memoryReplica(agent);
  const rangeReads: string[] = [];
  // The replica, noting each range read (a pull reads a case's entry documents that way).
  const allDocs: PouchLike['allDocs'] = (options) => {
    if (options.startkey !== undefined) rangeReads.push(options.startkey);
    return local.allDocs(options);
  };
  const counted = withOverrides(local, { allDocs });
  const remote = `${couch.origin}/${teamDb}`;
  const sync = new TeamSync({ db, local: counted, remote, agent, clock, now: () => now });
  return { db, local, remote, rangeReads, repository: new CaseRepository(db, { clock }), sync, setNow: (at: number) => (now = at) };
}

async function createDb(name: string): Promise<string> {
  const response = await fetch(`${couch.origin}/${name}`, { method: 'PUT' });
  expect(response.status).toBe(201);
  return name;
}

const post = makePost('1992187031265403392');
const postKey = `x:${post.postId}`;

describe('TeamSync against a real PouchDB Server', () => {
  it('two installs log the same post offline, then sync: one case, one ref, both histories', async () => {
    const team = await createDb('team-same-post');
    const a = await install('priya', team);
    const b = await install('sam', team);
    const loggedA = await a.repository.logPost(post, ['acme'], T0);
    await a.repository.recordEvent(loggedA.case.id, { type: 'reply_inserted' }, T0 + 60_000, 'responded');
    const loggedB = await b.repository.logPost(post, ['acme'], T0 + 120_000);
    await b.repository.addNote(loggedB.case.id, { text: 'Customer called the hotline too' }, T0 + 130_000);
    expect(loggedA.case.ref).not.toBe(loggedB.case.ref);

    await a.sync.syncOnce();
    await b.sync.syncOnce();
    await a.sync.syncOnce();

    const [caseA] = await a.repository.byPostKeys([postKey]);
    const [caseB] = await b.repository.byPostKeys([postKey]);
    for (const item of [caseA, caseB]) {
      expect(item?.ref).toBe(loggedA.case.ref); // logged first
      expect(item?.aliasRefs).toEqual([loggedB.case.ref]);
      expect(item?.status).toBe('responded');
      expect(item?.notes?.map((note) => note.text)).toEqual(['Customer called the hotline too']);
      expect(item?.events?.map((event) => event.type)).toEqual(['logged', 'reply_inserted', 'status_changed', 'logged', 'note_added']);
    }
    // B's old ref still opens the case on B.
    expect((await b.repository.byRef(loggedB.case.ref))?.ref).toBe(loggedA.case.ref);
    const server = remoteDb(`${couch.origin}/${team}`);
    const docs = await server.allDocs({ startkey: 'case:', endkey: 'case:\ufff0' });
    expect(docs.rows.map((row) => row.id)).toEqual([`case:${postKey}`]);
  });

  it('conflicting status edits settle the same way on both installs, with a timeline entry', async () => {
    const team = await createDb('team-conflict');
    const a = await install('priya', team);
    const b = await install('sam', team);
    const logged = await a.repository.logPost(post, ['acme'], T0);
    await a.repository.transition(logged.case.id, 'responded', T0 + 1_000);
    await a.sync.syncOnce();
    await b.sync.syncOnce();
    const [onB] = await b.repository.byPostKeys([postKey]);

    // Offline from each other: Priya resolves, Sam (later by the clock) moves it to Waiting.
    a.setNow(T0 + 5_000);
    await a.repository.transition(logged.case.id, 'resolved', T0 + 5_000);
    b.setNow(T0 + 9_000);
    await b.repository.transition(onB!.id, 'waiting_on_customer', T0 + 9_000);
    await a.sync.syncOnce();
    await b.sync.syncOnce();
    await a.sync.syncOnce();
    await b.sync.syncOnce();

    const [finalA] = await a.repository.byPostKeys([postKey]);
    const [finalB] = await b.repository.byPostKeys([postKey]);
    expect(finalA?.status).toBe('resolved');
    expect(finalB?.status).toBe('resolved');
    const conflictA = finalA?.events?.filter((event) => event.type === 'conflict_resolved');
    expect(conflictA?.map((event) => event.detail)).toEqual(['Status: kept Resolved (priya) over Waiting on customer (sam)']);
    // The same entry once on both; each install that settled the conflict signs its own copy of it.
    const withoutAuthor = (events: typeof conflictA) => events?.map(({ by: _by, ...event }) => event);
    expect(withoutAuthor(finalB?.events?.filter((event) => event.type === 'conflict_resolved'))).toEqual(withoutAuthor(conflictA));
  });

  it("a teammate's case revision that reached the replica unpulled still reaches the store when this install writes over it first", async () => {
    const team = await createDb('team-write-over-unpulled');
    const a = await install('priya', team);
    const logged = await a.repository.logPost(post, ['acme'], T0);
    await a.sync.syncOnce();
    // Sam's install changes the case document alone (as its conflict settlement does: no entry document).
    const server = remoteDb(`${couch.origin}/${team}`);
    const onServer = await server.get<CaseDoc>(`case:${postKey}`);
    const stamp = formatStamp({ wall: T0 + 5_000, counter: 0, agent: 'sam' });
    await server.put<CaseDoc>({
      ...onServer,
      case: { ...onServer.case, priority: 'P1', clocks: { ...onServer.case.clocks, priority: stamp } },
    });

    // Sam's revision replicates into Priya's replica, then Priya pushes her note over it before any pull.
    await a.local.sync(a.remote);
    a.setNow(T0 + 6_000);
    await a.repository.addNote(logged.case.id, { text: 'Refund sent' }, T0 + 6_000);
    await a.sync.push([postKey]);
    await a.sync.pull();

    const [onA] = await a.repository.byPostKeys([postKey]);
    expect(onA?.priority).toBe('P1');
    expect(onA?.notes?.map((note) => note.text)).toEqual(['Refund sent']);
  });

  it('live: the server stops mid-sync and comes back; nothing is lost and nothing doubled', async () => {
    const team = await createDb('team-restart');
    const a = await install('priya', team);
    const b = await install('sam', team);
    const statuses: string[] = [];
    const fastRetry = (delay: number) => (delay === 0 ? 50 : Math.min(delay * 2, 400));
    const liveA = new TeamSync({
      db: a.db,
      local: memoryReplica('priya-live'),
      remote: `${couch.origin}/${team}`,
      agent: 'priya',
      backOff: fastRetry,
      onStatus: (status) => statuses.push(status.state),
    });
    const liveB = new TeamSync({
      db: b.db,
      local: memoryReplica('sam-live'),
      remote: `${couch.origin}/${team}`,
      agent: 'sam',
      backOff: fastRetry,
    });
    liveA.start();
    liveB.start();
    try {
      const first = await a.repository.logPost(makePost('501'), ['acme'], T0);
      await liveA.push([first.case.postKey]);
      await vi.waitFor(async () => expect(await b.repository.byPostKeys([first.case.postKey])).toHaveLength(1), {
        timeout: 10_000,
        interval: 50,
      });

      await couch.stop();
      const logged = [];
      for (let i = 0; i < 5; i += 1) logged.push(await a.repository.logPost(makePost(String(600 + i)), ['acme'], T0 + i));
      await a.repository.recordEvent(first.case.id, { type: 'handed_off', channel: 'x_dm' }, T0 + 10, 'handed_off');
      await liveA.push();
      await vi.waitFor(() => expect(liveA.status.state).toBe('offline'), { timeout: 10_000, interval: 50 });
      await couch.restart();

      const keys = logged.map((item) => item.case.postKey);
      await vi.waitFor(async () => expect(await b.repository.byPostKeys(keys)).toHaveLength(5), { timeout: 15_000, interval: 100 });
      await vi.waitFor(async () => expect((await b.repository.byPostKeys([first.case.postKey]))[0]?.status).toBe('handed_off'), {
        timeout: 15_000,
        interval: 100,
      });
      const all = await b.db.getAll('cases');
      expect(all).toHaveLength(6);
      expect(new Set(all.map((item) => item.postKey)).size).toBe(6);
      const [firstOnB] = await b.repository.byPostKeys([first.case.postKey]);
      expect(firstOnB?.events?.filter((event) => event.type === 'handed_off')).toHaveLength(1);
      expect(statuses).toContain('offline');
    } finally {
      await liveA.stop();
      await liveB.stop();
    }
  }, 40_000);
});
