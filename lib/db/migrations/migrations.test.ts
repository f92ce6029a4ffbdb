import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../domain/case';
import { openCaseDb, openMigratedDb } from '../open';
import { countKeysOf } from '../../cases/counts';
import { factsOf } from '../../cases/facts';
import { caseWordsOf } from '../../cases/words';
import { statsRowsOf } from '../../cases/stats-rows';
import { CaseRepository } from '../../cases/repository';
import { attentionSummary } from '../../cases/attention';
import type { CaseDb } from '../schema';
import {
  EXPECTED_SCHEMAS,
  SCHEMA_FIXTURES,
  snapshotSchema,
  V1_CASE,
  V2_BACKLOG_CASE,
  V2_BACKLOG_FACTS,
  V2_CASE,
  V3_CASE,
  V4_CORRECTION,
  V5_CASE_WORDS,
  V5_COUNTS,
  V7_ASSIGNED_CASE,
  V7_ASSIGNED_FACTS,
  V7_STATS,
} from './fixtures';
import { v2FactsOf } from './v2';
import { v3FactsOf } from './v3';
import { v5WordsOf } from './v5';
import { v8AssigneeKeyOf } from './v8';
import { CURRENT_DB_VERSION, MIGRATIONS, type Migration } from './index';

describe('migration list', () => {
  it('is ordered and contiguous from v1, with a fixture and an expected schema for every version', () => {
    expect(MIGRATIONS.map((step) => step.version)).toEqual(Array.from({ length: CURRENT_DB_VERSION }, (_, i) => i + 1));
    expect(SCHEMA_FIXTURES.map((fixture) => fixture.version)).toEqual(Array.from({ length: CURRENT_DB_VERSION + 1 }, (_, i) => i));
    for (let version = 1; version <= CURRENT_DB_VERSION; version += 1) expect(EXPECTED_SCHEMAS[version]).toBeDefined();
  });
});

describe('running every step from an empty database', () => {
  it('reaches each version one step at a time, each with its expected schema', async () => {
    for (let version = 1; version <= CURRENT_DB_VERSION; version += 1) {
      const db = await openMigratedDb('stepwise', indexedDB, MIGRATIONS, version);
      expect(snapshotSchema(unwrap(db))).toEqual(EXPECTED_SCHEMAS[version]);
      db.close();
    }
  });

  it('reaches the current version in one open, with the current schema', async () => {
    const db = await openCaseDb('fresh', indexedDB);
    expect(snapshotSchema(unwrap(db))).toEqual(EXPECTED_SCHEMAS[CURRENT_DB_VERSION]);
    db.close();
  });
});

describe.each(SCHEMA_FIXTURES)('upgrading a v$version database', (fixture) => {
  it('reaches the current schema and keeps every record, valid per today’s CaseSchema', async () => {
    await fixture.create(indexedDB, 'fixture');
    const db = await openCaseDb('fixture', indexedDB);
    expect(snapshotSchema(unwrap(db))).toEqual(EXPECTED_SCHEMAS[CURRENT_DB_VERSION]);
    for (const record of fixture.records.cases ?? []) {
      const stored = await db.get('cases', record.id);
      expect(stored).toBeDefined();
      expect(CaseSchema.safeParse(stored).success).toBe(true);
      expect(await db.getFromIndex('cases', 'postKey', (stored as { postKey: string }).postKey)).toEqual(stored);
    }
    expect(await db.count('cases')).toBe((fixture.records.cases ?? []).length);
    // Every case has its case_facts projection, equal to what today's code writes for it.
    expect(await db.count('case_facts')).toBe((fixture.records.cases ?? []).length);
    // And the counts are what today's code keeps for exactly these cases.
    const expectedCounts = new Map<string, number>();
    for (const record of fixture.records.cases ?? []) {
      const stored = await db.get('cases', record.id);
      const facts = factsOf(stored!);
      expect(await db.get('case_facts', record.id)).toEqual(facts);
      // And its search words, as today's code indexes them.
      expect(await db.get('case_words', [stored!.createdAt, stored!.id])).toEqual({
        createdAt: stored!.createdAt,
        id: stored!.id,
        words: caseWordsOf(stored!),
      });
      for (const key of countKeysOf(facts)) expectedCounts.set(key, (expectedCounts.get(key) ?? 0) + 1);
    }
    expect(await db.count('case_words')).toBe((fixture.records.cases ?? []).length);
    const counts = await db.getAll('case_counts');
    expect(new Map(counts.filter((record) => record.n > 0).map((record) => [record.key, record.n]))).toEqual(expectedCounts);
    // And the kept stats, as today's code recounts them from the facts.
    const byKey = (a: { dim: string; day: number }, b: { dim: string; day: number }) => a.dim.localeCompare(b.dim) || a.day - b.day;
    expect((await db.getAll('case_stats')).sort(byKey)).toEqual(statsRowsOf(await db.getAll('case_facts')).sort(byKey));
    db.close();
  });
});

