// @vitest-environment node
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseDb } from '../db/open';
import { CaseRepository } from '../cases/repository';
import { makePost } from '../cases/testing';
import { formatStamp, HybridClock } from '../merge/hlc';
import { T0 } from '../workflow/testing';
import { CASE_EVENT_TYPES } from '../domain/case-event';
import { docsOfCase } from './docs';
import { setupTeamDb } from './team-setup';
import { TeamSync } from './team-sync';
import { memoryReplica, remoteDb, startTestCouch, type TestCouch, createTestUser } from './testing';

const admin = { name: 'admin', password: 'admin-secret' };
const validateSource = readFileSync(new URL('../../couchdb/validate_doc_update.js', import.meta.url), 'utf8');
let couch: TestCouch;

function basic(username: string, password: string): Record<string, string> {
  return { Authorization: `Basic ${btoa(`${username}:${password}`)}`, 'Content-Type': 'application/json' };
}

const createUser = (name: string, roles: string[]) => createTestUser(couch, admin, name, roles);

async function putAs(user: string, doc: { _id: string; [field: string]: unknown }): Promise<{ status: number; body: { reason?: string } }> {
  const response = await fetch(`${couch.origin}/team/${encodeURIComponent(doc._id)}`, {
    method: 'PUT',
    headers: basic(user, `${user}-pw`),
    body: JSON.stringify(doc),
  });
  return { status: response.status, body: (await response.json()) as { reason?: string } };
}

const post = makePost('77');

beforeAll(async () => {
  // pouchdb-server#374: with an admin set, an anonymous PUT crashes it; every request here sends credentials.
  couch = await startTestCouch({ admin });
  await createUser('priya', ['careside']);
  await createUser('sam', ['careside']);
  await createUser('mallory', []);
  const steps = await setupTeamDb({
    server: couch.origin,
    db: 'team',
    auth: { username: admin.name, password: admin.password },
    validateSource,
  });
  expect(steps).toEqual([
    'Created database team.',
    'Only server admins and users with the role "careside" can use it.',
    'Installed _design/careside (validate_doc_update).',
  ]);
});
afterAll(async () => {
  await couch.close();
});

