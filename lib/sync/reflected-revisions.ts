/**
 * The replica revisions whose content the case store already holds: what this install wrote
 * from the store, and what a pull merged into it. A pull skips a document whose every leaf
 * revision is one of these, so an install never reads back and re-merges its own writes (before,
 * each local edit cost a second pass: the replica's change feed pulled the case it had just
 * pushed, re-reading every entry document of it).
 *
 * Only a revision written over one the store holds counts: a write over a teammate's revision
 * that arrived but was not pulled yet carries that teammate's fields, so the pull must still see it.
 * Held in memory for one sync session; a restart pulls from its checkpoint as before.
 */
export class ReflectedRevisions {
  private readonly byId = new Map<string, Set<string>>();

  /** The store holds this revision of the document. */
  has(id: string, rev: string | undefined): boolean {
    return rev !== undefined && (this.byId.get(id)?.has(rev) ?? false);
  }

  /** Every one of these leaf revisions is held (a change row of the replica's feed, all_docs style). */
  hasAll(id: string, revs: readonly string[]): boolean {
    return revs.length > 0 && revs.every((rev) => this.has(id, rev));
  }

  /** The store holds these revisions (a pull merged them, or they were written from it). */
  add(id: string, revs: readonly string[]): void {
    let held = this.byId.get(id);
    if (!held) this.byId.set(id, (held = new Set()));
    for (const rev of revs) held.add(rev);
  }

  /**
   * This install wrote `rev` over `parent` (undefined: a new document). Held only when the
   * parent was; the parent is no longer a leaf, so it is dropped.
   */
  wrote(id: string, rev: string | undefined, parent: string | undefined): void {
    if (rev === undefined) return;
    if (parent !== undefined && !this.has(id, parent)) return;
    if (parent !== undefined) this.byId.get(id)?.delete(parent);
    this.add(id, [rev]);
  }
}
