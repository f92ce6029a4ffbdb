import type { Case } from '../domain/case';
import type { PostKey } from '../domain/post';
import type { CaseDb } from '../db/schema';
import { caseClock } from '../cases/case-clock';
import { mergeRemoteCases } from '../cases/merge-remote';
import { authoredCase, holdsAll } from '../merge/authored';
import { canonicalJson } from '../merge/canonical';
import { mergeCases, statusConflictEvent } from '../merge/case-merge';
import type { HybridClock } from '../merge/hlc';
import {
  caseBody,
  caseDocId,
  caseOfDocs,
  docsOfCase,
  eventDocId,
  eventDocPrefix,
  noteDocPrefix,
  postKeyOfDocId,
  type CaseDoc,
  type EventDoc,
  type NoteDoc,
} from './docs';
import { Refusals } from './refusals';
import { isConflict, isNotFound, type PouchDoc, type PouchEmitter, type PouchLike } from './pouch';

export type SyncState = 'starting' | 'synced' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Local changes not yet confirmed sent to the server. */
  pending: number;
  /** When the last replication round finished without error (epoch ms). */
  lastSyncAt?: number;
  /** Why the last round failed, as a sentence. */
  error?: string;
}

export interface TeamSyncOptions {
  /** The case store, or how to get its current connection (the background reopens a closed one). */
  db: CaseDb | (() => Promise<CaseDb>);
  /** This install's replica of the team database (pouchdb-browser in the extension). */
  local: PouchLike;
  /** The team database: its URL or a PouchDB handle on it. */
  remote: PouchLike | string;
  /** The agent who writes: the CouchDB user name. */
  agent: string;
  clock?: HybridClock;
  now?: () => number;
  /** Posts whose stored case changed because of the team (to broadcast to the views). */
  onCasesChanged?: (postKeys: PostKey[]) => void;
  onStatus?: (status: SyncStatus) => void;
  /** Delay before the next retry after `delay` ms; PouchDB calls it on each failed attempt. */
  backOff?: (delay: number) => number;
}

const CHECKPOINT_ID = '_local/careside-pull-checkpoint';
/** 1 s, 2 s, 4 s … at most a minute between attempts while the server is away. */
export const defaultBackOff = (delay: number): number => (delay === 0 ? 1_000 : Math.min(delay * 2, 60_000));

/**
 * Two-way sync between the case store (IndexedDB, what the views read) and the team database.
 *
 * push: cases -> this install's PouchDB replica (case doc merged with what the replica holds,
 *       event docs written once)
 * PouchDB replicates the replica with the server, live, retrying with back-off
 * pull: replica changes -> conflicts resolved with the merge (and noted on the timeline) ->
 *       merged into the case store
 *
 * Every step is a merge, so doing one twice, or in any order, gives the same cases. Work runs
 * one step at a time; local edits never wait for the network.
 */
export class TeamSync {
  private readonly clock: HybridClock;
  private readonly now: () => number;
  private queue: Promise<unknown> = Promise.resolve();
  private replication: PouchEmitter | undefined;
  private feed: PouchEmitter | undefined;
  private current: SyncStatus = { state: 'starting', pending: 0 };
  private resolvedRevisions = 0;
  private waitingPush: { keys: Set<PostKey> | undefined; run: Promise<number> } | undefined;
  private waitingPull: Promise<PostKey[]> | undefined;
  private readonly refusals: Refusals;

  constructor(private readonly options: TeamSyncOptions) {
    this.clock = options.clock ?? caseClock;
    this.now = options.now ?? Date.now;
    this.refusals = new Refusals(options.local);
  }

  get status(): SyncStatus {
    return this.current;
  }

  /** Conflicting case revisions this install merged and removed since it started (for the bench). */
  get conflictsResolved(): number {
    return this.resolvedRevisions;
  }