describe('team database security (couchdb/validate_doc_update.js, installed by team:setup)', () => {
  const { caseDoc, eventDocs } = docsOfCase(
    {
      id: '00000000-0000-4000-8000-000000000001',
      ref: 'CS-7F3K',
      postKey: 'x:77',
      platform: 'x',
      post,
      brandIds: [],
      status: 'new',
      createdAt: T0,
      updatedAt: T0,
      events: [{ at: T0, type: 'logged' }],
    },
    'priya',
  );

  it('accepts a member writing a well-formed case and their own event', async () => {
    expect((await putAs('priya', { ...caseDoc })).status).toBe(201);
    expect((await putAs('priya', { ...eventDocs[0]! })).status).toBe(201);
  });

  it('rejects malformed documents with the reason', async () => {
    const badStatus = await putAs('priya', {
      ...caseDoc,
      _id: 'case:x:78',
      case: { ...caseDoc.case, postKey: 'x:78', status: 'archived' },
    });
    expect(badStatus).toMatchObject({ status: 403, body: { reason: 'case:x:78: "archived" is not a CareSide status.' } });
    expect((await putAs('priya', { ...caseDoc, _id: 'case:x:79' })).body.reason).toMatch(/id must be "case:" and its post key/);
    expect((await putAs('priya', { _id: 'junk', hello: 1 })).status).toBe(403);
  });

  it('rejects an event authored as another user, and rewriting a timeline entry', async () => {
    const forged = {
      ...eventDocs[0]!,
      _id: 'event:x:77:forged',
      author: 'sam',
      event: { ...eventDocs[0]!.event, id: 'forged', by: 'sam' },
    };
    const result = await putAs('priya', forged);
    expect(result.status).toBe(403);
    expect(result.body.reason).toMatch(/must be authored by the user who writes it \(priya\)/);
    const existing = (await (
      await fetch(`${couch.origin}/team/${encodeURIComponent(eventDocs[0]!._id)}`, { headers: basic('priya', 'priya-pw') })
    ).json()) as { _rev: string };
    expect((await putAs('priya', { ...eventDocs[0]!, _rev: existing._rev })).body.reason).toMatch(/written once/);
  });

  it('every entry type and every note: one authored as another user is refused, one of her own goes through (direct and replicated)', async () => {
    for (const type of CASE_EVENT_TYPES) {
      const own = docsOfCase({ ...caseDoc.case, events: [{ at: T0 + 5, type, id: `own-${type}` }] }, 'priya').eventDocs[0]!;
      expect((await putAs('priya', { ...own })).status, type).toBe(201);
      const forged = { ...own, _id: `event:x:77:forged-${type}`, author: 'sam', event: { ...own.event, id: `forged-${type}`, by: 'sam' } };
      const refused = await putAs('priya', forged);
      expect(refused.status, type).toBe(403);
      expect(refused.body.reason).toMatch(/must be authored by the user who writes it \(priya\)/);
      // An entry naming sam inside a document claimed as priya's is refused too.
      const mixed = { ...own, _id: `event:x:77:mixed-${type}`, event: { ...own.event, id: `mixed-${type}`, by: 'sam' } };
      expect((await putAs('priya', mixed)).body.reason, type).toMatch(/names another author/);
    }
    const note = { id: 'n-priya', text: 'Called the hotline', createdAt: T0 + 6 };
    const ownNote = docsOfCase({ ...caseDoc.case, notes: [note] }, 'priya').noteDocs[0]!;
    expect(ownNote).toMatchObject({ _id: 'note:x:77:n-priya', author: 'priya', note: { by: 'priya' } });
    expect((await putAs('priya', { ...ownNote })).status).toBe(201);
    const forgedNote = { ...ownNote, _id: 'note:x:77:n-sam', author: 'sam', note: { ...note, id: 'n-sam', by: 'sam' } };
    expect((await putAs('priya', forgedNote)).body.reason).toMatch(/note must be authored by the user who writes it \(priya\)/);
    const held = (await (
      await fetch(`${couch.origin}/team/${encodeURIComponent(ownNote._id)}`, { headers: basic('priya', 'priya-pw') })
    ).json()) as { _rev: string };
    expect((await putAs('priya', { ...ownNote, _rev: held._rev, note: { ...ownNote.note, text: 'edited' } })).body.reason).toMatch(
      /notes are written once/,
    );
    expect(
      (await putAs('priya', { ...caseDoc, _id: 'case:x:80', case: { ...caseDoc.case, postKey: 'x:80', notes: [note] } })).body.reason,
    ).toMatch(/notes go in note documents/);

    // The same through replication, as an install pushes: forged ones denied, own ones stored.
    const replica = memoryReplica('priya-types');
    const replicatedOwn = docsOfCase({ ...caseDoc.case, events: [{ at: T0 + 7, type: 'handed_off', id: 'rep-own' }] }, 'priya')
      .eventDocs[0]!;
    await replica.bulkDocs([
      replicatedOwn,
      { ...replicatedOwn, _id: 'event:x:77:rep-forged', author: 'sam', event: { ...replicatedOwn.event, id: 'rep-forged', by: 'sam' } },
      { ...forgedNote, _id: 'note:x:77:rep-forged-note', note: { ...forgedNote.note, id: 'rep-forged-note' } },
    ] as never);
    const pushed = (await replica.sync(remoteDb(`${couch.origin}/team`, { username: 'priya', password: 'priya-pw' }))) as {
      push: { errors: unknown[]; docs_written: number };
    };
    expect(pushed.push.errors).toHaveLength(2);
    const server = remoteDb(`${couch.origin}/team`, { username: 'sam', password: 'sam-pw' });
    await expect(server.get('event:x:77:rep-own')).resolves.toMatchObject({ author: 'priya' });
    await expect(server.get('event:x:77:rep-forged')).rejects.toMatchObject({ status: 404 });
    await expect(server.get('note:x:77:rep-forged-note')).rejects.toMatchObject({ status: 404 });
  });

  it('keeps users without the team role out, and the design document to admins', async () => {
    const read = await fetch(`${couch.origin}/team/${encodeURIComponent(caseDoc._id)}`, { headers: basic('mallory', 'mallory-pw') });
    expect([401, 403]).toContain(read.status); // PouchDB Server answers 401 where CouchDB 3 says 403
    expect(read.ok).toBe(false);
    const design = await putAs('priya', { _id: '_design/careside', validate_doc_update: 'function () {}' });
    expect([401, 403]).toContain(design.status);
  });

  it('a replica pushing a forged event is told the server refused it; its own work goes through', async () => {
    const db = await openCaseDb('security-replica', indexedDB);
    const repository = new CaseRepository(db, { clock: new HybridClock('priya', () => T0) });
    await repository.logPost(makePost('90'), ['acme'], T0);
    const local = memoryReplica('priya-secure');
    const errors: string[] = [];
    const sync = new TeamSync({
      db,
      local,
      remote: remoteDb(`${couch.origin}/team`, { username: 'priya', password: 'priya-pw' }),
      agent: 'priya',
      onStatus: (status) => (status.error ? errors.push(status.error) : undefined),
    });
    await local.put({
      ...eventDocs[0]!,
      _id: 'event:x:90:forged',
      postKey: 'x:90',
      author: 'sam',
      event: { at: T0, type: 'note_added', id: 'forged', by: 'sam' },
    });
    await sync.syncOnce();
    expect(errors.at(-1)).toMatch(/The server refused 1 change: .*must be authored by the user who writes it \(priya\)/);
    const server = remoteDb(`${couch.origin}/team`, { username: 'sam', password: 'sam-pw' });
    const ids = (await server.allDocs({ startkey: 'event:x:90:', endkey: 'event:x:90:\ufff0' })).rows.map((row) => row.id);
    expect(ids).toHaveLength(1); // the "logged" entry, not the forged one
    expect(ids[0]).not.toContain('forged');
    await expect(server.get('case:x:90')).resolves.toMatchObject({ kind: 'case' });
  });
});

