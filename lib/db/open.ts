import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { CASE_DB_NAME, type CaseDb } from './schema';
import { CURRENT_DB_VERSION, MIGRATIONS, type Migration } from './migrations';

export interface OpenCaseDbOptions {
  /**
   * Called once when this connection stops being usable: the browser closed it
   * (storage cleared, worker shutting down) or a newer schema version asked us to step aside.
   */
  onClose?: () => void;
}

/** Open (creating or upgrading as needed) the case database on the given IndexedDB factory. */
export function openCaseDb(name: string = CASE_DB_NAME, factory: IDBFactory = indexedDB, options: OpenCaseDbOptions = {}): Promise<CaseDb> {
  return openMigratedDb(name, factory, MIGRATIONS, CURRENT_DB_VERSION, options) as Promise<CaseDb>;
}

/**
 * Open `name` at `version`, running every step in `migrations` above the stored version, in
 * order, inside the one versionchange transaction. Exported for the migration tests, which
 * step through versions one by one.
 */
export async function openMigratedDb(
  name: string,
  factory: IDBFactory,
  migrations: readonly Migration[],
  version: number,
  { onClose }: OpenCaseDbOptions = {},
): Promise<IDBPDatabase<unknown>> {
  assertContiguous(migrations, version);
  const request = factory.open(name, version);
  let migrationError: unknown;

  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result);
    // The open request's transaction is the versionchange one while upgradeneeded runs.
    const tx = wrap(request.transaction as IDBTransaction) as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
    // The open request reports an aborted upgrade; don't also surface it as an unhandled rejection.
    tx.done.catch(() => undefined);
    const steps = migrations.filter((step) => step.version > event.oldVersion && step.version <= version);
    runSteps(db, tx, steps).catch((error: unknown) => {
      migrationError = error;
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: the open request reports the failure.
      }
    });
  });

  let db: IDBPDatabase<unknown> | undefined;
  try {
    db = await wrap(request);
  } catch (error) {
    if (migrationError !== undefined) {
      throw new Error(`Case database upgrade to v${version} failed: ${describe(migrationError)}`, {
        cause: migrationError,
      });
    }
    throw error;
  }
  if (!db) throw new Error('Case database open returned no connection');
  const connection = db;

  let closed = false;
  const markClosed = () => {
    if (closed) return;
    closed = true;
    onClose?.();
  };
  // Abnormal close by the browser.
  connection.addEventListener('close', markClosed);
  // A newer version (e.g. after an extension update) is waiting for us: let it in.
  connection.addEventListener('versionchange', () => {
    connection.close();
    markClosed();
  });
  return connection;
}

async function runSteps(
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  steps: readonly Migration[],
): Promise<void> {
  for (const step of steps) {
    try {
      await step.migrate(db, tx);
    } catch (error) {
      throw new Error(`migration v${step.version} (${step.description}): ${describe(error)}`, { cause: error });
    }
  }
}

function assertContiguous(migrations: readonly Migration[], version: number): void {
  migrations.forEach((step, index) => {
    if (step.version !== index + 1) throw new Error(`Migration #${index} has version ${step.version}, expected ${index + 1}`);
  });
  if (!Number.isInteger(version) || version < 1 || version > migrations.length) {
    throw new Error(`No migrations lead to database version ${version}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