describe('v2 case_facts backfill', () => {
  it('projects v1 cases as v2 defined it: default priority, clock start, awaiting and follow-up only while open', async () => {
    await SCHEMA_FIXTURES[1]?.create(indexedDB, 'backfill');
    const db = await openMigratedDb('backfill', indexedDB, MIGRATIONS, 2);
    expect(await db.getAll('case_counts')).toEqual([
      { key: 'awaiting:P3', n: 1 },
      { key: 'platform_status:x:new', n: 1 },
      { key: 'status:new', n: 1 },
      { key: 'status_priority:new:P3', n: 1 },
    ]);
    expect(await db.get('case_facts', V1_CASE.id)).toEqual({
      id: V1_CASE.id,
      platform: 'x',
      brandIds: ['acme'],
      status: 'new',
      priority: 'P3',
      createdAt: V1_CASE.createdAt,
      clockStart: V1_CASE.createdAt,
      awaitingSince: V1_CASE.createdAt,
    });
    db.close();
  });

  it('v2FactsOf: the post time starts the clock; closed cases keep no follow-up and stop the clock', () => {
    const closed = v2FactsOf({
      id: 'a',
      platform: 'x',
      brandIds: [],
      status: 'closed',
      createdAt: 2_000,
      updatedAt: 9_000,
      closedAt: 8_000,
      followUpAt: 10_000,
      post: { postedAt: new Date(1_000).toISOString() },
    });
    expect(closed).toMatchObject({ clockStart: 1_000, stoppedAt: 8_000 });
    expect(closed).not.toHaveProperty('followUpAt');
    expect(closed).not.toHaveProperty('awaitingSince');
  });
});

