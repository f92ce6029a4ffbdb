// @vitest-environment node
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseDb } from '../db/open';
import { whoIsReplying } from '../agents/presence';
import type { Presence, Replying } from '../domain/presence';
import { setupTeamDb } from './team-setup';
import { TeamPresence } from './team-presence';
import { publishAgent, teamAgents } from './team-agents';
import { TeamSync } from './team-sync';
import { memoryReplica, remoteDb, startTestCouch, type TestCouch, createTestUser } from './testing';

const admin = { name: 'admin', password: 'admin-secret' };
const validateSource = readFileSync(new URL('../../couchdb/validate_doc_update.js', import.meta.url), 'utf8');
let couch: TestCouch;
/**
 * A server without validation for the live presence flow: PouchDB Server's validation plugin
 * (pouchdb-validation) replaces a replicated revision's history with the stored one's, so any
 * replicated *update* of an existing document is dropped there (CouchDB 3 keeps it). Creating
 * documents and direct writes, what the validation tests below use, are unaffected.
 */
let openCouch: TestCouch;

function basic(username: string, password: string): Record<string, string> {
  return { Authorization: `Basic ${btoa(`${username}:${password}`)}`, 'Content-Type': 'application/json' };
}

const createUser = (name: string) => createTestUser(couch, admin, name, ['careside']);

async function putAs(user: string, doc: { _id: string; [field: string]: unknown }): Promise<{ status: number; reason?: string }> {
  const response = await fetch(`${couch.origin}/team/${encodeURIComponent(doc._id)}`, {
    method: 'PUT',
    headers: basic(user, `${user}-pw`),
    body: JSON.stringify(doc),
  });
  return { status: response.status, reason: ((await response.json()) as { reason?: string }).reason };
}

/** One connected install: its live team sync over its own replica, as the agent `user`. */
async function connect(user: string, secured = false) {
  const local = memoryReplica(user);
  const sync = new TeamSync({
    db: await openCaseDb(`presence-${user}-${secured}`, indexedDB),
    local,
    remote: secured ? remoteDb(`${couch.origin}/team`, { username: user, password: `${user}-pw` }) : `${openCouch.origin}/team`,
    agent: user,
    backOff: (delay) => (delay === 0 ? 50 : Math.min(delay * 2, 400)),
  });
  sync.start();
  return { local, sync, presence: new TeamPresence({ local }) };
}

/** Resolves with what onPresence reports once `accept` holds for it; fails after `ms`. */
function presenceWhere(presence: TeamPresence, accept: (records: Presence[]) => boolean, ms: number): Promise<Presence[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (stop(), reject(new Error(`presence not seen within ${ms} ms`))), ms);
    const stop = presence.onPresence((records) => {
      if (!accept(records)) return;
      clearTimeout(timer);
      stop();
      resolve(records);
    });
  });
}

beforeAll(async () => {
  couch = await startTestCouch({ admin });
  await createUser('priya');
  await createUser('sam');
  await createUser('lou');
  await setupTeamDb({ server: couch.origin, db: 'team', auth: { username: admin.name, password: admin.password }, validateSource });
  openCouch = await startTestCouch();
  expect((await fetch(`${openCouch.origin}/team`, { method: 'PUT' })).status).toBe(201);
});
afterAll(async () => {
  await couch.close();
  await openCouch.close();
});

