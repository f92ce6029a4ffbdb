/**
 * Team sync benchmarks (issue 18), in Node against a real PouchDB Server in this process
 * (express-pouchdb on pouchdb-adapter-memory, the team database set up by `setupTeamDb` with
 * couchdb/validate_doc_update.js, exactly as the tests run it):
 *
 * - initial: 10,000 cases on the server, a fresh install syncs: replication docs/s and seconds,
 *   and the time until its case store holds them all. The store is fake-indexeddb and the
 *   replica the memory adapter (the extension: IndexedDB for both), but the write path is the
 *   real one: TeamSync -> merge -> CaseRepository's store (mergeRemoteCases).
 * - agents: three installs on the same 100 cases write 1,000 timeline events each at once
 *   (notes, status, assignee, priority through CaseRepository), each with TeamSync live as the
 *   background runs it; docs/s until all three stores hold the same cases, conflicts resolved,
 *   and every event written counted on every install and on the server.
 *
 * Baseline in the same run: the same documents bulk-PUT straight to the server.
 */
import '../node-i18n';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Case } from '../../lib/domain/case';
import { PRIORITIES } from '../../lib/domain/triage';
import type { CaseDb } from '../../lib/db/schema';
import type { PouchDoc, PouchLike } from '../../lib/sync/pouch';
import { syntheticCases } from './synthetic-cases';
import { isMain } from '../is-main';

const ADMIN = { name: 'admin', password: 'admin-secret' };
const AGENTS = ['priya', 'sam', 'lee'] as const;
const BULK_CHUNK = 1_000;
const CONVERGE_TIMEOUT_MS = Number(process.env.TEAM_BENCH_TIMEOUT_MS ?? 20 * 60_000);

type Modules = Awaited<ReturnType<typeof loadModules>>;

/** Lib modules after fake-indexeddb is installed, so nothing else in `npm run bench` sees it. */
async function loadModules() {
  // Its typings do not resolve under this package's exports; it only installs globals.
  const fakeIndexedDb: string = 'fake-indexeddb/auto';
  await import(fakeIndexedDb);
  const [testing, setup, sync, docs, open, repository, hlc, events] = await Promise.all([
    import('../../lib/sync/testing'),
    import('../../lib/sync/team-setup'),
    import('../../lib/sync/team-sync'),
    import('../../lib/sync/docs'),
    import('../../lib/db/open'),
    import('../../lib/cases/repository'),
    import('../../lib/merge/hlc'),
    import('../../lib/merge/events'),
  ]);
  return { ...testing, ...setup, ...sync, ...docs, ...open, ...repository, ...hlc, ...events };
}

const load = () => `load average ${loadavg()[0]!.toFixed(1)} (${cpus().length} cores)`;
/** CPU seconds this process spent since `from` (user + system): under a shared machine's load, wall time mostly measures the others. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return `${((used.user + used.system) / 1e6).toFixed(1)} s CPU`;
};
const rate = (docs: number, ms: number) => `${Math.round(docs / (ms / 1000)).toLocaleString('en-US')} docs/s`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function serverWithTeam(m: Modules) {
  const couch = await m.startTestCouch({ admin: ADMIN });
  for (const agent of AGENTS) await m.createTestUser(couch, ADMIN, agent, ['careside']);
  const validateSource = readFileSync(new URL('../../couchdb/validate_doc_update.js', import.meta.url), 'utf8');
  const setupDb = (db: string) =>
    m.setupTeamDb({ server: couch.origin, db, auth: { username: ADMIN.name, password: ADMIN.password }, validateSource });
  const remote = (db: string, agent: string) => m.remoteDb(`${couch.origin}/${db}`, { username: agent, password: `${agent}-pw` });
  return { couch, setupDb, remote };
}

/** The team documents of these cases, as `author` pushes them. */
function teamDocsOf(m: Modules, cases: readonly Case[], author: string): PouchDoc[] {
  return cases.flatMap((item) => {
    const { caseDoc, eventDocs, noteDocs } = m.docsOfCase(item, author);
    return [caseDoc, ...eventDocs, ...noteDocs];
  });
}

async function bulkPut(db: PouchLike, docs: readonly PouchDoc[]): Promise<number> {
  const started = performance.now();
  for (let start = 0; start < docs.length; start += BULK_CHUNK) {
    const results = await db.bulkDocs(docs.slice(start, start + BULK_CHUNK));
    const failed = results.find((result) => result.error);
    if (failed) throw new Error(`Bulk PUT refused ${failed.id}: ${failed.reason ?? String(failed.error)}`);
  }
  return performance.now() - started;
}