describe('v3: the response clock starts when the case is logged', () => {
  it('upgrades a v2 database: every case kept, clock start and awaitingSince moved from the post time to the logging time', async () => {
    await SCHEMA_FIXTURES[2]?.create(indexedDB, 'clock-v3');
    // As v2 left it, the 399-day-old review has been "waiting" since it was posted.
    const before = await openMigratedDb('clock-v3', indexedDB, MIGRATIONS, 2);
    expect(await before.get('case_facts', V2_BACKLOG_CASE.id)).toEqual(V2_BACKLOG_FACTS);
    before.close();

    const db = await openMigratedDb('clock-v3', indexedDB, MIGRATIONS, 3);
    expect(db.version).toBe(3);
    expect(await db.count('cases')).toBe(2);
    expect(await db.get('cases', V2_BACKLOG_CASE.id)).toEqual(V2_BACKLOG_CASE);
    expect(await db.get('cases', V2_CASE.id)).toEqual(V2_CASE);
    expect(await db.get('case_facts', V2_BACKLOG_CASE.id)).toEqual({
      ...V2_BACKLOG_FACTS,
      clockStart: V2_BACKLOG_CASE.createdAt,
      awaitingSince: V2_BACKLOG_CASE.createdAt,
    });
    expect(await db.get('case_facts', V2_CASE.id)).toMatchObject({ clockStart: V2_CASE.createdAt, stoppedAt: V2_CASE.firstResponseAt });
    // Counts do not depend on the clock: the same as v2 kept them.
    const counts = (await db.getAll('case_counts')) as { key: string; n: number }[];
    expect(new Map(counts.map((record) => [record.key, record.n]))).toEqual(
      new Map([
        ['status:responded', 1],
        ['platform_status:yelp:responded', 1],
        ['status_priority:responded:P2', 1],
        ['status:new', 1],
        ['platform_status:yelp:new', 1],
        ['status_priority:new:P3', 1],
        ['awaiting:P3', 1],
      ]),
    );
    // An hour after logging, the P3 review (4 h target) is within target, no longer "overdue by 399 d".
    const attention = await attentionSummary(db as unknown as CaseDb, V2_BACKLOG_CASE.createdAt + 60 * 60_000);
    expect(attention.breachingCount).toBe(0);
    expect(attention.breaching).toEqual([]);
    db.close();
  });

  it('v3FactsOf: ignores the post time; a closed case keeps no follow-up and stops the clock', () => {
    const closed = v3FactsOf({
      id: 'a',
      platform: 'x',
      brandIds: [],
      status: 'closed',
      createdAt: 2_000,
      updatedAt: 9_000,
      closedAt: 8_000,
      followUpAt: 10_000,
    });
    expect(closed).toMatchObject({ clockStart: 2_000, stoppedAt: 8_000 });
    expect(closed).not.toHaveProperty('followUpAt');
    expect(closed).not.toHaveProperty('awaitingSince');
    expect(v3FactsOf({ id: 'b', platform: 'x', brandIds: [], status: 'new', createdAt: 5_000, updatedAt: 5_000 })).toMatchObject({
      clockStart: 5_000,
      awaitingSince: 5_000,
    });
  });
});

describe('v5: the search word index and brand counts', () => {
  it('upgrades a v4 database: every case gets its words, the counts gain per-brand keys, search finds the case', async () => {
    await SCHEMA_FIXTURES[4]?.create(indexedDB, 'words-v5');
    const db = await openMigratedDb('words-v5', indexedDB, MIGRATIONS, 5);
    expect(await db.getAll('case_words')).toEqual([V5_CASE_WORDS]);
    const counts = (await db.getAll('case_counts')) as { key: string; n: number }[];
    expect(new Map(counts.map((record) => [record.key, record.n]))).toEqual(new Map(V5_COUNTS.map((record) => [record.key, record.n])));
    db.close();
    const repository = new CaseRepository(await openCaseDb('words-v5', indexedDB));
    expect((await repository.query({ search: 'REFUND miss' }, 0, 10)).cases.map((item) => item.ref)).toEqual([V3_CASE.ref]);
    expect((await repository.query({ search: 'refunded' }, 0, 10)).total).toBe(0);
  });

  it('v5WordsOf: distinct lower-cased words of ref, author, handle, text, assignee, tags and notes', () => {
    expect(
      v5WordsOf({
        id: 'a',
        ref: 'CS-AB12',
        createdAt: 1,
        post: { authorName: 'Dana Reyes', authorHandle: '@dana_travels', text: 'Bag lost. BAG!' },
        assignee: 'Priya',
        tags: ['VIP'],
        notes: [{ text: 'Called the désk' }],
      }).words,
    ).toEqual(['cs', 'ab12', 'dana', 'reyes', 'dana_travels', 'bag', 'lost', 'priya', 'vip', 'called', 'the', 'désk']);
  });
});

describe('v6: the cases indexes nothing reads are dropped', () => {
  it('upgrades a v5 database: the case, its facts, words and counts stay; the case is still found by ref, post and search', async () => {
    await SCHEMA_FIXTURES[5]?.create(indexedDB, 'drop-v6');
    const db = await openMigratedDb('drop-v6', indexedDB, MIGRATIONS, 6);
    const names = Array.from(unwrap(db).transaction('cases').objectStore('cases').indexNames);
    expect(names.sort()).toEqual(['createdAt', 'postKey', 'ref', 'status_createdAt']);
    expect(await db.getAll('case_words')).toEqual([V5_CASE_WORDS]);
    db.close();
    const repository = new CaseRepository(await openCaseDb('drop-v6', indexedDB));
    expect((await repository.byRef(V3_CASE.ref))?.id).toBe(V3_CASE.id);
    expect((await repository.query({ search: 'refund' }, 0, 10)).cases.map((item) => item.ref)).toEqual([V3_CASE.ref]);
    expect((await repository.summary()).openTotal).toBe(1);
  });
});