describe('presence across two installs through a real PouchDB Server', () => {
  it('A opens a reply panel: B sees "priya is replying" within 5 s; A closes it: B sees nobody', async () => {
    const a = await connect('priya');
    const b = await connect('sam');
    try {
      const opened = Date.now();
      await a.presence.publishPresence({ agentId: 'priya', name: 'Priya', postKey: 'x:42', since: opened });
      const seen = await presenceWhere(b.presence, (records) => whoIsReplying(records, Date.now(), 'sam').length === 1, 5_000);
      expect(Date.now() - opened).toBeLessThan(5_000);
      expect(whoIsReplying(seen, Date.now(), 'sam')).toEqual<Replying[]>([
        { agentId: 'priya', name: 'Priya', postKey: 'x:42', since: opened },
      ]);
      // Priya's own install never shows her to herself.
      expect(whoIsReplying(await a.presence.current(), Date.now(), 'priya')).toEqual([]);

      await a.presence.clearPresence('priya', 'x:42');
      await presenceWhere(b.presence, (records) => whoIsReplying(records, Date.now(), 'sam').length === 0, 5_000);
    } finally {
      await a.sync.stop();
      await b.sync.stop();
    }
  }, 20_000);

  it('an expired presence is ignored, and purged by whoever sees it', async () => {
    const a = await connect('priya');
    const b = await connect('sam');
    try {
      let now = Date.now();
      const aging = new TeamPresence({ local: a.local, now: () => now, ttlMs: 1_000 });
      await aging.publishPresence({ agentId: 'priya', name: 'Priya', postKey: 'x:43', since: now });
      const onB = await presenceWhere(b.presence, (records) => records.some((record) => record.postKey === 'x:43'), 5_000);
      now += 1_000;
      expect(whoIsReplying(onB, now, 'sam')).toEqual([]);
      const purgingB = new TeamPresence({ local: b.local, now: () => now });
      // Everything B holds has expired by now (x:42 was cleared by the test before).
      const held = await purgingB.current();
      expect(held.map((record) => record.postKey)).toContain('x:43');
      expect(await purgingB.purgeExpired()).toBe(held.length);
      expect(await b.presence.current()).toEqual([]);
    } finally {
      await a.sync.stop();
      await b.sync.stop();
    }
  }, 20_000);

  it('the roster: each agent document replicates to the teammate (through the validating server)', async () => {
    const a = await connect('priya', true);
    const b = await connect('sam', true);
    try {
      expect(await publishAgent(a.local, { id: 'priya', name: 'Priya Shah', email: 'priya@acme.example' }, Date.now())).toBe(true);
      expect(await publishAgent(a.local, { id: 'priya', name: 'Priya Shah', email: 'priya@acme.example' }, Date.now())).toBe(false);
      await publishAgent(b.local, { id: 'sam', name: 'Sam' }, Date.now());
      await a.sync.syncOnce();
      await b.sync.syncOnce();
      expect(await teamAgents(b.local)).toEqual([
        { id: 'priya', name: 'Priya Shah', email: 'priya@acme.example' },
        { id: 'sam', name: 'Sam' },
      ]);
    } finally {
      await a.sync.stop();
      await b.sync.stop();
    }
  }, 20_000);
});

describe('validate_doc_update: agent and presence documents', () => {
  const presence = (agentId: string) => ({ agentId, name: 'Priya', postKey: 'x:44', since: 1, expiresAt: 60_001 });

  it('accepts an agent writing their own agent and presence documents', async () => {
    expect((await putAs('lou', { _id: 'agent:lou', kind: 'agent', agent: { id: 'lou', name: 'Lou' }, updatedAt: 1 })).status).toBe(201);
    expect((await putAs('lou', { _id: 'presence:lou:x:44', kind: 'presence', presence: presence('lou') })).status).toBe(201);
  });

  it('refuses presence or an agent document written as another agent', async () => {
    const forgedPresence = await putAs('sam', {
      _id: 'presence:priya:x:45',
      kind: 'presence',
      presence: { ...presence('priya'), postKey: 'x:45' },
    });
    expect(forgedPresence).toMatchObject({ status: 403, reason: expect.stringMatching(/only their own presence \(sam\)/) as unknown });
    const forgedAgent = await putAs('sam', { _id: 'agent:mallory', kind: 'agent', agent: { id: 'mallory', name: 'Priya' }, updatedAt: 1 });
    expect(forgedAgent).toMatchObject({ status: 403, reason: expect.stringMatching(/only their own agent document \(sam\)/) as unknown });
  });

  it('refuses malformed agent and presence documents with the reason', async () => {
    const noName = await putAs('sam', { _id: 'agent:sam', kind: 'agent', agent: { id: 'sam', name: '' }, updatedAt: 1 });
    expect(noName.reason).toMatch(/needs a name/);
    const wrongId = await putAs('sam', { _id: 'presence:sam:x:1', kind: 'presence', presence: { ...presence('sam'), postKey: 'x:2' } });
    expect(wrongId.reason).toMatch(/its agent id, ":" and its post key/);
    const noExpiry = await putAs('sam', {
      _id: 'presence:sam:x:44',
      kind: 'presence',
      presence: { ...presence('sam'), expiresAt: 'soon' },
    });
    expect(noExpiry.reason).toMatch(/since and expiresAt/);
  });
});
