import type { Case } from '../domain/case';
import type { PostKey } from '../domain/post';
import type { CaseDb } from '../db/schema';
import { CountDelta } from './counts';
import { settle, WRITE_STORES, type WriteTx } from './tx';
import { bumpWriteVersion } from './write-version';

/** What is left to say about a deleted case: enough for views to drop it. */
export interface DeletedCase {
  id: string;
  ref: string;
  postKey: PostKey;
}

/** Most closed cases one retention batch deletes (one transaction; the caller loops). */
export const RETENTION_BATCH = 500;
/** Closed cases one retention batch looks at, so a batch stays short even when few qualify. */
const RETENTION_SCAN_LIMIT = 5_000;

/** Remove a case, its facts, search words and counts inside `tx`; returns what was deleted. */
async function removeCase(tx: WriteTx, found: Case, counts: CountDelta): Promise<DeletedCase> {
  const facts = await tx.objectStore('case_facts').get(found.id);
  await tx.objectStore('cases').delete(found.id);
  await tx.objectStore('case_facts').delete(found.id);
  await tx.objectStore('case_words').delete([facts?.createdAt ?? found.createdAt, found.id]);
  if (facts) counts.remove(facts);
  return { id: found.id, ref: found.ref, postKey: found.postKey };
}

/**
 * Delete these cases with everything the store keeps about them (case, facts, counts) in ONE
 * transaction. Ids no longer stored are skipped, so deleting twice deletes nothing the second time.
 */
export async function deleteCases(db: CaseDb, caseIds: readonly string[]): Promise<DeletedCase[]> {
  const unique = [...new Set(caseIds)];
  if (unique.length === 0) return [];
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  return settle(tx, async () => {
    const counts = new CountDelta();
    const deleted: DeletedCase[] = [];
    for (const caseId of unique) {
      const found = await tx.objectStore('cases').get(caseId);
      if (found) deleted.push(await removeCase(tx, found, counts));
    }
    await counts.flush(tx);
    if (deleted.length > 0) bumpWriteVersion();
    return deleted;
  });
}

/**
 * One retention batch: delete up to RETENTION_BATCH closed cases closed at or before `cutoff`.
 * A case is closed after it was created, so only closed cases created by `cutoff` are looked at.
 */
export async function deleteClosedBefore(db: CaseDb, cutoff: number): Promise<DeletedCase[]> {
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  return settle(tx, async () => {
    const counts = new CountDelta();
    const deleted: DeletedCase[] = [];
    const range = IDBKeyRange.bound(['closed', 0], ['closed', cutoff]);
    let cursor = await tx.objectStore('cases').index('status_createdAt').openCursor(range);
    for (let scanned = 0; cursor && scanned < RETENTION_SCAN_LIMIT && deleted.length < RETENTION_BATCH; scanned += 1) {
      const found = cursor.value;
      // A closed case without closedAt (older records) counts from its last change.
      if ((found.closedAt ?? found.updatedAt) <= cutoff) deleted.push(await removeCase(tx, found, counts));
      cursor = await cursor.continue();
    }
    await counts.flush(tx);
    if (deleted.length > 0) bumpWriteVersion();
    return deleted;
  });
}

/** Empty every store of the case database in one transaction; returns how many cases there were. */
export async function deleteAllCases(db: CaseDb): Promise<number> {
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  return settle(tx, async () => {
    const count = await tx.objectStore('cases').count();
    await Promise.all(WRITE_STORES.map((store) => tx.objectStore(store).clear()));
    bumpWriteVersion();
    return count;
  });
}