describe('v7: stats kept per dimension value and day', () => {
  it('upgrades a v6 database: one row per dimension value of the case, stats over a filter read them, status_priority is gone', async () => {
    await SCHEMA_FIXTURES[6]?.create(indexedDB, 'stats-v7');
    const db = await openMigratedDb('stats-v7', indexedDB, MIGRATIONS, 7);
    const byDim = (a: { dim: string }, b: { dim: string }) => a.dim.localeCompare(b.dim);
    expect((await db.getAll('case_stats')).sort(byDim)).toEqual([...V7_STATS].sort(byDim));
    expect(Array.from(unwrap(db).transaction('case_facts').objectStore('case_facts').indexNames)).not.toContain('status_priority');
    db.close();
    const repository = new CaseRepository(await openCaseDb('stats-v7', indexedDB));
    const stats = await repository.stats({ platform: 'x' }, { now: V3_CASE.createdAt + 86_400_000, timeZone: 'UTC' });
    expect(stats.total).toBe(1);
    expect(stats.breaches).toBe(1);
    expect((await repository.stats({ platform: 'facebook' }, { now: V3_CASE.createdAt, timeZone: 'UTC' })).total).toBe(0);
  });
});

describe('a failing step', () => {
  it('rolls the whole upgrade back and says which step failed', async () => {
    const next = CURRENT_DB_VERSION + 1;
    const broken: Migration = {
      version: next,
      description: 'test step that throws',
      migrate(db) {
        db.createObjectStore('half-done');
        throw new Error('boom');
      },
    };
    await SCHEMA_FIXTURES[1]?.create(indexedDB, 'broken');
    await expect(openMigratedDb('broken', indexedDB, [...MIGRATIONS, broken], next)).rejects.toThrow(
      new RegExp(`upgrade to v${next} failed: migration v${next} \\(test step that throws\\): boom`),
    );
    // Nothing of the failed upgrade stays; the regular open still upgrades the untouched v1 data.
    const db = await openCaseDb('broken', indexedDB);
    expect(snapshotSchema(unwrap(db))).toEqual(EXPECTED_SCHEMAS[CURRENT_DB_VERSION]);
    expect(await db.count('cases')).toBe(1);
    db.close();
  });

  it('awaits async steps in order inside the one upgrade transaction', async () => {
    const order: string[] = [];
    const steps: Migration[] = [
      {
        version: 1,
        description: 'store',
        async migrate(db, tx) {
          db.createObjectStore('kv');
          await tx.objectStore('kv').put('a', 'k');
          order.push('v1');
        },
      },
      {
        version: 2,
        description: 'rewrite',
        async migrate(_db, tx) {
          const store = tx.objectStore('kv');
          const value = (await store.get('k')) as string;
          await store.put(`${value}b`, 'k');
          order.push('v2');
        },
      },
    ];
    const db = await openMigratedDb('async', indexedDB, steps, 2);
    expect(order).toEqual(['v1', 'v2']);
    expect(await db.get('kv', 'k')).toBe('ab');
    db.close();
  });

  it('refuses a gap in the list or an unknown target version', async () => {
    const gap: Migration = { version: CURRENT_DB_VERSION + 2, description: 'gap', migrate() {} };
    await expect(openMigratedDb('gap', indexedDB, [...MIGRATIONS, gap], CURRENT_DB_VERSION + 2)).rejects.toThrow(
      new RegExp(`expected ${CURRENT_DB_VERSION + 1}`),
    );
    await expect(openMigratedDb('gap', indexedDB, MIGRATIONS, CURRENT_DB_VERSION + 1)).rejects.toThrow(/No migrations/);
  });
});

