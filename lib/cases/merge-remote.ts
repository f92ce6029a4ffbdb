import type { Case } from '../domain/case';
import type { PostKey } from '../domain/post';
import type { CaseDb } from '../db/schema';
import { planImport } from '../transfer/plan';
import { CountDelta } from './counts';
import { storedMatches } from './import-cases';
import { settle, WRITE_STORES, writeCase } from './tx';

export interface RemoteMergeResult {
  /** Posts whose stored case was added or changed. */
  postKeys: PostKey[];
  /** Cases that could not be merged, with the reason (an invalid merge result). */
  rejected: { ref: string; reason: string }[];
}

/**
 * Merge cases that arrived from the team database into the store, in one transaction, by the
 * same plan as an import (lib/transfer/plan.ts: merge by post key with lib/merge, keep the
 * stored id, fresh id or ref on a clash) but without an "Imported" timeline entry. A case
 * identical to the stored one writes nothing, so replication never loops.
 */
export async function mergeRemoteCases(db: CaseDb, incoming: readonly Case[]): Promise<RemoteMergeResult> {
  if (incoming.length === 0) return { postKeys: [], rejected: [] };
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  return settle(tx, async () => {
    const { existing, takenIds, takenRefs } = await storedMatches(tx, incoming);
    const rows = { total: incoming.length, valid: incoming.map((item, index) => ({ index, case: item })), rejected: [], warnings: [] };
    const plan = planImport(existing, rows, { takenIds, takenRefs });
    const counts = new CountDelta();
    await Promise.all([
      ...plan.add.map((added) => writeCase(tx, added, 'add', counts)),
      ...plan.update.map((updated) => writeCase(tx, updated, 'put', counts)),
    ]);
    await counts.flush(tx.objectStore('case_counts'));
    return {
      postKeys: [...plan.add, ...plan.update].map((item) => item.postKey),
      rejected: plan.report.rejected.map((row) => ({ ref: row.ref ?? '?', reason: row.reason })),
    };
  });
}
