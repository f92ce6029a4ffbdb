/**
 * The part of PouchDB's API the team sync uses, typed narrowly so lib/sync does not depend on
 * PouchDB's own types; the background hands it a `pouchdb-browser` database, tests one on the
 * memory adapter.
 */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
}

export interface PouchWriteResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  status?: number;
  reason?: string;
}

export interface PouchChangesResult {
  /** `changes`: the winning revision, or every leaf with `style: 'all_docs'`. */
  results: { id: string; seq: number | string; deleted?: boolean; changes?: { rev: string }[] }[];
  last_seq: number | string;
}

export interface PouchEmitter {
  on(event: string, listener: (...args: unknown[]) => void): PouchEmitter;
  cancel(): void;
}

/** A two-way replication: its own events, and each direction's (which carry the request errors). */
export interface PouchSync extends PouchEmitter, PromiseLike<unknown> {
  push?: PouchEmitter;
  pull?: PouchEmitter;
}

export interface PouchLike {
  get<T extends PouchDoc>(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<T>;
  put<T extends PouchDoc>(doc: T): Promise<PouchWriteResult>;
  bulkDocs(docs: readonly PouchDoc[]): Promise<PouchWriteResult[]>;
  allDocs<T extends PouchDoc>(options: {
    keys?: string[];
    startkey?: string;
    endkey?: string;
    include_docs?: boolean;
  }): Promise<{ rows: { id?: string; key: string; error?: string; value?: { rev: string; deleted?: boolean }; doc?: T | null }[] }>;
  changes(options: { since: number | string; live: true }): PouchEmitter;
  changes(options: { since: number | string; limit?: number; style?: 'all_docs' }): Promise<PouchChangesResult>;
  sync(remote: PouchLike | string, options?: Record<string, unknown>): PouchSync;
  close(): Promise<void>;
}

export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404;
}

export function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 409;
}
