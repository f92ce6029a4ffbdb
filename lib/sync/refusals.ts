import { refusedText } from './sync-error-text';
import { isNotFound, type PouchLike } from './pouch';

const REFUSALS_ID = '_local/careside-refused';

interface RefusalsDoc {
  _id: string;
  _rev?: string;
  /** Document id -> the server's reason. */
  refused: Record<string, string>;
}

/**
 * The documents the team server refused (validate_doc_update), with its reasons. Replication
 * never sends a refused revision again, so without this record a refusal would show once and be
 * overwritten by the next "synced": the change would stay behind with nothing saying why. Kept
 * in the replica (a `_local` document, never replicated) so a restarted worker still says it.
 */
export class Refusals {
  private readonly byId = new Map<string, string>();
  private saving: Promise<unknown> = Promise.resolve();

  constructor(private readonly local: PouchLike) {}

  get size(): number {
    return this.byId.size;
  }

  /** The status error for what is refused ("The server refused 2 changes: …"), or undefined. */
  text(): string | undefined {
    const [first] = this.byId.values();
    return first === undefined ? undefined : refusedText(this.byId.size, first);
  }

  async load(): Promise<void> {
    try {
      const doc = await this.local.get<RefusalsDoc>(REFUSALS_ID);
      for (const [id, reason] of Object.entries(doc.refused)) this.byId.set(id, reason);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  add(id: string, reason: string): Promise<void> {
    if (this.byId.get(id) === reason) return this.saving.then(() => undefined);
    this.byId.set(id, reason);
    return this.save();
  }

  /** Each refused document and the server's reason, in the order they were refused. */
  list(): { id: string; reason: string }[] {
    return [...this.byId].map(([id, reason]) => ({ id, reason }));
  }

  /**
   * Stop listing these documents: they reached the server (a later revision of a refused case
   * document, say), or the agent discarded them (the change stays in this browser, unsent).
   */
  forget(ids: readonly string[]): Promise<void> {
    let changed = false;
    for (const id of ids) changed = this.byId.delete(id) || changed;
    return changed ? this.save() : this.saving.then(() => undefined);
  }

  /** Forget every refusal (Disconnect: the connection they were refused on is gone). */
  clear(): Promise<void> {
    return this.forget([...this.byId.keys()]);
  }

  private save(): Promise<void> {
    const refused = Object.fromEntries(this.byId);
    const run = this.saving.then(async () => {
      const held = await this.local.get<RefusalsDoc>(REFUSALS_ID).catch(() => undefined);
      await this.local.put<RefusalsDoc>({ _id: REFUSALS_ID, refused, ...(held?._rev ? { _rev: held._rev } : {}) });
    });
    this.saving = run.catch(() => undefined);
    return run;
  }
}
