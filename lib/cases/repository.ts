import type { IDBPTransaction } from 'idb';
import { CASE_STATUSES, CaseSchema, OPEN_STATUSES, type Case, type CaseStatus } from '../domain/case';
import { clampPostText, PLATFORMS, postKeyOf, type Platform, type Post, type PostKey } from '../domain/post';
import type { CaseDb, CaseDbSchema } from '../db/schema';
import type { CaseSummary, TriageAtLog } from '../messaging/protocol';
import { CaseStoreError } from './errors';
import { cryptoRandomFill, generateCaseRef, MAX_REF_ATTEMPTS, refLengthForAttempt, type RandomFill } from './ref';

const NEWEST_COUNT = 5;

export interface LogPostResult {
  case: Case;
  /** False when the post already had a case (logging is idempotent per postKey). */
  created: boolean;
}

export interface SetStatusResult {
  case: Case;
  changed: boolean;
}

export interface CaseRepositoryOptions {
  randomFill?: RandomFill;
  newId?: () => string;
}

/**
 * The case store. Every method is one IndexedDB transaction that awaits nothing but
 * IndexedDB calls (idb's transaction-lifetime rule); every write is validated with CaseSchema.
 */
export class CaseRepository {
  private readonly randomFill: RandomFill;
  private readonly newId: () => string;

  constructor(
    private readonly db: CaseDb,
    options: CaseRepositoryOptions = {},
  ) {
    this.randomFill = options.randomFill ?? cryptoRandomFill;
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** The case for this post, creating it (with a fresh unique ref) if the post has none yet. */
  async logPost(post: Post, brandIds: readonly string[], now: number, triage?: TriageAtLog): Promise<LogPostResult> {
    const postKey = postKeyOf(post.platform, post.postId);
    const tx = this.db.transaction('cases', 'readwrite');
    return settle(tx, async () => {
      const existing = await tx.store.index('postKey').get(postKey);
      if (existing) return { case: existing, created: false };

      let ref: string | undefined;
      for (let attempt = 0; attempt < MAX_REF_ATTEMPTS && ref === undefined; attempt += 1) {
        const candidate = generateCaseRef(refLengthForAttempt(attempt), this.randomFill);
        if ((await tx.store.index('ref').getKey(candidate)) === undefined) ref = candidate;
      }
      if (ref === undefined) throw new CaseStoreError('conflict', `No free case reference after ${MAX_REF_ATTEMPTS} tries`);

      const record = validCase({
        id: this.newId(),
        ref,
        postKey,
        platform: post.platform,
        post: { ...post, text: clampPostText(post.text) },
        brandIds: [...new Set(brandIds)],
        status: 'new',
        createdAt: now,
        updatedAt: now,
        ...(triage ? { priority: triage.priority, category: triage.category, triage: triage.snapshot } : {}),
        events: [{ at: now, type: 'logged' }],
      });
      await tx.store.add(record);
      return { case: record, created: true };
    });
  }

  /** Cases for the given posts, in the order asked; posts without a case are left out. */
  async byPostKeys(postKeys: readonly PostKey[]): Promise<Case[]> {
    const unique = [...new Set(postKeys)];
    const tx = this.db.transaction('cases', 'readonly');
    const index = tx.store.index('postKey');
    const found = await settle(tx, () => Promise.all(unique.map((key) => index.get(key))));
    return found.filter((item): item is Case => item !== undefined);
  }

  async setStatus(caseId: string, status: CaseStatus, now: number): Promise<SetStatusResult> {
    const tx = this.db.transaction('cases', 'readwrite');
    return settle(tx, async () => {
      const existing = await tx.store.get(caseId);
      if (!existing) throw new CaseStoreError('not_found', `No case with id ${caseId}`);
      if (existing.status === status) return { case: existing, changed: false };
      const updated = validCase({ ...existing, status, updatedAt: Math.max(now, existing.updatedAt) });
      await tx.store.put(updated);
      return { case: updated, changed: true };
    });
  }

  /** Number of cases in an open status (what the badge shows). */
  async openCount(): Promise<number> {
    const tx = this.db.transaction('cases', 'readonly');
    const index = tx.store.index('status');
    const counts = await settle(tx, () => Promise.all(OPEN_STATUSES.map((status) => index.count(status))));
    return sum(counts);
  }

  /** Popup summary from index counts and short cursors; never loads every case. */
  async summary(): Promise<CaseSummary> {
    const tx = this.db.transaction('cases', 'readonly');
    const byStatusIndex = tx.store.index('status');
    const byPlatformStatus = tx.store.index('platform_status');
    const byStatusCreated = tx.store.index('status_createdAt');
    const byCreated = tx.store.index('createdAt');

    const [statusCounts, platformCounts, oldestWaiting, newest] = await settle(tx, () =>
      Promise.all([
        Promise.all(CASE_STATUSES.map((status) => byStatusIndex.count(status))),
        Promise.all(
          PLATFORMS.map(async (platform) =>
            sum(await Promise.all(OPEN_STATUSES.map((status) => byPlatformStatus.count([platform, status])))),
          ),
        ),
        // First entry of ['new', *] in createdAt order = the longest-waiting new case.
        byStatusCreated.get(IDBKeyRange.bound(['new', 0], ['new', Infinity])),
        (async () => {
          const cases: Case[] = [];
          let cursor = await byCreated.openCursor(null, 'prev');
          while (cursor && cases.length < NEWEST_COUNT) {
            cases.push(cursor.value);
            cursor = await cursor.continue();
          }
          return cases;
        })(),
      ]),
    );

    const byStatus = Object.fromEntries(CASE_STATUSES.map((status, i) => [status, statusCounts[i] ?? 0])) as Record<
      CaseStatus,
      number
    >;
    const byPlatform = Object.fromEntries(PLATFORMS.map((platform, i) => [platform, platformCounts[i] ?? 0])) as Record<
      Platform,
      number
    >;
    return {
      openTotal: sum(OPEN_STATUSES.map((status) => byStatus[status])),
      byStatus,
      byPlatform,
      oldestWaiting: oldestWaiting ?? null,
      newest,
    };
  }
}

function validCase(candidate: Case): Case {
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
async function settle<T, Mode extends IDBTransactionMode>(
  tx: IDBPTransaction<CaseDbSchema, ['cases'], Mode>,
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

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
