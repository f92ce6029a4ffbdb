import type { IDBPDatabase, IDBPTransaction } from 'idb';

/**
 * One schema step. Steps see an untyped database: they describe the schema as it was at
 * their version, not as lib/db/schema.ts says it is today.
 * A step may be async, but it must await nothing but IndexedDB calls on `tx`
 * (the versionchange transaction closes as soon as it has nothing pending).
 */
export interface Migration {
  /** The schema version this step produces; steps run in ascending order from oldVersion + 1. */
  readonly version: number;
  readonly description: string;
  migrate(db: IDBPDatabase<unknown>, tx: IDBPTransaction<unknown, string[], 'versionchange'>): void | Promise<void>;
}