async function install(m: Modules, name: string, agent: string, remote: PouchLike) {
  const db = await m.openCaseDb(`bench-${name}-${Date.now()}`, indexedDB);
  const clock = new m.HybridClock(agent);
  const sync = new m.TeamSync({ db, local: m.memoryReplica(name), remote, agent, clock });
  return { agent, db, sync, repository: new m.CaseRepository(db, { clock }) };
}

// ---- initial sync ----

export async function runInitialSyncBench(m: Modules, count = 10_000): Promise<void> {
  const { couch, setupDb, remote } = await serverWithTeam(m);
  try {
    await setupDb('initial');
    await setupDb('initial-baseline');
    const cases = syntheticCases(count, { now: Date.UTC(2026, 11, 1) });
    const docs = teamDocsOf(m, cases, 'priya');
    console.log(`${count.toLocaleString('en-US')} cases = ${docs.length.toLocaleString('en-US')} documents; ${load()} at the start`);

    const baselineMs = await bulkPut(remote('initial-baseline', 'priya'), docs);
    await bulkPut(remote('initial', 'priya'), docs);

    const db = await m.openCaseDb(`bench-fresh-${Date.now()}`, indexedDB);
    let replicatedAt = 0;
    const started = performance.now();
    const sync = new m.TeamSync({
      db,
      local: m.memoryReplica('fresh-initial'),
      remote: remote('initial', 'sam'),
      agent: 'sam',
      onStatus: (status) => {
        if (status.state === 'synced' && replicatedAt === 0) replicatedAt = performance.now();
      },
    });
    await sync.syncOnce();
    const storedAt = performance.now();
    const stored = await db.count('cases');
    if (stored !== count) throw new Error(`The fresh install holds ${stored} cases, not ${count}`);
    const replicationMs = replicatedAt - started;
    const storeMs = storedAt - started;

    console.table([
      { row: 'baseline: bulk PUT straight to the server', time: seconds(baselineMs), rate: rate(docs.length, baselineMs), ratio: '1.00x' },
      {
        row: 'fresh install: replication server -> replica',
        time: seconds(replicationMs),
        rate: rate(docs.length, replicationMs),
        ratio: `${(replicationMs / baselineMs).toFixed(2)}x`,
      },
      {
        row: `fresh install: until the case store holds all ${count.toLocaleString('en-US')}`,
        time: seconds(storeMs),
        rate: rate(docs.length, storeMs),
        ratio: `${(storeMs / baselineMs).toFixed(2)}x`,
      },
    ]);
    console.log(`${load()} at the end`);
  } finally {
    await couch.close();
  }
}

// ---- three agents at once ----

const STATUS_CYCLE = ['responded', 'waiting_on_customer', 'handed_off'] as const;

/** Small deterministic PRNG, one per agent, so every run writes the same sequence. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

type Install = Awaited<ReturnType<typeof install>>;

/**
 * One edit that adds one timeline entry; returns the entries this agent added (`postKey id`).
 * Found by id, not length: a pull may merge a teammate's entry into the case between the read and the edit.
 */
async function writeOne(m: Modules, agent: Install, item: Case, random: () => number, step: number): Promise<string[]> {
  const before = new Set((item.events ?? []).map(m.eventIdOf));
  const now = Date.now();
  const kind = Math.floor(random() * 4);
  let change;
  if (kind === 0) change = await agent.repository.addNote(item.id, { text: `${agent.agent} note ${step}` }, now);
  else if (kind === 1) {
    const next = PRIORITIES[(PRIORITIES.indexOf(item.priority ?? PRIORITIES[0]) + 1) % PRIORITIES.length]!;
    change = await agent.repository.setPriority(item.id, next, now);
  } else if (kind === 2) {
    change = await agent.repository.setAssignee(item.id, item.assignee === agent.agent ? null : agent.agent, now);
  } else {
    const next = STATUS_CYCLE[(STATUS_CYCLE.indexOf(item.status as never) + 1) % STATUS_CYCLE.length]!;
    change = await agent.repository.setStatus(item.id, next, now);
  }
  const mine = (by: string | undefined) => by === undefined || by === agent.agent;
  return (change.case.events ?? [])
    .filter((event) => mine(event.by) && !before.has(m.eventIdOf(event)))
    .map((event) => `${item.postKey} ${m.eventIdOf(event)}`);
}

