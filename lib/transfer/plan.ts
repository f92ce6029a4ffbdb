import { generateCaseRef, MAX_REF_ATTEMPTS, refLengthForAttempt } from '../domain/case-ref';
import type { PostKey } from '../domain/post';
import { formatIssue, issuesFromZod } from '../validation/issues';
import type { ParsedImport, RejectedRow, RowWarning } from './import';
import { CaseSchema, type Case } from '../domain/case';
import { mergeCases } from '../merge/case-merge';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/t';

export interface ImportReport {
  /** Rows added as new cases. */
  accepted: { index: number; ref: string }[];
  /** Rows that were the same post as a stored case (or an earlier row) and were merged into it. */
  merged: { index: number; ref: string; into: string }[];
  /** Rows identical to what is stored already. */
  unchanged: { index: number; ref: string }[];
  rejected: RejectedRow[];
  warnings: RowWarning[];
}

export interface ImportPlan {
  /** New cases to add. */
  add: Case[];
  /** Stored cases to overwrite with their merged version (same id and ref as stored). */
  update: Case[];
  report: ImportReport;
}

export interface PlanImportOptions {
  /** Every case id in the store, so a clash becomes a fresh id instead of a failed write. */
  takenIds?: ReadonlySet<string>;
  /** Every case ref in the store: refs from another install often clash (4 digits). */
  takenRefs?: ReadonlySet<string>;
  newId?: () => string;
  /** A ref not yet in use; `isTaken` knows the store's refs and the ones planned so far. */
  newRef?: (isTaken: (ref: string) => boolean) => string;
}

interface Pending {
  case: Case;
  stored?: Case;
}

/**
 * Decide what an import does, without doing it, so the store can apply the whole plan in
 * one transaction (all or nothing). Duplicates are found by postKey: the version with the
 * newer updatedAt wins, notes, tags and brands are unioned, and the stored case keeps its
 * id and ref (the ref is what people already know it by).
 */
export function planImport(
  existingByPostKey: ReadonlyMap<PostKey, Case>,
  incoming: ParsedImport,
  options: PlanImportOptions = {},
): ImportPlan {
  const usedIds = new Set(options.takenIds);
  const usedRefs = new Set(options.takenRefs);
  for (const stored of existingByPostKey.values()) {
    usedIds.add(stored.id);
    usedRefs.add(stored.ref);
  }
  const newId = options.newId ?? (() => crypto.randomUUID());
  const newRef = options.newRef ?? defaultNewRef;

  const report: ImportReport = {
    accepted: [],
    merged: [],
    unchanged: [],
    rejected: [...incoming.rejected],
    warnings: [...incoming.warnings],
  };
  const pending = new Map<PostKey, Pending>();

  for (const { index, line, case: row } of incoming.valid) {
    const where = line === undefined ? { index } : { index, line };
    const earlier = pending.get(row.postKey);
    const stored = existingByPostKey.get(row.postKey);
    const base = earlier?.case ?? stored;

    if (base) {
      const merged = mergeIntoStored(base, row, (ref) => usedRefs.has(ref));
      const checked = CaseSchema.safeParse(merged);
      if (!checked.success) {
        const reasons = issuesFromZod(checked.error, merged).map((issue) => formatIssue(issue, (path) => path.join('.')));
        report.rejected.push({
          ...where,
          ref: row.ref,
          reason: t('importRow.mergeInvalid', { ref: base.ref, reasons: reasons.slice(0, 2).join(t('importRow.issueSeparator')) }),
        });
        continue;
      }
      usedRefs.add(checked.data.ref);
      pending.set(row.postKey, { case: checked.data, stored: earlier ? earlier.stored : stored });
      if (sameAfterMerge(checked.data, base)) report.unchanged.push({ index, ref: base.ref });
      else report.merged.push({ index, ref: row.ref, into: base.ref });
      continue;
    }

    let added = row;
    if (usedIds.has(added.id)) added = { ...added, id: freshId(newId, usedIds) };
    if (usedRefs.has(added.ref)) {
      const ref = newRef((candidate) => usedRefs.has(candidate));
      if (usedRefs.has(ref)) throw new Error(`newRef returned ${ref}, which is already taken`);
      report.warnings.push({ ...where, ref: row.ref, message: t('importRow.refTaken', { ref: row.ref, newRef: ref }) });
      added = { ...added, ref };
    }
    usedIds.add(added.id);
    usedRefs.add(added.ref);
    pending.set(row.postKey, { case: added });
    report.accepted.push({ index, ref: added.ref });
  }

  const add: Case[] = [];
  const update: Case[] = [];
  for (const entry of pending.values()) {
    if (!entry.stored) add.push(entry.case);
    else if (!sameAfterMerge(entry.case, entry.stored)) update.push(entry.case);
  }
  report.rejected.sort((a, b) => a.index - b.index);
  report.warnings.sort((a, b) => a.index - b.index);
  return { add, update, report };
}

