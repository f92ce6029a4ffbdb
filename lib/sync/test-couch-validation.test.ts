// @vitest-environment node
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makePost } from '../cases/testing';
import type { Case } from '../domain/case';
import { formatStamp } from '../merge/hlc';
import { T0 } from '../workflow/testing';
import { docsOfCase, type CaseDoc } from './docs';
import type { PouchLike } from './pouch';
import { setupTeamDb } from './team-setup';
import { createTestUser, memoryReplica, remoteDb, startTestCouch, type TestCouch } from './testing';

const admin = { name: 'admin', password: 'admin-secret' };
const validateSource = readFileSync(new URL('../../couchdb/validate_doc_update.js', import.meta.url), 'utf8');
let couch: TestCouch | undefined;

afterEach(async () => {
  await couch?.close();
  couch = undefined;
});

/** A server with the team database exactly as `npm run team:setup` leaves it, and priya a member. */
async function teamServer(validation: 'couchdb' | 'express-pouchdb'): Promise<{ server: TestCouch; team: PouchLike }> {
  const server = await startTestCouch({ admin, validation });
  couch = server;
  await createTestUser(server, admin, 'priya', ['careside']);
  await setupTeamDb({ server: server.origin, db: 'team', auth: { username: admin.name, password: admin.password }, validateSource });
  return { server, team: remoteDb(`${server.origin}/team`, { username: 'priya', password: 'priya-pw' }) };
}

const caseWithoutTimeline = {
  id: '00000000-0000-4000-8000-000000000001',
  ref: 'CS-7F3K',
  postKey: 'x:77',
  platform: 'x',
  post: makePost('77'),
  brandIds: [],
  status: 'new',
  createdAt: T0,
  updatedAt: T0,
} satisfies Case;
const { caseDoc } = docsOfCase(caseWithoutTimeline, 'priya');

/** Replicate a case document to the server, change it in the replica, replicate again. */
async function pushCaseThenUpdate(team: PouchLike, status: string): Promise<{ errors: unknown[] }> {
  const replica = memoryReplica('priya');
  const first = await replica.put<CaseDoc>({ ...caseDoc });
  await replica.sync(team);
  // The change is stamped as the writer's, as the design document asks of every case-field change.
  const clocks = { status: formatStamp({ wall: T0 + 1, counter: 0, agent: 'priya' }) };
  await replica.put({ ...caseDoc, _rev: first.rev, case: { ...caseDoc.case, status, updatedAt: T0 + 1, clocks } });
  const result = (await replica.sync(team)) as { push: { errors: unknown[] } };
  return result.push;
}

describe('validate_doc_update in the test server runs as in CouchDB 3', () => {
  it('express-pouchdb on its own silently drops a replicated update once a design document validates (pouchdb-server#419)', async () => {
    const { team } = await teamServer('express-pouchdb');
    const pushed = await pushCaseThenUpdate(team, 'responded');
    expect(pushed.errors).toEqual([]); // nothing tells the replica
    expect((await team.get<CaseDoc>(caseDoc._id)).case.status).toBe('new'); // and the update is not there
  });

  it('the replicated update of an existing document reaches the server, validated', async () => {
    const { team } = await teamServer('couchdb');
    const pushed = await pushCaseThenUpdate(team, 'responded');
    expect(pushed.errors).toEqual([]);
    const stored = await team.get<CaseDoc>(caseDoc._id);
    expect(stored.case.status).toBe('responded');
    expect(stored._rev).toMatch(/^2-/);
  });

  it('a replicated update the design document refuses is refused with its reason, and the server keeps the old revision', async () => {
    const { team } = await teamServer('couchdb');
    const pushed = await pushCaseThenUpdate(team, 'archived');
    expect(pushed.errors).toHaveLength(1);
    expect(JSON.stringify(pushed.errors[0])).toContain('\\"archived\\" is not a CareSide status');
    expect((await team.get<CaseDoc>(caseDoc._id)).case.status).toBe('new');
  });

  it('a revision the server already has is accepted again without validating (as CouchDB skips it)', async () => {
    const { server } = await teamServer('couchdb');
    const { eventDocs } = docsOfCase({ ...caseWithoutTimeline, events: [{ at: T0, type: 'logged' }] }, 'sam');
    // Written by the admin (who may), as sam's: priya herself could not write it.
    const asAdmin = remoteDb(`${server.origin}/team`, { username: admin.name, password: admin.password });
    const written = await asAdmin.put({ ...eventDocs[0]! });
    // The same revision sent on by priya's replicator (it pulled it, and pushes what the server lacks
    // by its own reckoning): CouchDB has it already, so it is a success, not a forged event.
    const response = await fetch(`${server.origin}/team/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa('priya:priya-pw')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        new_edits: false,
        docs: [{ ...eventDocs[0]!, _rev: written.rev, _revisions: { start: 1, ids: [written.rev!.slice(2)] } }],
      }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual([]);
    // A new revision of it from priya is validated, and refused.
    const forged = await fetch(`${server.origin}/team/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa('priya:priya-pw')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ new_edits: false, docs: [{ ...eventDocs[0]!, _id: `${eventDocs[0]!._id}x`, _rev: '1-abc' }] }),
    });
    expect(JSON.stringify(await forged.json())).toMatch(/must be authored by the user who writes it \(priya\)/);
  });
});
