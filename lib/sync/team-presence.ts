import type { PostKey } from '../domain/post';
import { PRESENCE_TTL_MS, type Presence } from '../domain/presence';
import { expiredPresence } from '../agents/presence';
import { DOC_PREFIX, presenceDocId, presenceOfDoc, type PresenceDoc } from './docs';
import { isConflict, isNotFound, type PouchEmitter, type PouchLike } from './pouch';

export interface TeamPresenceOptions {
  /** This install's replica of the team database; the team sync replicates it with the server. */
  local: PouchLike;
  now?: () => number;
  /** How long a published presence lasts unless published again (default 60 s). */
  ttlMs?: number;
}

/**
 * Presence in the team database: `presence:<agentId>:<postKey>` documents, written to this
 * install's replica (live replication carries them to every teammate) and read back from it.
 * The background calls publishPresence while a reply panel is open (again before it expires),
 * clearPresence when it closes (the record expires at once), and shows what onPresence reports (lib/agents/presence.ts decides
 * who is replying from it). Expired documents are purged by whoever sees them.
 */
export class TeamPresence {
  private readonly now: () => number;
  private readonly ttlMs: number;

  constructor(private readonly options: TeamPresenceOptions) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? PRESENCE_TTL_MS;
  }

  /** Say (again) that this agent is replying to the post, for the next ttl. */
  async publishPresence(presence: Omit<Presence, 'expiresAt'>): Promise<Presence> {
    const record: Presence = { ...presence, expiresAt: this.now() + this.ttlMs };
    const _id = presenceDocId(record.agentId, record.postKey);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const held = await this.held(_id);
      try {
        await this.options.local.put<PresenceDoc>({ _id, kind: 'presence', presence: record, ...(held ? { _rev: held._rev } : {}) });
        return record;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    throw new Error(`Could not publish presence on ${record.postKey}: it kept changing.`);
  }

  /**
   * This agent closed the post's reply panel: its presence expires now. A write, not a deletion:
   * it replicates as an ordinary edit (PouchDB Server's validation loses the history of a
   * replicated deletion, which then loses to the live revision), and purgeExpired deletes it later.
   */
  async clearPresence(agentId: string, postKey: PostKey): Promise<void> {
    const held = await this.held(presenceDocId(agentId, postKey));
    const record = presenceOfDoc(held);
    if (!held || !record || record.expiresAt <= this.now()) return;
    try {
      await this.options.local.put<PresenceDoc>({ ...held, presence: { ...record, expiresAt: this.now() } });
    } catch (error) {
      // Refreshed meanwhile (a panel opened again): that write stands.
      if (!isConflict(error)) throw error;
    }
  }

  /** Every valid presence record the replica holds (expired ones included: the reader decides). */
  async current(): Promise<Presence[]> {
    const rows = await this.options.local.allDocs<PresenceDoc>({
      startkey: DOC_PREFIX.presence,
      endkey: `${DOC_PREFIX.presence}\ufff0`,
      include_docs: true,
    });
    return rows.rows.map((row) => presenceOfDoc(row.doc)).filter((record) => record !== undefined);
  }

  /** Delete the expired records; answers how many went. */
  async purgeExpired(): Promise<number> {
    const expired = expiredPresence(await this.current(), this.now());
    for (const record of expired) await this.remove(presenceDocId(record.agentId, record.postKey));
    return expired.length;
  }

  /**
   * Call back with every presence record whenever one arrives, changes or goes (from this
   * install or replicated from a teammate), and once at the start. Returns stop.
   */
  onPresence(listener: (records: Presence[]) => void): () => void {
    let stopped = false;
    const report = () =>
      void this.current()
        .then((records) => (stopped ? undefined : listener(records)))
        .catch((error: unknown) => console.warn('CareSide: could not read presence', error));
    const feed: PouchEmitter = this.options.local.changes({ since: 'now', live: true }).on('change', (change) => {
      if ((change as { id?: string }).id?.startsWith(DOC_PREFIX.presence)) report();
    });
    report();
    return () => {
      stopped = true;
      feed.cancel();
    };
  }

  private async held(id: string): Promise<PresenceDoc | undefined> {
    try {
      return await this.options.local.get<PresenceDoc>(id);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async remove(id: string): Promise<void> {
    const held = await this.held(id);
    if (!held?._rev) return;
    try {
      await this.options.local.put({ _id: id, _rev: held._rev, _deleted: true });
    } catch (error) {
      // Someone refreshed or removed it meanwhile: what they wrote stands.
      if (!isConflict(error) && !isNotFound(error)) throw error;
    }
  }
}