  /**
   * Write these cases (all when omitted) into the replica; resolves when they are in it. Pushes
   * asked for while one waits its turn join it (one batch, not one round per local write).
   */
  push(postKeys?: readonly PostKey[]): Promise<number> {
    const waiting = this.waitingPush;
    if (waiting) {
      if (!postKeys) waiting.keys = undefined;
      else if (waiting.keys) for (const key of postKeys) waiting.keys.add(key);
      return waiting.run;
    }
    const batch: { keys: Set<PostKey> | undefined; run: Promise<number> } = {
      keys: postKeys && new Set(postKeys),
      run: Promise.resolve(0),
    };
    batch.run = this.enqueue(() => {
      this.waitingPush = undefined;
      return this.pushNow(batch.keys && [...batch.keys]);
    });
    this.waitingPush = batch;
    return batch.run;
  }

  /**
   * Merge what the replica received since the last pull into the case store. A pull asked for
   * while one waits its turn is that one: it reads every change up to when it starts.
   */
  pull(): Promise<PostKey[]> {
    if (this.waitingPull) return this.waitingPull;
    const run = this.enqueue(() => {
      this.waitingPull = undefined;
      return this.pullNow();
    });
    this.waitingPull = run;
    return run;
  }

  /** One full round, for tests and "Sync now": push, replicate both ways once, pull. */
  async syncOnce(): Promise<void> {
    await this.push();
    const result = (await this.options.local.sync(this.options.remote)) as { push?: { errors?: unknown[] } } | undefined;
    for (const error of result?.push?.errors ?? []) {
      const refusal = refusalOf(error);
      await this.refusals.add(refusal.id, refusal.reason);
    }
    this.settled();
    await this.pull();
  }

  /** Live replication with retry and back-off; each change that arrives is pulled in. */
  start(): void {
    if (this.replication) return;
    const { local, remote } = this.options;
    const replication = local.sync(remote, { live: true, retry: true, back_off_function: this.options.backOff ?? defaultBackOff });
    // The two-way handle's "paused" drops the error; each direction reports its failed requests.
    const failing = new Set<PouchEmitter>();
    for (const side of [replication.push, replication.pull]) {
      side
        ?.on('requestError', (error) => {
          failing.add(side);
          this.setStatus({ state: 'offline', error: plainReason(error) });
        })
        .on('active', () => failing.delete(side));
    }
    // A later revision the server took clears that document's refusal (a settled case document).
    replication.push?.on('change', (info) => void this.refusals.forget(writtenIds(info)).catch(() => undefined));
    replication
      .on('active', () => this.setStatus({ state: 'syncing' }))
      .on('paused', () => {
        if (failing.size === 0) this.settled();
      })
      // The two-way handle wraps the server's refusal: { direction, doc: <the error> }.
      .on('denied', (denial) => void this.refused(refusalOf(denial)))
      .on('error', (error) => this.setStatus({ state: 'error', error: plainReason(error) }));
    this.replication = replication;
    this.feed = local.changes({ since: 'now', live: true }).on('change', () => void this.pull().catch(() => undefined));
    // Refusals from before a restart still show: replication never sends those revisions again.
    void this.refusals
      .load()
      .then(() => (this.refusals.size > 0 ? this.settled() : undefined))
      .catch(() => undefined);
    void this.push().catch((error: unknown) => this.setStatus({ state: 'error', error: plainReason(error) }));
    void this.pull().catch(() => undefined);
  }

  /** The changes the server refused, with its reasons (loaded at start; kept across restarts). */
  refusedChanges(): { id: string; reason: string }[] {
    return this.refusals.list();
  }

  /**
   * The agent gave up on these refused changes: they stop being listed and counted pending. The
   * change itself stays in this browser's case (nothing is deleted); replication never resends it.
   */
  async discardRefused(ids: readonly string[]): Promise<void> {
    const { size } = this.refusals;
    const shown = this.refusals.text();
    await this.refusals.forget(ids);
    const removed = size - this.refusals.size;
    if (removed === 0) return;
    // The status said "refused": say what is left. Any other state keeps its words, less those pending.
    if (this.current.state === 'error' && this.current.error === shown) this.settled();
    else this.setStatus({ pending: Math.max(0, this.current.pending - removed) });
  }

