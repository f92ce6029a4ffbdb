// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openCaseDb } from '../db/open';
import { CaseRepository } from '../cases/repository';
import { caseClock } from '../cases/case-clock';
import { makePost } from '../cases/testing';
import { TEAM_CONNECTION_STORAGE_KEY, type TeamConnection, type TeamStatus } from '../domain/team-connection';
import { setupTeamDb } from '../sync/team-setup';
import type { PouchLike } from '../sync/pouch';
import { TeamSync } from '../sync/team-sync';
import { memoryReplica, remoteDb, startTestCouch, type TestCouch, createTestUser, withOverrides } from '../sync/testing';
import { createCaseStore } from './case-store';
import { exportSettings } from '../settings/io';
import { loadSettings } from '../settings/store';
import { deleteAllData } from './delete-data';
import { createTeamService, TEAM_PUSH_ALARM, type TeamPouchFactory } from './team';

const admin = { name: 'admin', password: 'admin-secret' };
let couch: TestCouch;
let installs = 0;

const createUser = (name: string, roles: string[]) => createTestUser(couch, admin, name, roles);

beforeAll(async () => {
  // pouchdb-server#374: with an admin set every request must carry credentials, as the service's do.
  couch = await startTestCouch({ admin });
  await createUser('priya', ['careside']);
  await createUser('sam', ['careside']);
  await createUser('mallory', []);
  await setupTeamDb({
    server: couch.origin,
    db: 'team',
    auth: { username: admin.name, password: admin.password },
    validateSource: 'function (doc) {}',
  });
  await setupTeamDb({
    server: couch.origin,
    db: 'strict-team',
    auth: { username: admin.name, password: admin.password },
    validateSource: REFUSE_SOME_NOTES,
  });
});

/** A team database that refuses one kind of note, so a refusal can be made on purpose. */
const REFUSE_SOME_NOTES = `function (doc) {
  if (doc.note && doc.note.text === 'refuse me') throw { forbidden: 'this note is refused' };
}`;
afterAll(async () => {
  caseClock.setAgent('local');
  await couch.close();
});

const connectionFor = (user: string, overrides: Partial<TeamConnection> = {}): TeamConnection => ({
  serverUrl: couch.origin,
  database: 'team',
  user,
  password: `${user}-pw`,
  ...overrides,
});

/** One worker's team service over its own case store; `pouch` counts what it constructs. */
function worker(name = `team-service-${(installs += 1)}`) {
  const store = createCaseStore((onClose) => openCaseDb(name, indexedDB, { onClose }));
  const constructed = { replicas: 0, remotes: 0 };
  const pouch: TeamPouchFactory = {
    replica: () => {
      constructed.replicas += 1;
      return memoryReplica(name);
    },
    remote: (connection) => {
      constructed.remotes += 1;
      return remoteDb(`${connection.serverUrl}/${connection.database}`, { username: connection.user, password: connection.password });
    },
  };
  const changed: string[][] = [];
  const statuses: TeamStatus[] = [];
  const service = createTeamService({
    store,
    pouch,
    now: Date.now,
    onCasesChanged: (postKeys) => changed.push(postKeys),
    onStatus: (status) => statuses.push(status),
  });
  return { store, service, constructed, changed, statuses };
}