describe('openCaseDb connection lifecycle', () => {
  it('steps aside (closes and reports) when a newer version wants to open', async () => {
    let closed = 0;
    const db = await openCaseDb('lifecycle', indexedDB, { onClose: () => (closed += 1) });
    const next: Migration = { version: CURRENT_DB_VERSION + 1, description: 'next', migrate() {} };
    const newer = await openMigratedDb('lifecycle', indexedDB, [...MIGRATIONS, next], CURRENT_DB_VERSION + 1);
    expect(closed).toBe(1);
    expect(() => db.transaction('cases')).toThrow();
    newer.close();
  });
});

describe('v4: the corrections store', () => {
  it('adds an empty corrections store to a v3 database and keeps every case', async () => {
    await SCHEMA_FIXTURES[3]?.create(indexedDB, 'corrections-v4');
    const db = await openMigratedDb('corrections-v4', indexedDB, MIGRATIONS, 4);
    expect(await db.count('corrections')).toBe(0);
    expect(await db.get('cases', V3_CASE.id)).toEqual(V3_CASE);
    db.close();
  });

  it('keeps a v4 database’s corrections, readable by time', async () => {
    await SCHEMA_FIXTURES[4]?.create(indexedDB, 'corrections-kept');
    const db = await openCaseDb('corrections-kept', indexedDB);
    expect(await db.get('corrections', V4_CORRECTION.postKey)).toEqual(V4_CORRECTION);
    expect(await db.getAllFromIndex('corrections', 'at')).toEqual([V4_CORRECTION]);
    db.close();
  });
});

describe('v8: the assignee on case_facts', () => {
  it('upgrades a v7 database: each facts record gains its assignee key, the counts gain per-assignee keys, the filter and "mine" read them', async () => {
    await SCHEMA_FIXTURES[7]?.create(indexedDB, 'assignee-v8');
    // The v7 fixture plus a case assigned as free text, written as v7 stores it.
    const v7 = await openMigratedDb('assignee-v8', indexedDB, MIGRATIONS, 7);
    await v7.put('cases', structuredClone(V7_ASSIGNED_CASE));
    await v7.put('case_facts', structuredClone(V7_ASSIGNED_FACTS));
    v7.close();

    const db = await openMigratedDb('assignee-v8', indexedDB, MIGRATIONS, 8);
    expect(await db.get('case_facts', V3_CASE.id)).toMatchObject({ assignee: '' });
    expect(await db.get('case_facts', V7_ASSIGNED_CASE.id)).toEqual({ ...V7_ASSIGNED_FACTS, assignee: 'priya' });
    expect(await db.getAllKeysFromIndex('case_facts', 'assignee_createdAt', IDBKeyRange.bound(['priya', 0], ['priya', Infinity]))).toEqual([
      V7_ASSIGNED_CASE.id,
    ]);
    expect(await db.get('case_counts', 'assignee_status:priya:responded')).toEqual({ key: 'assignee_status:priya:responded', n: 1 });
    expect(await db.get('case_counts', 'status:new')).toEqual({ key: 'status:new', n: 1 });
    db.close();
    const repository = new CaseRepository(await openCaseDb('assignee-v8', indexedDB));
    expect((await repository.query({ assignee: 'PRIYA' }, 0, 10)).cases.map((item) => item.ref)).toEqual([V7_ASSIGNED_CASE.ref]);
    expect((await repository.query({ assignee: null }, 0, 10)).cases.map((item) => item.ref)).toEqual([V3_CASE.ref]);
    expect(await repository.openAssignedCount('Priya')).toBe(1);
    expect(await repository.assignees()).toEqual(['Priya']);
  });

  it('v8AssigneeKeyOf: trimmed and lower-cased; nobody is the empty key', () => {
    expect(v8AssigneeKeyOf({ id: 'a', assignee: '  Dana Lee ' })).toBe('dana lee');
    expect(v8AssigneeKeyOf({ id: 'b' })).toBe('');
  });
});