  /** Forget every refusal: Disconnect, where the connection they were refused on goes. */
  clearRefused(): Promise<void> {
    return this.discardRefused(this.refusals.list().map((refusal) => refusal.id));
  }

  /** Replication caught up: synced, unless the server refused changes (then they stay pending, and why). */
  private settled(): void {
    const refused = this.refusals.text();
    if (refused) this.setStatus({ state: 'error', pending: this.refusals.size, error: refused });
    else this.setStatus({ state: 'synced', pending: 0, lastSyncAt: this.now(), error: undefined });
  }

  private async refused(refusal: { id: string; reason: string }): Promise<void> {
    await this.refusals.add(refusal.id, refusal.reason).catch(() => undefined);
    this.setStatus({ state: 'error', pending: Math.max(this.current.pending, this.refusals.size), error: this.refusals.text() });
  }

  /** Stop replicating; what is in the replica stays for next time. */
  async stop(): Promise<void> {
    this.replication?.cancel();
    this.feed?.cancel();
    this.replication = undefined;
    this.feed = undefined;
    await this.queue.catch(() => undefined);
  }

  // ---- push ----

  private async pushNow(postKeys?: readonly PostKey[]): Promise<number> {
    const db = await this.caseDb();
    const cases = postKeys
      ? (await Promise.all(postKeys.map((key) => db.getFromIndex('cases', 'postKey', key)))).filter((item) => item !== undefined)
      : await db.getAll('cases');
    return this.pushBatch(cases);
  }

  /**
   * Many cases in a few requests: read what the replica holds of them at once, then write the
   * missing entry and note documents and the merged case documents in one bulk write, entries
   * first. So replication never carries a case revision (its status "Responded", say) ahead of
   * the entries that explain it: a worker stopped between two writes left the team with the
   * status and without the reply. A case doc that changed meanwhile (409) is pushed again on its own.
   */
  private async pushBatch(cases: readonly Case[]): Promise<number> {
    const { local, agent } = this.options;
    const docs = cases.map((item) => docsOfCase(item, agent));
    const onceDocs = await this.missingOnceDocs(docs.flatMap((entry) => [...entry.eventDocs, ...entry.noteDocs]));
    const held = await local.allDocs<CaseDoc>({ keys: docs.map(({ caseDoc }) => caseDoc._id), include_docs: true });
    const caseWrites: CaseDoc[] = [];
    docs.forEach(({ caseDoc }, index) => {
      const doc = held.rows[index]?.doc ?? undefined;
      const next = caseBody(authoredCase(doc?.case, cases[index]!, agent));
      if (doc && canonicalJson(next) === canonicalJson(doc.case)) return;
      caseWrites.push({ ...caseDoc, case: next, ...(doc?._rev ? { _rev: doc._rev } : {}) });
    });
    const writes = [...onceDocs, ...caseWrites];
    if (writes.length === 0) return 0;
    // Counted before the write: replication may send it and pause before bulkDocs answers.
    this.addPending(writes.length);
    const results = await local.bulkDocs(writes);
    const failed = results.filter((result) => result.error);
    this.addPending(-failed.length);
    let written = writes.length - failed.length;
    const retry = new Set(failed.map((result) => result.id));
    for (const item of cases) if (retry.has(caseDocId(item.postKey))) written += await this.pushCase(item);
    return written;
  }

  /** Write-once documents (events, notes) the replica does not hold yet. */
  private async missingOnceDocs(onceDocs: readonly (EventDoc | NoteDoc)[]): Promise<(EventDoc | NoteDoc)[]> {
    if (onceDocs.length === 0) return [];
    const existing = await this.options.local.allDocs({ keys: onceDocs.map((doc) => doc._id) });
    return onceDocs.filter((_, index) => {
      const row = existing.rows[index];
      return !row || row.error === 'not_found' || row.value?.deleted;
    });
  }

