import type { DBSchema, IDBPDatabase } from 'idb';
import type { Case, CaseStatus } from '../domain/case';
import type { Platform, PostKey } from '../domain/post';

/** Default IndexedDB database name (one per extension origin). */
export const CASE_DB_NAME = 'careside';

/**
 * Today's shape of the case database. Old migrations must NOT import this file's values:
 * each step in lib/db/migrations/ freezes the names it uses, so a later rename here cannot
 * change what an old step did.
 */
export interface CaseDbSchema extends DBSchema {
  cases: {
    key: string;
    value: Case;
    indexes: {
      status: CaseStatus;
      platform: Platform;
      updatedAt: number;
      createdAt: number;
      /** Unique: one case per post. */
      postKey: PostKey;
      /** Unique: refs are what humans type and say. */
      ref: string;
      /** Open cases per platform without loading cases. */
      platform_status: [Platform, CaseStatus];
      /** Oldest case of a status (e.g. the longest-waiting "new" one). */
      status_createdAt: [CaseStatus, number];
    };
  };
}

export type CaseDb = IDBPDatabase<CaseDbSchema>;