describe('the background team service', () => {
  it('without a team configured constructs nothing and pushes nothing', async () => {
    const { service, constructed, store } = worker();
    await service.resume();
    const logged = await store.use((repository) => repository.logPost(makePost('1'), ['acme'], Date.now()));
    service.pushChanged([logged.case.postKey]);
    expect(service.status()).toEqual({ configured: false });
    expect(constructed).toEqual({ replicas: 0, remotes: 0 });
  });

  it('Test connection names what is wrong, and Connect with it stores nothing', async () => {
    const { service, constructed } = worker();
    expect(await service.test(connectionFor('priya'))).toEqual({ ok: true });
    expect(await service.test(connectionFor('priya', { password: 'wrong' }))).toMatchObject({ ok: false, problem: 'unauthorized' });
    expect(await service.test(connectionFor('mallory'))).toMatchObject({ ok: false, problem: 'not_member' });
    expect(await service.test(connectionFor('priya', { database: 'no-such-team' }))).toMatchObject({ ok: false, problem: 'no_database' });
    expect(await service.test(connectionFor('priya', { serverUrl: 'http://127.0.0.1:9' }))).toMatchObject({
      ok: false,
      problem: 'unreachable',
    });

    const refused = await service.connect(connectionFor('priya', { password: 'wrong' }));
    expect(refused.check).toMatchObject({ ok: false, problem: 'unauthorized' });
    expect(refused.status).toEqual({ configured: false });
    expect(await fakeBrowser.storage.local.get(TEAM_CONNECTION_STORAGE_KEY)).toEqual({});
    expect(constructed).toEqual({ replicas: 0, remotes: 0 });
  });

  it('connected: local writes reach the team, the team’s writes reach the store, and a restarted worker resumes', async () => {
    const first = worker('team-service-priya');
    const connected = await first.service.connect(connectionFor('priya'));
    expect(connected.check).toEqual({ ok: true });
    expect(connected.status).toMatchObject({ configured: true, user: 'priya', serverUrl: couch.origin, database: 'team' });
    expect(JSON.stringify(connected.status)).not.toContain('priya-pw');
    expect(await fakeBrowser.storage.local.get(TEAM_CONNECTION_STORAGE_KEY)).toEqual({
      [TEAM_CONNECTION_STORAGE_KEY]: connectionFor('priya'),
    });
    expect(caseClock.agentId).toBe('priya');

    // A local write is pushed without anyone waiting for it.
    const logged = await first.store.use((repository) => repository.logPost(makePost('2001'), ['acme'], Date.now()));
    first.service.pushChanged([logged.case.postKey]);
    const server = remoteDb(`${couch.origin}/team`, { username: 'sam', password: 'sam-pw' });
    await vi.waitFor(async () => expect((await server.get(`case:${logged.case.postKey}`))._id).toBeDefined(), {
      timeout: 10_000,
      interval: 50,
    });
    await vi.waitFor(() => expect(first.service.status()).toMatchObject({ sync: { state: 'synced', pending: 0 } }), { timeout: 10_000 });
    expect(first.statuses.at(-1)).toMatchObject({ configured: true, sync: { state: 'synced' } });

    // Another agent (its own store and replica) logs a post: it is merged into this store and announced.
    const samDb = await openCaseDb('team-service-sam', indexedDB);
    const sam = new TeamSync({ db: samDb, local: memoryReplica('sam'), remote: server, agent: 'sam' });
    const samLogged = await new CaseRepository(samDb).logPost(makePost('2002'), ['acme'], Date.now());
    await sam.syncOnce();
    await vi.waitFor(() => expect(first.changed.flat()).toContain(samLogged.case.postKey), { timeout: 10_000, interval: 50 });
    expect((await first.store.use((repository) => repository.byPostKeys([samLogged.case.postKey])))[0]?.ref).toBe(samLogged.case.ref);

    // The worker stops; the next one starts syncing from storage alone.
    await first.service.disconnect();
    expect(first.service.status()).toEqual({ configured: false });
    expect(caseClock.agentId).toBe('local');
    expect(await fakeBrowser.storage.local.get(TEAM_CONNECTION_STORAGE_KEY)).toEqual({});
    await fakeBrowser.storage.local.set({ [TEAM_CONNECTION_STORAGE_KEY]: connectionFor('priya') });
    const next = worker('team-service-priya');
    await next.service.resume();
    expect(next.constructed).toEqual({ replicas: 1, remotes: 1 });
    await vi.waitFor(() => expect(next.service.status()).toMatchObject({ configured: true, sync: { state: 'synced' } }), {
      timeout: 10_000,
    });
    await next.service.disconnect();
  }, 40_000);

  it('while changes wait to reach the team an alarm is set to wake a stopped worker; it goes once they are sent', async () => {
    const { service, store } = worker();
    await service.connect(connectionFor('priya'));
    await vi.waitFor(() => expect(service.status()).toMatchObject({ sync: { state: 'synced' } }), { timeout: 10_000 });
    expect(await fakeBrowser.alarms.get(TEAM_PUSH_ALARM)).toBeUndefined();
    await couch.stop();
    try {
      const logged = await store.use((repository) => repository.logPost(makePost('alarm-1'), ['acme'], Date.now()));
      service.pushChanged([logged.case.postKey]);
      // The server went away mid-sync: the case is counted pending, and the alarm is set.
      await vi.waitFor(
        () => {
          const offline = service.status();
          expect(offline.configured && offline.sync.state === 'offline' && offline.sync.pending).toBeGreaterThan(0);
        },
        { timeout: 10_000 },
      );
      expect(await fakeBrowser.alarms.get(TEAM_PUSH_ALARM)).toMatchObject({ name: TEAM_PUSH_ALARM });
    } finally {
      await couch.restart();
    }
    await vi.waitFor(() => expect(service.status()).toMatchObject({ sync: { state: 'synced', pending: 0 } }), { timeout: 20_000 });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(TEAM_PUSH_ALARM)).toBeUndefined());
    await service.disconnect();
  }, 40_000);

  const nothingElse = { spirals: { reset: () => Promise.resolve() }, learning: { reset: () => Promise.resolve(0) } };

  it('Delete all data disconnects from the team and says so; the team keeps its cases on the server', async () => {
    const { service, store } = worker();
    await service.connect(connectionFor('priya'));
    const logged = await store.use((repository) => repository.logPost(makePost('delete-1'), ['acme'], Date.now()));
    service.pushChanged([logged.case.postKey]);
    const server = remoteDb(`${couch.origin}/team`, { username: 'sam', password: 'sam-pw' });
    await vi.waitFor(() => expect(server.get(`case:${logged.case.postKey}`)).resolves.toMatchObject({ kind: 'case' }), {
      timeout: 10_000,
    });

    const deleted = await deleteAllData({ store, ...nothingElse, team: service }, { settings: false });
    expect(deleted.team).toBe('team');
    // Its own case, and whatever of the team's it had pulled in by then: all gone from this browser.
    expect(deleted.cases).toBeGreaterThanOrEqual(1);
    expect(service.status()).toEqual({ configured: false });
    expect((await fakeBrowser.storage.local.get(TEAM_CONNECTION_STORAGE_KEY))[TEAM_CONNECTION_STORAGE_KEY]).toBeUndefined();
    await expect(server.get(`case:${logged.case.postKey}`)).resolves.toMatchObject({ kind: 'case' });
    // Without a team it says nothing about one.
    const again = await deleteAllData({ store, ...nothingElse, team: service }, { settings: false });
    expect(again.team).toBeUndefined();
  }, 40_000);

  it('a refused change is listed with its case and reason until discarded; Disconnect forgets the rest', async () => {
    const replicas: PouchLike[] = [];
    const store = createCaseStore((onClose) => openCaseDb(`team-service-refused-${(installs += 1)}`, indexedDB, { onClose }));
    const service = createTeamService({
      store,
      now: Date.now,
      onCasesChanged: () => undefined,
      onStatus: () => undefined,
      pouch: {
        // Kept open after Disconnect, so the test can read what it left in the replica.
        replica: () => {
          const replica = memoryReplica('refused');
          replicas.push(replica);
          return withOverrides(replica, { close: () => Promise.resolve() });
        },
        remote: (connection) => remoteDb(`${connection.serverUrl}/${connection.database}`, { username: 'priya', password: 'priya-pw' }),
      },
    });
    await service.connect(connectionFor('priya', { database: 'strict-team' }));
    const logged = await store.use((repository) => repository.logPost(makePost('refused-1'), ['acme'], Date.now()));
    const refuse = async (at: number) => {
      const noted = await store.use((repository) => repository.addNote(logged.case.id, { text: 'refuse me' }, at));
      service.pushChanged([logged.case.postKey]);
      return `note:${logged.case.postKey}:${noted.case.notes!.at(-1)!.id}`;
    };
    const first = await refuse(Date.now());
    await vi.waitFor(async () => expect(await service.refused()).toHaveLength(1), { timeout: 10_000 });
    expect(await service.refused()).toEqual([{ id: first, kind: 'note', ref: logged.case.ref, reason: 'forbidden: this note is refused' }]);
    // Once replication pauses only the refused one is pending, and the status says why.
    await vi.waitFor(() => expect(service.status()).toMatchObject({ sync: { state: 'error', pending: 1 } }), { timeout: 10_000 });

    const after = await service.discardRefused([first]);
    expect(await service.refused()).toEqual([]);
    expect(after).toMatchObject({ sync: { state: 'synced', pending: 0 } });
    // The note stays in this browser's case.
    const [kept] = await store.use((repository) => repository.byPostKeys([logged.case.postKey]));
    expect(kept?.notes?.map((note) => note.text)).toEqual(['refuse me']);

    await refuse(Date.now() + 1);
    await vi.waitFor(async () => expect(await service.refused()).toHaveLength(1), { timeout: 10_000 });
    await service.disconnect();
    expect(await service.refused()).toEqual([]);
    await expect(replicas[0]!.get('_local/careside-refused')).resolves.toMatchObject({ refused: {} });
  }, 40_000);

  it('the credentials are never in a settings export, nor in the team database', async () => {
    const { service, store } = worker();
    await service.connect(connectionFor('sam', { password: 'sam-pw' }));
    expect((await fakeBrowser.storage.local.get(TEAM_CONNECTION_STORAGE_KEY))[TEAM_CONNECTION_STORAGE_KEY]).toMatchObject({ user: 'sam' });
    const exported = exportSettings((await loadSettings()).settings);
    expect(exported).not.toContain('sam-pw');
    expect(exported).not.toContain(couch.origin);
    const logged = await store.use((repository) => repository.logPost(makePost('secret-1'), ['acme'], Date.now()));
    service.pushChanged([logged.case.postKey]);
    const server = remoteDb(`${couch.origin}/team`, { username: 'priya', password: 'priya-pw' });
    await vi.waitFor(() => expect(server.get(`case:${logged.case.postKey}`)).resolves.toMatchObject({ kind: 'case' }), {
      timeout: 10_000,
    });
    const everything = await server.allDocs({ include_docs: true, startkey: '', endkey: '\ufff0' });
    expect(JSON.stringify(everything)).not.toContain('sam-pw');
    await service.disconnect();
  }, 40_000);
});