  private addPending(count: number): void {
    if (count !== 0) this.setStatus({ pending: Math.max(0, this.current.pending + count) });
  }

  private async pushCase(item: Case): Promise<number> {
    const { local, agent } = this.options;
    const { caseDoc } = docsOfCase(item, agent);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const held = await getOrUndefined<CaseDoc>(local, caseDoc._id);
      const next = caseBody(authoredCase(held?.case, item, agent));
      if (held && canonicalJson(next) === canonicalJson(held.case)) return 0;
      this.addPending(1);
      try {
        await local.put<CaseDoc>({ ...caseDoc, case: next, ...(held?._rev ? { _rev: held._rev } : {}) });
        return 1;
      } catch (error) {
        this.addPending(-1);
        if (!isConflict(error)) throw error;
      }
    }
    return 0;
  }

  // ---- pull ----

  private async pullNow(): Promise<PostKey[]> {
    const { local } = this.options;
    const checkpoint = await getOrUndefined<PouchDoc & { since: number | string }>(local, CHECKPOINT_ID);
    const changes = await local.changes({ since: checkpoint?.since ?? 0 });
    const postKeys = [...new Set(changes.results.map((change) => postKeyOfDocId(change.id)).filter((key) => key !== undefined))];
    const cases: Case[] = [];
    for (const postKey of postKeys) {
      const item = await this.teamCase(postKey);
      if (item) cases.push(item);
    }
    for (const item of cases) for (const stamp of Object.values(item.clocks ?? {})) this.clock.observe(stamp);
    const merged = await mergeRemoteCases(await this.caseDb(), cases);
    await local.put({ _id: CHECKPOINT_ID, since: changes.last_seq, ...(checkpoint?._rev ? { _rev: checkpoint._rev } : {}) });
    if (merged.rejected.length > 0) {
      this.setStatus({ state: 'error', error: merged.rejected.map((row) => `${row.ref}: ${row.reason}`).join('; ') });
    }
    if (merged.postKeys.length > 0) this.options.onCasesChanged?.(merged.postKeys);
    return merged.postKeys;
  }

  /** The team's case for a post: its case document (conflicts resolved first), event and note documents. */
  private async teamCase(postKey: PostKey): Promise<Case | undefined> {
    const { local } = this.options;
    let caseDoc = await getOrUndefined<CaseDoc>(local, caseDocId(postKey), { conflicts: true });
    if (!caseDoc || caseDoc._deleted) return undefined; // Its events arrived first; the case doc's own change brings it.
    if (caseDoc._conflicts && caseDoc._conflicts.length > 0) caseDoc = { ...caseDoc, case: caseBody(await this.resolveConflicts(caseDoc)) };
    const eventDocs = await this.docsFrom<EventDoc>(eventDocPrefix(postKey), 'event');
    const noteDocs = await this.docsFrom<NoteDoc>(noteDocPrefix(postKey), 'note');
    const result = caseOfDocs(caseDoc, eventDocs, noteDocs);
    if (!result.ok) {
      this.setStatus({ state: 'error', error: result.error });
      return undefined;
    }
    return result.case;
  }

  private async docsFrom<T extends EventDoc | NoteDoc>(prefix: string, kind: T['kind']): Promise<T[]> {
    const rows = await this.options.local.allDocs<T>({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true });
    return rows.rows.map((row) => row.doc).filter((doc): doc is T => !!doc && doc.kind === kind);
  }

  /**
   * Two installs changed the same case between replications: CouchDB kept one revision and
   * flagged the others. This install's store gets the merge of them all. On the team database,
   * the merge is written over the revision it changes only under this agent's stamps (the
   * server refuses another agent's: authoredCase), and the revisions it then holds entirely
   * are deleted, with a timeline entry when the statuses differed. A conflict this agent
   * cannot settle alone (a teammate's fields newer than every revision) stays for that
   * teammate's install; every install settling it arrives at the same document and entry.
   */
  private async resolveConflicts(winner: CaseDoc): Promise<Case> {
    const { local, agent } = this.options;
    // A revision replaced meanwhile can be gone from the replica: settle the rest; the next pull sees what replaced it.
    const losers = await Promise.all((winner._conflicts ?? []).map((rev) => getOrUndefined<CaseDoc>(local, winner._id, { rev })));
    const leaves = [winner, ...losers.filter((doc) => doc !== undefined)];
    const merged = leaves.map((doc) => doc.case as Case).reduce((acc, item) => mergeCases(acc, item));
    let best: { leaf: CaseDoc; written: Case; settled: CaseDoc[] } | undefined;
    for (const leaf of leaves) {
      const written = authoredCase(leaf.case, merged, agent);
      const settled = leaves.filter((other) => other !== leaf && holdsAll(written, other.case as Case));
      if (!best || settled.length > best.settled.length) best = { leaf, written, settled };
    }
    if (!best || best.settled.length === 0) return merged;
    const { leaf, written, settled } = best;
    const notes: EventDoc[] = [];
    for (const other of settled) {
      const event = statusConflictEvent(leaf.case, other.case, written);
      if (event)
        notes.push({
          _id: eventDocId(merged.postKey, event),
          kind: 'event',
          postKey: merged.postKey,
          author: agent,
          event: { ...event, by: agent },
        });
    }
    const results = await local.bulkDocs([
      { _id: leaf._id, _rev: leaf._rev!, kind: 'case', case: caseBody(written) } as CaseDoc,
      ...settled.map((other) => ({ _id: other._id, _rev: other._rev!, _deleted: true })),
      ...notes,
    ]);
    this.resolvedRevisions += results.slice(1, 1 + settled.length).filter((result) => !result.error).length;
    return merged;
  }

  // ---- plumbing ----

  private caseDb(): Promise<CaseDb> {
    const { db } = this.options;
    return typeof db === 'function' ? db() : Promise.resolve(db);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private setStatus(change: Partial<SyncStatus>): void {
    const next: SyncStatus = { ...this.current, ...change };
    if (next.error === undefined) delete next.error;
    this.current = next;
    this.options.onStatus?.(next);
  }
}

