import { stampLocalChanges } from '../merge/stamp';
import { caseClock } from './case-clock';
import type { Case } from '../domain/case';
import { CASE_LIMITS } from '../domain/limits';
import type { BulkChange } from '../domain/case-views';
import type { PostKey } from '../domain/post';
import type { CaseDb } from '../db/schema';
import { caseWithAssignee, caseWithTags, transitionedCase } from './case-ops';
import { CountDelta } from './counts';
import { CaseStoreError } from './errors';
import { matchingCaseIds, type CaseQueryFilter } from './query';
import { settle, WRITE_STORES, writeCase } from './tx';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/t';

/** Most cases one bulk change touches (one transaction); a larger selection is refused, not cut. */
export const MAX_BULK_CASES = 5_000;

export type BulkTarget = { caseIds: readonly string[] } | { filter: CaseQueryFilter };

export interface BulkResult {
  /** Cases the change was applied to (each got its own timeline entry). */
  changed: number;
  /** Cases already as asked. */
  unchanged: number;
  /** Cases the change does not apply to (e.g. a status move the lifecycle forbids), with why. */
  skipped: { ref: string; reason: string }[];
  /** Ids no longer stored (deleted meanwhile). */
  missing: number;
  postKeys: PostKey[];
}

/**
 * Apply one change (status, assignee, tag) to many cases in ONE transaction. Each case changes
 * as its single edit would (same rules, same timeline entry); a case the change cannot apply to
 * is skipped and named, never half-changed. Any other failure aborts the whole transaction.
 */
export async function bulkUpdate(db: CaseDb, target: BulkTarget, change: BulkChange, at: number): Promise<BulkResult> {
  const ids = 'caseIds' in target ? [...new Set(target.caseIds)] : await matchingCaseIds(db, target.filter);
  if (ids.length > MAX_BULK_CASES) {
    throw new CaseStoreError('bad_request', t('bulkSkip.tooMany', { count: formatNumber(ids.length), max: formatNumber(MAX_BULK_CASES) }));
  }
  const result: BulkResult = { changed: 0, unchanged: 0, skipped: [], missing: 0, postKeys: [] };
  if (ids.length === 0) return result;
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  return settle(tx, async () => {
    const counts = new CountDelta();
    for (const id of ids) {
      const existing = await tx.objectStore('cases').get(id);
      if (!existing) {
        result.missing += 1;
        continue;
      }
      const outcome = changedCase(existing, change, at);
      if ('skipped' in outcome) result.skipped.push({ ref: existing.ref, reason: outcome.skipped });
      else if (outcome.next === null) result.unchanged += 1;
      else {
        await writeCase(tx, stampLocalChanges(existing, outcome.next, caseClock), 'put', counts);
        result.changed += 1;
        result.postKeys.push(existing.postKey);
      }
    }
    await counts.flush(tx);
    return result;
  });
}

/** One case under the change: the case to store, null for "already so", or why it does not apply. */
export function changedCase(existing: Case, change: BulkChange, at: number): { next: Case | null } | { skipped: string } {
  try {
    switch (change.kind) {
      case 'status':
        return { next: transitionedCase(existing, { to: change.to, outcome: change.outcome }, at) };
      case 'assignee':
        return { next: caseWithAssignee(existing, change.assignee, at) };
      case 'addTag': {
        const tags = existing.tags ?? [];
        const has = tags.some((tag) => tag.toLowerCase() === change.tag.trim().toLowerCase());
        if (!has && tags.length >= CASE_LIMITS.tags) return { skipped: t('bulkSkip.tagLimit', { max: formatNumber(CASE_LIMITS.tags) }) };
        return { next: caseWithTags(existing, [...tags, change.tag], at) };
      }
      case 'removeTag': {
        const drop = change.tag.trim().toLowerCase();
        return {
          next: caseWithTags(
            existing,
            (existing.tags ?? []).filter((tag) => tag.toLowerCase() !== drop),
            at,
          ),
        };
      }
    }
  } catch (error) {
    if (error instanceof CaseStoreError) return { skipped: error.message };
    throw error;
  }
}
