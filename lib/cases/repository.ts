import { t } from '../i18n/t';
import { CASE_STATUSES, OPEN_STATUSES, type Case, type CaseOutcome, type CaseStatus } from '../domain/case';
import { clampPostText, PLATFORMS, postKeyOf, type Platform, type Post, type PostKey } from '../domain/post';
import { PRIORITIES, type Priority } from '../domain/triage';
import type { CaseDb } from '../db/schema';
import type { BulkChange, CaseSummary } from '../domain/case-views';
import type { TriageAtLog } from '../domain/triage';
import type { Notified } from '../workflow/fields';
import type { ReminderCase, SnoozeOption } from '../workflow/reminders';
import type { ResponseTargets } from '../workflow/targets';
import { attentionSummary, breachingCount, type Attention } from './attention';
import { CorrectionStore } from './corrections';
import { deleteAllCases, deleteCases, deleteClosedBefore, type DeletedCase } from './delete-cases';
import { importCases, type ImportResult } from './import-cases';
import type { ParseImportOptions } from '../transfer/import';
import { queryCases, type CasePage, type CaseQueryFilter } from './query';
import { casesWithRemindersDue, upcomingReminderCases } from './reminder-queries';
import { caseStats, type CaseStats, type StatsOptions } from './stats';
import type { TransitionTarget } from '../workflow/transitions';
import type { Resolution, ResolveUndo } from '../workflow/resolve';
import {
  caseWithAssignee,
  caseWithFullText,
  caseWithBrandReplySeen,
  caseWithEvent,
  caseWithFollowUp,
  caseWithNote,
  caseWithNotified,
  caseWithPriority,
  caseWithTags,
  resolvedCase,
  snoozedCase,
  undoneResolveCase,
  transitionedCase,
  type RecordableEventType,
  type TransitionOnEvent,
} from './case-ops';
import { CaseStoreError } from './errors';
import { distinctAssignees } from './assignees';
import { cryptoRandomFill, generateCaseRef, MAX_REF_ATTEMPTS, refLengthForAttempt, type RandomFill } from '../domain/case-ref';
import { readCounts } from './counts';
import { assigneeKey } from './facts';
import { searchWordsOf } from './words';
import { wordMatchingIds } from './word-search';
import { settle, sum, WRITE_STORES, writeCase } from './tx';
import { stampLocalChanges } from '../merge/stamp';
import { caseClock } from './case-clock';
import type { HybridClock } from '../merge/hlc';
import { bulkUpdate, type BulkResult, type BulkTarget } from './bulk-update';

const NEWEST_COUNT = 5;

export interface LogPostResult {
  case: Case;
  /** False when the post already had a case (logging is idempotent per postKey). */
  created: boolean;
  /** The existing case took the post's whole text (it was logged from a cut one). */
  refreshed?: true;
}

/** The case after an edit, and whether anything was stored. */
export interface CaseChange {
  case: Case;
  changed: boolean;
}

/** Limits an edit to cases of one platform (a content script speaks only for its own site). */
export interface EditGuard {
  /** null: no platform at all may be edited (fail closed for a sender whose site is unknown). */
  platform?: Platform | null | undefined;
}

export interface CaseRepositoryOptions {
  randomFill?: RandomFill;
  newId?: () => string;
  /** Stamps edits (lib/merge/stamp.ts); this install's shared clock unless a test gives one. */
  clock?: HybridClock;
}

/**
 * The case store. Every method is one IndexedDB transaction that awaits nothing but
 * IndexedDB calls (idb's transaction-lifetime rule); every write is validated with CaseSchema.
 */
export class CaseRepository {
  private readonly randomFill: RandomFill;
  private readonly newId: () => string;
  private readonly clock: HybridClock;

  constructor(
    private readonly db: CaseDb,
    options: CaseRepositoryOptions = {},
  ) {
    this.randomFill = options.randomFill ?? cryptoRandomFill;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.clock = options.clock ?? caseClock;
  }