/**
 * One case from a stored copy and an imported one: the team merge (lib/merge/case-merge.ts), so
 * an import settles the same way replication does. The stored record keeps its local id; the
 * ref is the one the merge picks (the earliest-logged copy's), unless another stored case
 * already uses it, then the stored ref stays and the other becomes an alias.
 */
export function mergeIntoStored(base: Case, other: Case, refTakenElsewhere: (ref: string) => boolean = () => false): Case {
  const merged: Case = { ...mergeCases(base, other), id: base.id };
  if (merged.ref === base.ref || !refTakenElsewhere(merged.ref)) return merged;
  const aliases = [...new Set([...(merged.aliasRefs ?? []).filter((ref) => ref !== base.ref), merged.ref])].sort();
  return { ...merged, ref: base.ref, aliasRefs: aliases };
}

/** A sentence for the dashboard in the UI language, e.g. "Imported 3 new cases, merged 1 into existing cases, 2 already up to date. Rejected 1: row 4: …." */
export function summarizeImport(report: ImportReport): string {
  const count = (n: number) => formatNumber(n);
  const parts = [t('importReport.imported', report.accepted.length, { count: count(report.accepted.length) })];
  if (report.merged.length > 0) parts.push(t('importReport.merged', { count: count(report.merged.length) }));
  if (report.unchanged.length > 0) parts.push(t('importReport.unchanged', { count: count(report.unchanged.length) }));
  const counts = parts.join(t('importReport.partSeparator'));
  if (report.rejected.length === 0) return t('importReport.summary', { counts });
  const rows = report.rejected
    .slice(0, 3)
    .map((row) => rowReason(rowLabel(row), row.reason))
    .join(t('importReport.rowSeparator'));
  const more = report.rejected.length - 3;
  return more > 0
    ? t('importReport.summaryRejectedMore', { counts, count: count(report.rejected.length), rows, more: count(more) })
    : t('importReport.summaryRejected', { counts, count: count(report.rejected.length), rows });
}

/** "line 7" for a CSV row (where it starts in the file), "row 3" for a JSON one (its place in the list). */
export function rowName(row: { index: number; line?: number | undefined }): string {
  return row.line === undefined ? t('importReport.row', { n: String(row.index + 1) }) : t('importReport.line', { n: String(row.line) });
}

/** "line 7 (CS-7F3K)", or "row 3" when the row had no well-formed ref. */
export function rowLabel(row: { index: number; line?: number | undefined; ref?: string | undefined }): string {
  const name = rowName(row);
  return row.ref ? t('importReport.rowWithRef', { row: name, ref: row.ref }) : name;
}

/** "line 7 (CS-7F3K): Status: …". */
export function rowReason(label: string, reason: string): string {
  return t('importReport.rowReason', { row: label, reason });
}

function freshId(newId: () => string, used: ReadonlySet<string>): string {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const id = newId();
    if (!used.has(id)) return id;
  }
  throw new Error('Could not find a free case id');
}

function defaultNewRef(isTaken: (ref: string) => boolean): string {
  for (let attempt = 0; attempt < MAX_REF_ATTEMPTS; attempt += 1) {
    const ref = generateCaseRef(refLengthForAttempt(attempt));
    if (!isTaken(ref)) return ref;
  }
  throw new Error(`No free case reference after ${MAX_REF_ATTEMPTS} tries`);
}

/**
 * True when `merged` says nothing `stored` did not: equal to the stored case in the merge's
 * normal form (a case from before clocks gains its derived clocks when merged with itself), so
 * importing the same file twice reports "already up to date" and writes nothing.
 */
function sameAfterMerge(merged: Case, stored: Case): boolean {
  return sameCase(merged, stored) || sameCase(merged, { ...mergeCases(stored, stored), id: stored.id });
}

/** Deep equality that ignores key order (stored objects and parsed ones order keys differently). */
function sameCase(a: Case, b: Case): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}
