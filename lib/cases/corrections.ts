import type { IDBPTransaction } from 'idb';
import { CorrectionSchema, LEARNING_LIMITS, type Correction } from '../domain/learning';
import type { CaseDb, CaseDbSchema } from '../db/schema';
import { settle } from './tx';

/** Validate before writing: a bug must never store a correction the layer cannot read. */
function validCorrection(candidate: Correction): Correction {
  const parsed = CorrectionSchema.safeParse(candidate);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Refusing to store an invalid correction: ${where.slice(0, 5).join('; ')}`);
  }
  return parsed.data;
}

/**
 * The team's complaint calls (IndexedDB `corrections`, one per post). Each method is one
 * transaction; past LEARNING_LIMITS.corrections the oldest are dropped.
 */
export class CorrectionStore {
  constructor(
    private readonly db: CaseDb,
    private readonly limit: number = LEARNING_LIMITS.corrections,
  ) {}

  /**
   * Store a post's label. The same label again changes nothing (a second click, a case logged twice);
   * resolves to whether anything changed.
   */
  async put(correction: Correction): Promise<boolean> {
    const record = validCorrection(correction);
    const tx = this.db.transaction('corrections', 'readwrite');
    return settle(tx, async () => {
      const existing = await tx.store.get(record.postKey);
      if (existing?.label === record.label) return false;
      await tx.store.put(record);
      await this.trim(tx);
      return true;
    });
  }

  /** Every correction, oldest first (the order the layer is fitted in). */
  all(): Promise<Correction[]> {
    return this.db.getAllFromIndex('corrections', 'at');
  }

  /** Forget every correction; resolves to how many there were. */
  clear(): Promise<number> {
    const tx = this.db.transaction('corrections', 'readwrite');
    return settle(tx, async () => {
      const count = await tx.store.count();
      await tx.store.clear();
      return count;
    });
  }

  /** Replace every correction with these (an import), in one transaction: all or nothing. */
  async replaceAll(corrections: readonly Correction[]): Promise<number> {
    const records = corrections.map(validCorrection);
    const tx = this.db.transaction('corrections', 'readwrite');
    return settle(tx, async () => {
      await tx.store.clear();
      for (const record of records) await tx.store.put(record);
      await this.trim(tx);
      return tx.store.count();
    });
  }

  /** Drop the oldest corrections past the limit. */
  private async trim(tx: IDBPTransaction<CaseDbSchema, ['corrections'], 'readwrite'>): Promise<void> {
    let excess = (await tx.store.count()) - this.limit;
    let cursor = excess > 0 ? await tx.store.index('at').openCursor() : null;
    while (cursor && excess > 0) {
      await cursor.delete();
      excess -= 1;
      cursor = await cursor.continue();
    }
  }
}
