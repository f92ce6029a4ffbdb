import { CaseRepository } from '../cases/repository';
import type { CaseDb } from '../db/schema';

export type OpenCaseDb = (onClose: () => void) => Promise<CaseDb>;

export interface CaseStore {
  /** Run `work` against the repository on the current connection, opening it first if needed. */
  use<T>(work: (repository: CaseRepository) => Promise<T>): Promise<T>;
  /** The current connection itself, for the team sync's bulk reads and merges. */
  db(): Promise<CaseDb>;
}

interface Connection {
  db: CaseDb;
  repository: CaseRepository;
}

/**
 * The background's one lazily opened connection, reused across messages. It is dropped and
 * re-opened when the browser closes it or a newer schema version asks for it, and after a
 * failed open, so a restarted or long-lived service worker never holds a dead connection.
 */
export function createCaseStore(open: OpenCaseDb): CaseStore {
  let current: Promise<Connection> | null = null;

  const connect = (): Promise<Connection> => {
    if (current) return current;
    const attempt: Promise<Connection> = open(() => forget(attempt)).then((db) => ({ db, repository: new CaseRepository(db) }));
    attempt.catch(() => forget(attempt));
    current = attempt;
    return attempt;
  };
  const forget = (attempt: Promise<Connection>) => {
    if (current === attempt) current = null;
  };

  return {
    async use(work) {
      const attempt = connect();
      try {
        return await work((await attempt).repository);
      } catch (error) {
        // The connection closed under us before its close event reached us: reopen once.
        // Safe because a transaction that could not start wrote nothing.
        if (!isClosedConnectionError(error)) throw error;
        forget(attempt);
        return work((await connect()).repository);
      }
    },
    db: async () => (await connect()).db,
  };
}

function isClosedConnectionError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'InvalidStateError';
}
