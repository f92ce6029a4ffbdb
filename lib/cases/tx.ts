import type { IDBPTransaction, StoreNames } from 'idb';
import { CaseSchema, type Case } from '../domain/case';
import type { CaseDbSchema } from '../db/schema';
import { CaseStoreError } from './errors';
import { CountDelta } from './counts';
import { factsOf } from './facts';
import { bumpWriteVersion } from './write-version';
import { caseWordsOf } from './words';

/** Validate a case before it is written; a bug must never store an invalid record. */
export function validCase(candidate: Case): Case {
  const parsed = CaseSchema.safeParse(candidate);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Refusing to store an invalid case: ${where.slice(0, 5).join('; ')}`);
  }
  return parsed.data;
}

/**
 * Run `work` (IndexedDB calls only) and wait for the transaction to commit. On failure the
 * transaction is aborted so nothing half-done is stored, and the original error is thrown.
 */
export async function settle<T, Stores extends ArrayLike<StoreNames<CaseDbSchema>>, Mode extends IDBTransactionMode>(
  tx: IDBPTransaction<CaseDbSchema, Stores, Mode>,
  work: () => Promise<T>,
): Promise<T> {
  // Observed here so an abort never surfaces as an unhandled rejection; awaited below.
  tx.done.catch(() => undefined);
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already committed or aborted.
    }
    throw asStoreError(error);
  }
}

function asStoreError(error: unknown): unknown {
  // Duck-typed: DOMException classes differ between browsers, Node and test doubles.
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ConstraintError') {
    const message = (error as { message?: unknown }).message;
    return new CaseStoreError('conflict', `Case store constraint failed: ${String(message)}`, { cause: error });
  }
  return error;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Every write touches the case, its indexed projection (lib/cases/facts.ts), the counts, the search words and the stats. */
export const WRITE_STORES = ['cases', 'case_facts', 'case_counts', 'case_words', 'case_stats'] as const;
export type WriteTx = IDBPTransaction<CaseDbSchema, typeof WRITE_STORES, 'readwrite'>;

/**
 * Validate and store a case with its facts and search words, and move the counts; `add` refuses an existing id
 * or a taken postKey/ref. Bulk writers pass one CountDelta and flush it once at the end.
 */
export async function writeCase(tx: WriteTx, candidate: Case, mode: 'add' | 'put' = 'put', counts?: CountDelta): Promise<Case> {
  const record = validCase(candidate);
  bumpWriteVersion();
  const facts = factsOf(record);
  // A new case has no facts yet (adding it fails on a taken id): one request less per added case.
  const before = mode === 'add' ? undefined : await tx.objectStore('case_facts').get(record.id);
  if (mode === 'add') await tx.objectStore('cases').add(record);
  else await tx.objectStore('cases').put(record);
  await tx.objectStore('case_facts').put(facts);
  const words = tx.objectStore('case_words');
  // The words are keyed by [createdAt, id]: a merge that changed createdAt leaves the old key behind.
  if (before && before.createdAt !== record.createdAt) await words.delete([before.createdAt, record.id]);
  await words.put({ createdAt: record.createdAt, id: record.id, words: caseWordsOf(record) });
  const delta = counts ?? new CountDelta();
  delta.move(before, facts);
  if (!counts) await delta.flush(tx);
  return record;
}
