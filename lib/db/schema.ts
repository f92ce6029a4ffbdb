import type { DBSchema, IDBPDatabase } from 'idb';
import type { Case, CaseStatus } from '../domain/case';
import type { Platform, PostKey } from '../domain/post';
import type { Correction } from '../domain/learning';
import type { CategoryId, Priority } from '../domain/triage';

/** Default IndexedDB database name (one per extension origin). */
export const CASE_DB_NAME = 'careside';

/**
 * A small projection of one case (lib/cases/facts.ts keeps it in step with every write, in the
 * same transaction). It carries what the popup, the dashboard and reminders filter, count and
 * sort on, including values derived from several fields (the response clock's start), so those
 * views use index counts and key lists instead of loading cases.
 */
export interface CaseFacts {
  id: string;
  platform: Platform;
  brandIds: string[];
  status: CaseStatus;
  /** The case's priority, or the default (P3) when it has none. */
  priority: Priority;
  category?: CategoryId;
  createdAt: number;
  /** When the response clock started: when the case was logged (lib/workflow/clock.ts; v3 on). */
  clockStart: number;
  firstResponseAt?: number;
  resolvedAt?: number;
  /** When the response clock stopped (lib/workflow/targets.ts clockStoppedAt). */
  stoppedAt?: number;
  /** Only while open without a first response: equals clockStart. */
  awaitingSince?: number;
  /** Only while open. */
  followUpAt?: number;
  notified?: Case['notified'];
  /** Who the case is assigned to, trimmed and lower-cased (assigneeKey); '' when nobody (v8 on). */
  assignee: string;
}

/** One case's searchable words (lib/cases/words.ts). */
export interface CaseWords {
  createdAt: number;
  id: string;
  words: string[];
}

/**
 * One hour of the cases a stats dimension holds (lib/cases/stats-rows.ts): what the stats view
 * shows, kept with every write. Durations are kept whole (not as a histogram) so percentiles
 * stay exact; the lists hold one number per case of the hour, never a record.
 */
export interface StatsHour {
  /** Cases logged in this hour. */
  n: number;
  /** Per category (uncategorized included). */
  byCategory: Record<string, number>;
  /** firstResponseAt - clockStart (at least 0) of each answered case. */
  firstResponse: number[];
  /** resolvedAt - clockStart (at least 0) of each answered, resolved case. */
  resolution: number[];
  /** Resolved or closed without any response. */
  unanswered: number;
  /** Per priority: stoppedAt - clockStart of each case whose response clock stopped. */
  stopped: Record<string, number[]>;
  /** Per priority: clockStart of each case whose clock still runs (a breach depends on now). */
  running: Record<string, number[]>;
}

/** The stats of one dimension value ('all', 'platform:x', 'status:new', 'brand:acme', ...) on one UTC day. */
export interface StatsRow {
  dim: string;
  /** UTC day number: floor(createdAt / 86,400,000). */
  day: number;
  /** By hour of the UTC day (0-23); hours without cases are absent. */
  hours: Record<number, StatsHour>;
}

/**
 * Today's shape of the case database. Old migrations must NOT import this file's values:
 * each step in lib/db/migrations/ freezes the names it uses, so a later rename here cannot
 * change what an old step did.
 */
export interface CaseDbSchema extends DBSchema {
  cases: {
    key: string;
    value: Case;
    /** v6 dropped status, platform, updatedAt and platform_status: case_facts carries the filters. */
    indexes: {
      createdAt: number;
      /** Unique: one case per post. */
      postKey: PostKey;
      /** Unique: refs are what humans type and say. */
      ref: string;
      /** Oldest case of a status (retention finds closed cases by it). */
      status_createdAt: [CaseStatus, number];
    };
  };
  case_facts: {
    key: string;
    value: CaseFacts;
    indexes: {
      createdAt: number;
      status_createdAt: [CaseStatus, number];
      platform_createdAt: [Platform, number];
      priority_createdAt: [Priority, number];
      category_createdAt: [CategoryId, number];
      /** multiEntry: one entry per brand id. */
      brandIds: string;
      /** v7 dropped status_priority: the counts answer it. */
      priority_awaitingSince: [Priority, number];
      followUpAt: number;
      /** v8: "My cases" and the assignee filter read a person's cases without loading any case. */
      assignee_createdAt: [string, number];
    };
  };
  /** Counts kept in step with every write (lib/cases/counts.ts): reading them is O(1), counting is a scan. */
  case_counts: {
    key: string;
    value: { key: string; n: number };
  };
  /**
   * The search's word index (v5 on; lib/cases/words.ts): one record per case, keyed by
   * [createdAt, id] so the keys a word lookup returns already say how to order the cases.
   */
  case_words: {
    key: [number, string];
    value: CaseWords;
    indexes: {
      /** multiEntry: one entry per distinct word. */
      words: string;
    };
  };
  /**
   * Stats per dimension value and UTC day (v7 on; lib/cases/stats-rows.ts), kept in the same
   * transaction as every case write: stats over a filter read one record per day.
   */
  case_stats: {
    key: [string, number];
    value: StatsRow;
  };
  /** The team's complaint calls, one per post (v4 on; lib/cases/corrections.ts). */
  corrections: {
    key: PostKey;
    value: Correction;
    indexes: { at: number };
  };
}

export type CaseDb = IDBPDatabase<CaseDbSchema>;