describe('who changed a case field (the stamps in `clocks`), checked by the server', () => {
  const stamp = (at: number, agent: string) => formatStamp({ wall: at, counter: 0, agent });
  const base = {
    id: '00000000-0000-4000-8000-000000000095',
    ref: 'CS-7F3M',
    postKey: 'x:95',
    platform: 'x' as const,
    post: makePost('95'),
    brandIds: [],
    status: 'new' as const,
    createdAt: T0,
    updatedAt: T0,
  };
  const current = async (id: string) =>
    (await (await fetch(`${couch.origin}/team/${encodeURIComponent(id)}`, { headers: basic('priya', 'priya-pw') })).json()) as {
      _rev: string;
      case: Record<string, unknown> & { clocks?: Record<string, string> };
    };

  it("refuses a field stamped as changed by another user, or changed under the old stamp; accepts own changes over teammates' stamps", async () => {
    expect((await putAs('priya', { _id: 'case:x:95', kind: 'case', case: base })).status).toBe(201);
    let held = await current('case:x:95');
    const forged = await putAs('priya', {
      _id: 'case:x:95',
      _rev: held._rev,
      kind: 'case',
      case: { ...held.case, assignee: 'priya', clocks: { assignee: stamp(T0 + 1, 'sam') } },
    });
    expect(forged.status).toBe(403);
    expect(forged.body.reason).toBe(
      'case:x:95: assignee is stamped as changed by sam; a change must be stamped by the user who writes it (priya).',
    );

    const own = { ...held.case, assignee: 'priya', clocks: { assignee: stamp(T0 + 1, 'priya') } };
    expect((await putAs('priya', { _id: 'case:x:95', _rev: held._rev, kind: 'case', case: own })).status).toBe(201);
    held = await current('case:x:95');
    // Sam changes the priority; Priya's stamp on the assignee stays as it is: accepted.
    const samEdit = { ...held.case, priority: 'P1', clocks: { ...held.case.clocks, priority: stamp(T0 + 2, 'sam') } };
    expect((await putAs('sam', { _id: 'case:x:95', _rev: held._rev, kind: 'case', case: samEdit })).status).toBe(201);
    held = await current('case:x:95');
    // Sam rewrites Priya's assignee under her stamp: nobody signed that change.
    const unsigned = await putAs('sam', { _id: 'case:x:95', _rev: held._rev, kind: 'case', case: { ...held.case, assignee: 'sam' } });
    expect(unsigned.body.reason).toBe('case:x:95: assignee changed without a new stamp of the user who writes it (sam).');
    // A status moved under a teammate's name is refused like any field.
    const status = await putAs('sam', {
      _id: 'case:x:95',
      _rev: held._rev,
      kind: 'case',
      case: { ...held.case, status: 'resolved', clocks: { ...held.case.clocks, status: stamp(T0 + 3, 'priya') } },
    });
    expect(status.body.reason).toMatch(/status is stamped as changed by priya/);
  });

  it('two installs edit the same case at once and sync through the server: the merge goes through, nothing refused, both agree', async () => {
    const installs = await Promise.all(
      ['priya', 'sam'].map(async (agent) => {
        const db = await openCaseDb(`fields-${agent}`, indexedDB);
        let now = T0;
        const clock = new HybridClock(agent, () => now);
        const errors: string[] = [];
        const sync = new TeamSync({
          db,
          local: memoryReplica(`fields-${agent}`),
          remote: remoteDb(`${couch.origin}/team`, { username: agent, password: `${agent}-pw` }),
          agent,
          clock,
          now: () => now,
          onStatus: (next) => (next.error ? errors.push(next.error) : undefined),
        });
        return { db, sync, errors, repository: new CaseRepository(db, { clock }), setNow: (at: number) => (now = at) };
      }),
    );
    const [a, b] = installs as [(typeof installs)[0], (typeof installs)[0]];
    const logged = await a.repository.logPost(makePost('96'), ['acme'], T0);
    await a.sync.syncOnce();
    await b.sync.syncOnce();
    const [onB] = await b.repository.byPostKeys([logged.case.postKey]);

    // Apart: Priya resolves and sets the priority, Sam assigns himself and tags it.
    a.setNow(T0 + 5_000);
    await a.repository.transition(logged.case.id, 'responded', T0 + 5_000);
    await a.repository.setPriority(logged.case.id, 'P1', T0 + 5_000);
    b.setNow(T0 + 6_000);
    await b.repository.setAssignee(onB!.id, 'sam', T0 + 6_000);
    await b.repository.setTags(onB!.id, ['refund'], T0 + 6_000);
    for (const install of [a, b, a, b]) await install.sync.syncOnce();

    const [finalA] = await a.repository.byPostKeys([logged.case.postKey]);
    const [finalB] = await b.repository.byPostKeys([logged.case.postKey]);
    for (const item of [finalA, finalB]) {
      expect(item).toMatchObject({ status: 'responded', priority: 'P1', assignee: 'sam', tags: ['refund'] });
    }
    expect(finalA?.clocks).toEqual(finalB?.clocks);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    const server = remoteDb(`${couch.origin}/team`, { username: 'priya', password: 'priya-pw' });
    const doc = await server.get<{ _id: string; _conflicts?: string[]; case: { clocks: Record<string, string> } }>(
      `case:${logged.case.postKey}`,
      { conflicts: true },
    );
    expect(doc._conflicts ?? []).toEqual([]);
    expect(doc.case.clocks.assignee).toMatch(/-sam$/);
    expect(doc.case.clocks.priority).toMatch(/-priya$/);

    // A revision carrying a field stamped as Sam, pushed from Priya's replica: refused, said so.
    const replica = memoryReplica('fields-forger');
    const held = await server.get<{ _id: string; _rev: string; kind: string; case: { clocks: Record<string, string> } }>(doc._id);
    await replica.sync(server);
    await replica.put({
      ...held,
      case: { ...held.case, assignee: 'priya', clocks: { ...held.case.clocks, assignee: stamp(T0 + 9_000, 'sam') } },
    });
    const pushed = (await replica.sync(server)) as { push: { errors: { message?: string }[] } };
    expect(pushed.push.errors.map((error) => error.message)).toEqual([
      `case:${logged.case.postKey}: assignee is stamped as changed by sam; a change must be stamped by the user who writes it (priya).`,
    ]);
  }, 30_000);
});