/** What must be equal on every install: the mergeable fields, the entries and the notes. */
async function fingerprint(m: Modules, db: CaseDb): Promise<{ text: string; events: number; conflictEntries: number }> {
  const cases = (await db.getAll('cases')).sort((a, b) => (a.postKey < b.postKey ? -1 : 1));
  let events = 0;
  let conflictEntries = 0;
  const rows = cases.map((item) => {
    const ids = (item.events ?? []).map(m.eventIdOf).sort();
    for (const event of item.events ?? []) {
      if (event.type === 'conflict_resolved') conflictEntries += 1;
      else events += 1;
    }
    const notes = (item.notes ?? []).map((note) => note.id).sort();
    return [item.postKey, item.ref, item.status, item.assignee, item.priority, item.tags, item.followUpAt, ids, notes];
  });
  return { text: JSON.stringify(rows), events, conflictEntries };
}

export async function runAgentsBench(m: Modules, eventsPerAgent = 1_000, sharedCases = 100): Promise<void> {
  const { couch, setupDb, remote } = await serverWithTeam(m);
  const installs: Install[] = [];
  try {
    await setupDb('agents');
    const seed = syntheticCases(sharedCases, { now: Date.now() - 60_000, seed: 11 }).map((item) => ({
      ...item,
      status: 'new' as const,
      updatedAt: item.createdAt,
    }));
    for (const item of seed) {
      delete item.resolvedAt;
      delete item.closedAt;
      delete item.outcome;
      delete item.firstResponseAt;
    }
    await bulkPut(remote('agents', 'priya'), teamDocsOf(m, seed, 'priya'));
    for (const agent of AGENTS) {
      const one = await install(m, `agent-${agent}`, agent, remote('agents', agent));
      await one.sync.syncOnce();
      installs.push(one);
    }
    const initial = await fingerprint(m, installs[0]!.db);
    console.log(
      `${AGENTS.length} agents, ${sharedCases} shared cases (${initial.events} entries), ${eventsPerAgent.toLocaleString('en-US')} events each; ${load()} at the start`,
    );

    const server = remote('agents', 'priya');
    const before = await server.allDocs({});
    for (const one of installs) one.sync.start();
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    const addedLists = await Promise.all(
      installs.map(async (one, index) => {
        const random = seeded(100 + index);
        // The shared cases never change in number: read their ids once, then only the case edited.
        const ids = await one.db.getAllKeys('cases');
        const added: string[] = [];
        for (let step = 0; added.length < eventsPerAgent; step += 1) {
          const item = (await one.db.get('cases', ids[Math.floor(random() * ids.length)]!))!;
          added.push(...(await writeOne(m, one, item, random, step)));
          // As the background does after every local write: copy the case to the replica, never waiting on the network.
          void one.sync.push([item.postKey]);
        }
        return added;
      }),
    );
    const written = addedLists.map((list) => list.length);
    const writtenAt = performance.now();
    const writtenCpu = cpuSince(startedCpu);
    const expectedEvents = initial.events + written.reduce((sum, count) => sum + count, 0);

    // Wait on what the stores say: all three equal, with every event written.
    let prints = await Promise.all(installs.map((one) => fingerprint(m, one.db)));
    while (!prints.every((print) => print.text === prints[0]!.text && print.events === expectedEvents)) {
      if (performance.now() - started > CONVERGE_TIMEOUT_MS) {
        const missing = await missingEntries(m, installs, addedLists.flat());
        throw new Error(`No convergence: events ${prints.map((print) => print.events).join(' / ')} of ${expectedEvents}; ${missing}`);
      }
      await Promise.all(installs.map((one) => one.sync.pull()));
      prints = await Promise.all(installs.map((one) => fingerprint(m, one.db)));
      await new Promise((resolve) => setTimeout(resolve, 100)); // each check reads three stores: at most ten a second
    }
    const convergedAt = performance.now();
    const convergedCpu = cpuSince(startedCpu);
    const after = await server.allDocs({ include_docs: false });
    const serverDocs = after.rows.filter((row) => !row.id?.startsWith('_design/')).length;
    const eventDocsOnServer = after.rows.filter((row) => row.id?.startsWith('event:')).length;
    const conflictsResolved = installs.reduce((sum, one) => sum + one.sync.conflictsResolved, 0);
    const newDocs = after.rows.length - before.rows.length;
    for (const one of installs) await one.sync.stop();

    // Baseline: the final documents, bulk-PUT straight to a fresh database.
    await setupDb('agents-baseline');
    const finalCases = await installs[0]!.db.getAll('cases');
    const finalDocs = AGENTS.flatMap((agent) =>
      teamDocsOf(
        m,
        finalCases.map((item) => ({
          ...item,
          events: (item.events ?? []).filter((event) => event.by === agent),
          notes: (item.notes ?? []).filter((note) => note.by === agent),
        })),
        agent,
      ).filter((doc) => agent === 'priya' || !doc._id.startsWith('case:')),
    );
    const baselineMs = await bulkPutAs(
      remote,
      m.remoteDb(`${couch.origin}/agents-baseline`, { username: ADMIN.name, password: ADMIN.password }),
      finalDocs,
    );
    const totalMs = convergedAt - started;
    const totalEvents = written.reduce((sum, count) => sum + count, 0);

    console.table([
      {
        row: 'baseline: the final documents bulk-PUT straight to the server',
        time: seconds(baselineMs),
        rate: rate(finalDocs.length, baselineMs),
        ratio: '1.00x',
      },
      {
        row: `3 agents: ${totalEvents.toLocaleString('en-US')} events written (local writes + push to replica)`,
        time: `${seconds(writtenAt - started)} (${writtenCpu})`,
        rate: `${Math.round(totalEvents / ((writtenAt - started) / 1000))} events/s`,
        ratio: '',
      },
      {
        row: '3 agents: until all three stores are equal with every event',
        time: `${seconds(totalMs)} (${convergedCpu})`,
        rate: rate(newDocs, totalMs),
        ratio: `${(totalMs / baselineMs).toFixed(2)}x`,
      },
    ]);
    console.log(
      [
        `New documents on the server: ${newDocs} (${eventDocsOnServer} event documents, ${serverDocs} in all)`,
        `Conflicting case revisions merged: ${conflictsResolved} (${prints[0]!.conflictEntries} "Conflict resolved" status entries on each timeline)`,
        `Entries on every install: ${prints.map((print) => print.events).join(' / ')}, expected ${expectedEvents} (${initial.events} + ${written.join(' + ')}): none lost`,
        `Final states equal on all three: ${prints.every((print) => print.text === prints[0]!.text)}`,
        `${load()} at the end`,
      ].join('\n'),
    );
  } finally {
    for (const one of installs) await one.sync.stop();
    await couch.close();
  }
}

