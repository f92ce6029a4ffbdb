import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../domain/case';
import { openCaseDb, openMigratedDb } from '../open';
import { EXPECTED_SCHEMAS, SCHEMA_FIXTURES, snapshotSchema } from './fixtures';
import { CURRENT_DB_VERSION, MIGRATIONS, type Migration } from './index';

describe('migration list', () => {
  it('is ordered and contiguous from v1, with a fixture and an expected schema for every version', () => {
    expect(MIGRATIONS.map((step) => step.version)).toEqual(Array.from({ length: CURRENT_DB_VERSION }, (_, i) => i + 1));
    expect(SCHEMA_FIXTURES.map((fixture) => fixture.version)).toEqual(
      Array.from({ length: CURRENT_DB_VERSION + 1 }, (_, i) => i),
    );
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
    db.close();
  });
});

describe('a failing step', () => {
  it('rolls the whole upgrade back and says which step failed', async () => {
    const broken: Migration = {
      version: 2,
      description: 'test step that throws',
      migrate(db) {
        db.createObjectStore('half-done');
        throw new Error('boom');
      },
    };
    await SCHEMA_FIXTURES[1]?.create(indexedDB, 'broken');
    await expect(openMigratedDb('broken', indexedDB, [...MIGRATIONS, broken], 2)).rejects.toThrow(
      /upgrade to v2 failed: migration v2 \(test step that throws\): boom/,
    );
    const db = await openCaseDb('broken', indexedDB);
    expect(snapshotSchema(unwrap(db))).toEqual(EXPECTED_SCHEMAS[1]);
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
    const gap: Migration = { version: 3, description: 'gap', migrate() {} };
    await expect(openMigratedDb('gap', indexedDB, [...MIGRATIONS, gap], 3)).rejects.toThrow(/expected 2/);
    await expect(openMigratedDb('gap', indexedDB, MIGRATIONS, CURRENT_DB_VERSION + 1)).rejects.toThrow(/No migrations/);
  });
});

describe('openCaseDb connection lifecycle', () => {
  it('steps aside (closes and reports) when a newer version wants to open', async () => {
    let closed = 0;
    const db = await openCaseDb('lifecycle', indexedDB, { onClose: () => (closed += 1) });
    const next: Migration = { version: 2, description: 'next', migrate() {} };
    const newer = await openMigratedDb('lifecycle', indexedDB, [...MIGRATIONS, next], 2);
    expect(closed).toBe(1);
    expect(() => db.transaction('cases')).toThrow();
    newer.close();
  });
});
