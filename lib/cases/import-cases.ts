import type { Case } from '../domain/case';
import type { PostKey } from '../domain/post';
import type { CaseDb } from '../db/schema';
import { parseCasesImport, type ParsedImport, type ParseImportOptions } from '../transfer/import';
import { planImport, summarizeImport, type ImportPlan, type ImportReport } from '../transfer/plan';
import { CountDelta } from './counts';
import { CaseStoreError } from './errors';
import { appendEvents } from './events';
import { writeCheckedCases } from './bulk-write';
import { settle, WRITE_STORES, type WriteTx } from './tx';

export interface ImportResult {
  report: ImportReport;
  /** One sentence for the person importing (lib/transfer/plan.ts summarizeImport). */
  summary: string;
  /** Posts whose case was added or changed. */
  postKeys: PostKey[];
}

/** A random ref can, rarely, hit a stored ref the plan did not know about; re-plan that many times. */
const MAX_PLAN_ATTEMPTS = 5;

/**
 * Import a cases export, JSON or CSV (lib/transfer), in ONE transaction: duplicates by postKey merge into the
 * stored case, new cases are added, every write is validated, and any failure rolls back the
 * whole import. A file that cannot be read at all throws 'bad_request' before anything is opened.
 */
export async function importCases(
  db: CaseDb,
  text: string,
  now: number,
  options: { newId?: () => string; parse?: ParseImportOptions } = {},
): Promise<ImportResult> {
  const parsed = parseCasesImport(text, { ...(options.newId ? { newId: options.newId } : {}), ...options.parse });
  if (!parsed.ok) throw new CaseStoreError('bad_request', parsed.error.message);
  try {
    return await importRows(db, parsed.rows, now, options.newId, 'optimistic');
  } catch (error) {
    // A stored case of another post holds an id or ref of the file: the write was refused and
    // rolled back whole; plan again knowing every taken id and ref.
    if (!(error instanceof CaseStoreError) || error.code !== 'conflict') throw error;
    return importRows(db, parsed.rows, now, options.newId, 'careful');
  }
}

/**
 * 'optimistic' reads only the stored case of each post (merges need it) and lets the unique
 * keys refuse an id or ref another post already holds (then nothing is stored); 'careful' also
 * reads whether each id and ref is taken, so the plan gives such a case a new one: three reads a
 * case instead of one.
 */
function importRows(db: CaseDb, rows: ParsedImport, now: number, newId: (() => string) | undefined, mode: 'optimistic' | 'careful') {
  const tx = db.transaction(WRITE_STORES, 'readwrite');
  return settle(tx, async () => {
    const incoming = rows.valid.map((row) => row.case);
    const { existing, takenIds, takenRefs } = mode === 'careful' ? await storedMatches(tx, incoming) : await storedCases(tx, incoming);

    let plan: ImportPlan | undefined;
    for (let attempt = 0; attempt < MAX_PLAN_ATTEMPTS && plan === undefined; attempt += 1) {
      const candidate = planImport(existing, rows, { takenIds, takenRefs, ...(newId ? { newId } : {}) });
      const clashes = await refsAlreadyStored(
        tx,
        candidate.add,
        rows.valid.map((row) => row.case.ref),
      );
      if (clashes.length === 0) plan = candidate;
      else for (const ref of clashes) takenRefs.add(ref);
    }
    if (!plan) throw new CaseStoreError('conflict', 'Could not find free case references for the imported cases. Nothing was imported.');

    const entry = { at: now, type: 'imported' as const };
    const counts = new CountDelta();
    // Each row was checked against CaseSchema when the file was read and each merge when it was
    // planned; the timeline entry appended here keeps the case valid (appendEvents caps it).
    await writeCheckedCases(
      tx,
      [
        ...plan.add.map((added) => ({ record: withEvent(added, { ...entry, detail: 'Imported' }) })),
        ...plan.update.map((updated) => ({
          record: withEvent(updated, { ...entry, detail: 'Merged from an import' }),
          before: existing.get(updated.postKey),
        })),
      ],
      counts,
    );
    await counts.flush(tx);
    return {
      report: plan.report,
      summary: summarizeImport(plan.report),
      postKeys: [...plan.add, ...plan.update].map((item) => item.postKey),
    };
  });
}

/** What the store already holds for these cases: the stored case of each post, and the ids and refs in use. */
export async function storedMatches(
  tx: WriteTx,
  incoming: readonly Pick<Case, 'postKey' | 'id' | 'ref'>[],
): Promise<{ existing: Map<PostKey, Case>; takenIds: Set<string>; takenRefs: Set<string> }> {
  const cases = tx.objectStore('cases');
  const existing = new Map<PostKey, Case>();
  const takenIds = new Set<string>();
  const takenRefs = new Set<string>();
  await Promise.all(
    incoming.map(async (item) => {
      const [stored, idTaken, refTaken] = await Promise.all([
        cases.index('postKey').get(item.postKey),
        cases.getKey(item.id),
        cases.index('ref').getKey(item.ref),
      ]);
      if (stored) existing.set(item.postKey, stored);
      if (idTaken !== undefined) takenIds.add(item.id);
      if (refTaken !== undefined) takenRefs.add(item.ref);
    }),
  );
  return { existing, takenIds, takenRefs };
}

/** The stored case of each incoming post; ids and refs are left to the unique keys to check. */
async function storedCases(
  tx: WriteTx,
  incoming: readonly Pick<Case, 'postKey'>[],
): Promise<{ existing: Map<PostKey, Case>; takenIds: Set<string>; takenRefs: Set<string> }> {
  const byPostKey = tx.objectStore('cases').index('postKey');
  const stored = await Promise.all(incoming.map((item) => byPostKey.get(item.postKey)));
  const existing = new Map<PostKey, Case>();
  for (const found of stored) if (found) existing.set(found.postKey, found);
  return { existing, takenIds: new Set(), takenRefs: new Set() };
}

/** Refs the plan gave new cases that some stored case already uses (only generated refs can). */
async function refsAlreadyStored(tx: WriteTx, added: readonly Case[], fileRefs: readonly string[]): Promise<string[]> {
  const fromFile = new Set(fileRefs);
  const generated = added.filter((item) => !fromFile.has(item.ref));
  const found = await Promise.all(generated.map((item) => tx.objectStore('cases').index('ref').getKey(item.ref)));
  return generated.filter((_, i) => found[i] !== undefined).map((item) => item.ref);
}

function withEvent(item: Case, event: { at: number; type: 'imported'; detail: string }): Case {
  return { ...item, events: appendEvents(item.events, event) };
}