/** Which written entries an install lacks, and entries two agents wrote under one id (for the failure message). */
async function missingEntries(m: Modules, installs: readonly Install[], added: readonly string[]): Promise<string> {
  const shared = added.filter((entry, index) => added.indexOf(entry) !== index);
  const lacking = await Promise.all(
    installs.map(async (one) => {
      const held = new Set(
        (await one.db.getAll('cases')).flatMap((item) => (item.events ?? []).map((event) => `${item.postKey} ${m.eventIdOf(event)}`)),
      );
      return `${one.agent} lacks [${added.filter((entry) => !held.has(entry)).join(', ')}]`;
    }),
  );
  return `${lacking.join('; ')}; one id written by two agents: [${shared.join(', ')}]`;
}

/**
 * Write-once documents must be PUT as their author (the design document checks it); the final
 * case documents, which hold every agent's stamps, as the server admin.
 */
async function bulkPutAs(remote: (db: string, agent: string) => PouchLike, admin: PouchLike, docs: readonly PouchDoc[]): Promise<number> {
  let total = await bulkPut(
    admin,
    docs.filter((doc) => doc._id.startsWith('case:')),
  );
  for (const agent of AGENTS) {
    const own = docs.filter((doc) => (doc as { author?: string }).author === agent);
    total += await bulkPut(remote('agents-baseline', agent), own);
  }
  return total;
}

export async function runTeamSyncBench(): Promise<void> {
  const m = await loadModules();
  if (process.env.TEAM_BENCH_ONLY !== 'agents') {
    console.log('\n--- initial sync of 10,000 cases into a fresh install ---\n');
    await runInitialSyncBench(m, Number(process.env.TEAM_BENCH_CASES ?? 10_000));
  }
  console.log('\n--- three agents writing 1,000 events at once on 100 shared cases (TEAM_BENCH_EVENTS each) ---\n');
  await runAgentsBench(m, Number(process.env.TEAM_BENCH_EVENTS ?? 1_000));
}

if (isMain(import.meta.url)) {
  runTeamSyncBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