async function getOrUndefined<T extends PouchDoc>(
  db: PouchLike,
  id: string,
  options?: { conflicts?: boolean; rev?: string },
): Promise<T | undefined> {
  try {
    return await db.get<T>(id, options);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The refused document and the server's reason, from a replication's `denied` event. */
function refusalOf(denial: unknown): { id: string; reason: string } {
  const error = typeof denial === 'object' && denial !== null && 'doc' in denial ? denial.doc : denial;
  const id = typeof error === 'object' && error !== null ? (error as { id?: unknown }).id : undefined;
  return { id: typeof id === 'string' ? id : '?', reason: plainReason(error) };
}

/** The ids of the documents a push batch wrote (PouchDB's `change` event of one direction). */
function writtenIds(info: unknown): string[] {
  const docs = typeof info === 'object' && info !== null ? (info as { docs?: unknown }).docs : undefined;
  return Array.isArray(docs)
    ? docs.flatMap((doc: unknown) =>
        typeof doc === 'object' && doc !== null && typeof (doc as { _id?: unknown })._id === 'string' ? [(doc as { _id: string })._id] : [],
      )
    : [];
}

/** A PouchDB/CouchDB error as a sentence ("unauthorized: Name or password is incorrect."). */
export function plainReason(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { reason, message, name, status } = error as { reason?: unknown; message?: unknown; name?: unknown; status?: unknown };
    const text = typeof reason === 'string' ? reason : typeof message === 'string' ? message : '';
    const label = typeof name === 'string' ? name : typeof status === 'number' ? `HTTP ${status}` : 'error';
    return text ? `${label}: ${text}` : label;
  }
  return String(error);
}