  /**
   * The case for this post, creating it (with a fresh unique ref) if the post has none yet. An
   * existing case logged from a cut text (post.truncated) takes the whole text when `post` has it.
   */
  async logPost(post: Post, brandIds: readonly string[], now: number, triage?: TriageAtLog): Promise<LogPostResult> {
    const postKey = postKeyOf(post.platform, post.postId);
    const tx = this.db.transaction(WRITE_STORES, 'readwrite');
    const cases = tx.objectStore('cases');
    return settle(tx, async () => {
      const existing = await cases.index('postKey').get(postKey);
      if (existing) {
        // Logged from a cut text ("Show more") and now seen whole: keep the whole text.
        const refreshed = caseWithFullText(existing, post, now);
        if (!refreshed) return { case: existing, created: false };
        return { case: await writeCase(tx, refreshed, 'put'), created: false, refreshed: true };
      }

      let ref: string | undefined;
      for (let attempt = 0; attempt < MAX_REF_ATTEMPTS && ref === undefined; attempt += 1) {
        const candidate = generateCaseRef(refLengthForAttempt(attempt), this.randomFill);
        if ((await cases.index('ref').getKey(candidate)) === undefined) ref = candidate;
      }
      if (ref === undefined) throw new CaseStoreError('conflict', `No free case reference after ${MAX_REF_ATTEMPTS} tries`);

      const record = await writeCase(
        tx,
        stampLocalChanges(
          undefined,
          {
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
          },
          this.clock,
        ),
        'add',
      );
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

  /**
   * Move a case through the lifecycle (see lib/workflow/transitions.ts); illegal moves throw a
   * CaseStoreError ('conflict') whose message says why and what to do instead.
   */
  transition(caseId: string, to: TransitionTarget, now: number, outcome?: CaseOutcome, guard?: EditGuard): Promise<CaseChange> {
    return this.edit(caseId, (existing) => transitionedCase(existing, { to, outcome }, now), guard);
  }

  /** Resolve an open case as it ended (responded, handed off, not actionable, spam); returns what Undo needs. */
  async resolve(caseId: string, resolution: Resolution, now: number): Promise<CaseChange & { undo: ResolveUndo }> {
    let undo: ResolveUndo | undefined;
    const change = await this.edit(caseId, (existing) => {
      const result = resolvedCase(existing, resolution, now);
      undo = result.undo;
      return result.next;
    });
    if (!undo) throw new CaseStoreError('conflict', `Case ${caseId} was not resolved`);
    return { ...change, undo };
  }

  /** Undo a resolve while the case is unchanged since (see undoneResolveCase). */
  undoResolve(undo: ResolveUndo, now: number): Promise<CaseChange> {
    return this.edit(undo.caseId, (existing) => undoneResolveCase(existing, undo, now));
  }

  /** Older name for transition without an outcome (closing through it is refused: it needs one). */
  setStatus(caseId: string, status: CaseStatus, now: number, guard?: EditGuard): Promise<CaseChange> {
    return this.transition(caseId, status, now, undefined, guard);
  }

  /** Add a timeline entry reported by another part of the extension, optionally moving the case. */
  recordEvent(
    caseId: string,
    event: { type: RecordableEventType; detail?: string | undefined; channel?: string | undefined },
    now: number,
    transitionTo?: TransitionOnEvent,
    guard?: EditGuard,
  ): Promise<CaseChange> {
    return this.edit(caseId, (existing) => caseWithEvent(existing, event, transitionTo, now), guard);
  }

  /** The brand's reply to the case's post was seen on a page: a "Brand reply seen" entry, once. */
  noteBrandReplySeen(caseId: string, by: string, now: number, guard?: EditGuard): Promise<CaseChange> {
    return this.edit(caseId, (existing) => caseWithBrandReplySeen(existing, by, now), guard);
  }

  addNote(caseId: string, note: { text: string; author?: string | undefined }, now: number): Promise<CaseChange> {
    return this.edit(caseId, (existing) => caseWithNote(existing, { ...note, id: this.newId() }, now));
  }

  setAssignee(caseId: string, assignee: string | null, now: number, guard?: EditGuard): Promise<CaseChange> {
    return this.edit(caseId, (existing) => caseWithAssignee(existing, assignee, now), guard);
  }

  /** Every assignee on a stored case, each once (lib/cases/assignees.ts). */
  assignees(): Promise<string[]> {
    return distinctAssignees(this.db);
  }

  setTags(caseId: string, tags: readonly string[], now: number): Promise<CaseChange> {
    return this.edit(caseId, (existing) => caseWithTags(existing, tags, now));
  }

  setFollowUp(caseId: string, followUpAt: number | null, now: number): Promise<CaseChange> {
    return this.edit(caseId, (existing) => caseWithFollowUp(existing, followUpAt, now));
  }

  snooze(caseId: string, option: SnoozeOption, now: number, timeZone?: string): Promise<CaseChange> {
    return this.edit(caseId, (existing) => snoozedCase(existing, option, now, timeZone));
  }

  setPriority(caseId: string, priority: Priority, now: number): Promise<CaseChange> {
    return this.edit(caseId, (existing) => caseWithPriority(existing, priority, now));
  }

  /** Store reminder marks for many cases in one transaction; cases deleted meanwhile are skipped. */
  async markNotified(patches: readonly { caseId: string; notified: Notified; shown: readonly string[] }[], now: number): Promise<Case[]> {
    if (patches.length === 0) return [];
    const tx = this.db.transaction(WRITE_STORES, 'readwrite');
    return settle(tx, async () => {
      const stored: Case[] = [];
      for (const patch of patches) {
        const existing = await tx.objectStore('cases').get(patch.caseId);
        if (!existing) continue;
        stored.push(await writeCase(tx, caseWithNotified(existing, patch.notified, patch.shown, now)));
      }
      return stored;
    });
  }

  async byId(caseId: string): Promise<Case | undefined> {
    return this.db.get('cases', caseId);
  }

  /**
   * The case with this ref, or the one it was merged into (another install's ref for the same
   * post, kept in aliasRefs). A merged-away ref is found through the word index, which holds
   * alias refs too, so a miss reads a few keys instead of walking the store.
   */
  async byRef(ref: string): Promise<Case | undefined> {
    const direct = await this.db.getFromIndex('cases', 'ref', ref);
    if (direct) return direct;
    const words = searchWordsOf(ref);
    if (words.length === 0) return undefined;
    for (const id of await wordMatchingIds(this.db, words, -Infinity, Infinity)) {
      const candidate = await this.db.get('cases', id);
      if (candidate?.aliasRefs?.includes(ref)) return candidate;
    }
    return undefined;
  }

  // Read models and bulk work live in their own modules; the repository is their one door.

  /** Open cases per priority, breach and nearing counts, the most overdue cases. */
  attention(now: number, targets?: ResponseTargets): Promise<Attention> {
    return attentionSummary(this.db, now, targets);
  }

  breachingCount(now: number, targets?: ResponseTargets): Promise<number> {
    return breachingCount(this.db, now, targets);
  }

  /** One page of the dashboard list. */
  query(filter: CaseQueryFilter, offset: number, limit: number): Promise<CasePage> {
    return queryCases(this.db, filter, offset, limit);
  }

  stats(filter: CaseQueryFilter, options: StatsOptions): Promise<CaseStats> {
    return caseStats(this.db, filter, options);
  }

  /** Import a cases export, JSON or CSV, in one transaction (lib/cases/import-cases.ts). */
  importCases(text: string, now: number, parse: ParseImportOptions = {}): Promise<ImportResult> {
    return importCases(this.db, text, now, { newId: this.newId, parse });
  }

  /** One change to many cases in one transaction (lib/cases/bulk-update.ts). */
  bulkUpdate(target: BulkTarget, change: BulkChange, now: number): Promise<BulkResult> {
    return bulkUpdate(this.db, target, change, now);
  }

  /** Delete these cases (facts and counts too) in one transaction; ids already gone are skipped. */
  deleteCases(caseIds: readonly string[]): Promise<DeletedCase[]> {
    return deleteCases(this.db, caseIds);
  }

  /** One bounded batch of retention: closed cases closed at or before `cutoff`. */
  deleteClosedBefore(cutoff: number): Promise<DeletedCase[]> {
    return deleteClosedBefore(this.db, cutoff);
  }

  /** The team's complaint calls (the adaptive triage layer's training data). */
  get corrections(): CorrectionStore {
    return new CorrectionStore(this.db);
  }

  /** Empty the whole case database; resolves to how many cases it held. */
  deleteAll(): Promise<number> {
    return deleteAllCases(this.db);
  }

  casesWithRemindersDue(since: number, now: number, targets?: ResponseTargets, alsoIds?: readonly string[]): Promise<Case[]> {
    return casesWithRemindersDue(this.db, since, now, targets, alsoIds);
  }

  upcomingReminderCases(now: number, targets?: ResponseTargets): Promise<ReminderCase[]> {
    return upcomingReminderCases(this.db, now, targets);
  }

  /** Read, edit and write one case in one transaction; `edit` returns null for "no change". */
  private edit(caseId: string, edit: (existing: Case) => Case | null, guard: EditGuard = {}): Promise<CaseChange> {
    const tx = this.db.transaction(WRITE_STORES, 'readwrite');
    return settle(tx, async () => {
      const existing = await tx.objectStore('cases').get(caseId);
      if (!existing) throw new CaseStoreError('not_found', t('caseEdit.gone'));
      if (guard.platform !== undefined && existing.platform !== guard.platform) {
        throw new CaseStoreError('forbidden_sender', `A ${guard.platform ?? 'unknown'} tab cannot change a ${existing.platform} case`);
      }
      const next = edit(existing);
      if (next === null) return { case: existing, changed: false };
      return { case: await writeCase(tx, stampLocalChanges(existing, next, this.clock)), changed: true };
    });
  }

  /** Number of cases in an open status (what the badge shows). */
  async openCount(): Promise<number> {
    const tx = this.db.transaction('case_counts', 'readonly');
    const counts = await settle(tx, () => readCounts(tx.store));
    return sum(OPEN_STATUSES.map((status) => counts.get(`status:${status}`) ?? 0));
  }

  /** Open cases assigned to `assignee` (case-insensitive, whole name): the popup's "My cases", from the kept counts. */
  async openAssignedCount(assignee: string): Promise<number> {
    const key = assigneeKey(assignee);
    const tx = this.db.transaction('case_counts', 'readonly');
    const found = await settle(tx, () => Promise.all(OPEN_STATUSES.map((status) => tx.store.get(`assignee_status:${key}:${status}`))));
    return sum(found.map((record) => record?.n ?? 0));
  }

  /**
   * Popup summary from the kept counts (lib/cases/counts.ts) and two short index reads; never
   * counts or loads every case, so it costs the same at 100 or 100,000 cases.
   */
  async summary(): Promise<CaseSummary> {
    const tx = this.db.transaction(['cases', 'case_counts', 'case_facts'], 'readonly');
    const cases = tx.objectStore('cases');
    const awaiting = tx.objectStore('case_facts').index('priority_awaitingSince');

    const [counts, oldestWaiting, newest] = await settle(tx, () =>
      Promise.all([
        readCounts(tx.objectStore('case_counts')),
        // The case waiting longest for a first response, by the response clock: the earliest
        // awaitingSince of the first entry per priority (only open, unanswered cases have one).
        (async () => {
          const firsts = await Promise.all(
            PRIORITIES.map((priority) => awaiting.get(IDBKeyRange.bound([priority, -Infinity], [priority, Infinity]))),
          );
          let oldest: { id: string; awaitingSince: number } | undefined;
          for (const facts of firsts) {
            if (facts?.awaitingSince === undefined) continue;
            if (
              !oldest ||
              facts.awaitingSince < oldest.awaitingSince ||
              (facts.awaitingSince === oldest.awaitingSince && facts.id < oldest.id)
            ) {
              oldest = { id: facts.id, awaitingSince: facts.awaitingSince };
            }
          }
          return oldest ? cases.get(oldest.id) : undefined;
        })(),
        (async () => {
          const found: Case[] = [];
          let cursor = await cases.index('createdAt').openCursor(null, 'prev');
          while (cursor && found.length < NEWEST_COUNT) {
            found.push(cursor.value);
            cursor = await cursor.continue();
          }
          return found;
        })(),
      ]),
    );
    const statusCounts = CASE_STATUSES.map((status) => counts.get(`status:${status}`) ?? 0);
    const platformCounts = PLATFORMS.map((platform) =>
      sum(OPEN_STATUSES.map((status) => counts.get(`platform_status:${platform}:${status}`) ?? 0)),
    );

    const byStatus = Object.fromEntries(CASE_STATUSES.map((status, i) => [status, statusCounts[i] ?? 0])) as Record<CaseStatus, number>;
    const byPlatform = Object.fromEntries(PLATFORMS.map((platform, i) => [platform, platformCounts[i] ?? 0])) as Record<Platform, number>;
    return {
      openTotal: sum(OPEN_STATUSES.map((status) => byStatus[status])),
      byStatus,
      byPlatform,
      oldestWaiting: oldestWaiting ?? null,
      newest,
    };
  }
}
