import { CASE_CSV_TIMES, DATA_HEADER, brandCell, notesCell, restoreFormula, tagsCell, utcHeader } from './csv';
import { readCsv } from './csv-read';
import { categoryFromLabel, outcomeFromLabel, platformFromName, PLATFORM_NAMES, statusFromLabel } from './labels';
import { addCheckedRow, isRecord, rejectRow, type ParsedImport, type ParseImportResult } from './rows';
import { parseLocalTime } from './times';
import { t } from '../i18n/t';

export interface CsvImportOptions {
  /** The configured brands: the Brand column names them, the case stores their ids. */
  brands?: readonly { id: string; name: string }[];
  /** IANA zone to read a local time in when a row has no UTC time (default UTC). */
  timeZone?: string;
  /** A new case id for a row without one (default crypto.randomUUID). */
  newId?: () => string;
}

/** Columns without which a row cannot be a case. A time needs its local or its UTC column. */
const REQUIRED = ['Ref', 'Status', 'Platform', 'Post URL', 'Post text', 'Post key'] as const;

class CellError extends Error {}

/**
 * Read a cases CSV (the columns of `casesToCsv`, any order, extra columns ignored) into rows for
 * the same checks and merge as a JSON import. Each row is read on its own: a cell that cannot be
 * read rejects that row with its line and the reason; the other rows go on.
 */
export function parseCasesCsv(body: string, options: CsvImportOptions = {}): ParseImportResult {
  // A spreadsheet set to a de, fr or nl locale saves the file with ";" between the cells.
  const read = readCsv(body, /^\s*"?Ref"?\s*;/i.test(body) ? ';' : ',');
  if (!read.ok) {
    return {
      ok: false,
      error: { code: 'not_csv', message: t('importFile.csvUnreadable', { line: String(read.line), reason: read.reason }) },
    };
  }
  const [header, ...records] = read.records;
  if (!header || header.error) {
    return { ok: false, error: { code: 'not_csv', message: t('importFile.csvNoHeader') } };
  }
  const columns = new Map<string, number>();
  header.fields.forEach((name, i) => {
    const key = restoreFormula(name).trim().toLowerCase();
    if (!columns.has(key)) columns.set(key, i);
  });
  const missing: string[] = REQUIRED.filter((name) => !columns.has(name.toLowerCase()));
  if (!columns.has('logged at') && !columns.has(utcHeader('Logged at').toLowerCase())) missing.push('Logged at');
  if (missing.length > 0) {
    return {
      ok: false,
      error: {
        code: 'not_csv',
        message: t('importFile.csvMissingColumns', missing.length, {
          columns: missing.map((name) => `"${name}"`).join(t('importFile.columnSeparator')),
        }),
      },
    };
  }

  const rows: ParsedImport = { total: records.length, valid: [], rejected: [], warnings: [] };
  const brands = options.brands ?? [];
  const context: RowContext = {
    timeZone: options.timeZone ?? 'UTC',
    newId: options.newId ?? (() => crypto.randomUUID()),
    brandIdByName: new Map(brands.map((brand) => [brand.name.trim().toLowerCase(), brand.id])),
    brandIds: new Set(brands.map((brand) => brand.id)),
    brandNames: new Map(brands.map((brand) => [brand.id, brand.name])),
  };
  records.forEach((record, index) => {
    if (record.error) {
      rejectRow(rows, index, t('importRow.csvBroken', { error: record.error }), record.line);
      return;
    }
    if (record.fields.length !== header.fields.length) {
      const cells = { cells: String(record.fields.length), header: String(header.fields.length) };
      rejectRow(rows, index, t('importRow.cellCount', cells), record.line);
      return;
    }
    const cell = (name: string): string => {
      const at = columns.get(name.toLowerCase());
      return at === undefined ? '' : restoreFormula(record.fields[at] ?? '');
    };
    let candidate: Record<string, unknown> | undefined;
    try {
      const warnings: string[] = [];
      candidate = caseFromCells(cell, context, warnings);
      for (const message of warnings) rows.warnings.push({ index, line: record.line, message });
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      rejectRow(rows, index, error.message, record.line, { ref: cell('Ref').trim() });
      return;
    }
    addCheckedRow(rows, index, candidate, record.line);
  });
  // Warnings of a row that the checks then rejected are noise.
  const rejected = new Set(rows.rejected.map((row) => row.index));
  const refs = new Map(rows.valid.map((row) => [row.index, row.case.ref]));
  rows.warnings = rows.warnings
    .filter((warning) => !rejected.has(warning.index))
    .map((warning) => {
      const ref = refs.get(warning.index);
      return ref === undefined || warning.ref !== undefined ? warning : { ...warning, ref };
    });
  return { ok: true, rows };
}

interface RowContext {
  timeZone: string;
  newId: () => string;
  brandIdByName: ReadonlyMap<string, string>;
  brandIds: ReadonlySet<string>;
  brandNames: ReadonlyMap<string, string>;
}

/** One CSV row as a case-shaped object (checked afterwards like a JSON row). Throws CellError. */
function caseFromCells(cell: (name: string) => string, context: RowContext, warnings: string[]): Record<string, unknown> {
  const data = dataOf(cell(DATA_HEADER));
  const platform = required(
    cell('Platform'),
    'Platform',
    platformFromName,
    t('importRow.notPlatform', { platforms: Object.values(PLATFORM_NAMES).join(', ') }),
  );
  const status = required(cell('Status'), 'Status', statusFromLabel, t('importRow.notStatus'));
  const outcome = optional(cell('Outcome'), 'Outcome', outcomeFromLabel, t('importRow.notOutcome'));
  const category = optional(cell('Category'), 'Category', categoryFromLabel, t('importRow.notCategory'));
  const priority = cell('Priority').trim().toUpperCase();
  const postKey = cell('Post key').trim();
  const dataPost = isRecord(data.post) ? data.post : {};

  const times: Record<string, number> = {};
  for (const { header, field } of CASE_CSV_TIMES) {
    const value = timeOf(cell(utcHeader(header)), cell(header), header, context.timeZone);
    if (value !== undefined) times[field] = value;
  }
  if (times.createdAt === undefined) throw new CellError(t('importRow.cellMissing', { column: 'Logged at' }));
  times.updatedAt ??= times.createdAt;

  const postedAtUtc = cell(utcHeader('Posted at')).trim();
  const postedAtLocal = cell('Posted at').trim();
  let postedAt: string | undefined;
  if (postedAtUtc) postedAt = postedAtUtc;
  else if (postedAtLocal) postedAt = new Date(localTime(postedAtLocal, 'Posted at', context.timeZone)).toISOString();

  const handle = cell('Author handle').trim();
  const post: Record<string, unknown> = {
    kind: 'post',
    postId: postKey.slice(postKey.indexOf(':') + 1),
    ...dataPost,
    platform,
    url: cell('Post URL').trim(),
    authorName: cell('Author'),
    text: cell('Post text'),
    ...(handle ? { authorHandle: handle.replace(/^@/, '') } : {}),
    ...(postedAt ? { postedAt } : {}),
  };

  const assignee = assigneeOf(cell('Assignee'), data.assignee);
  const tags = tagsOf(cell('Tags'), data.tags);
  const notes = notesOf(cell('Notes'), data.notes);
  const id = cell('Case id').trim();
  return {
    id: id || context.newId(),
    ref: cell('Ref').trim(),
    postKey,
    platform,
    post,
    brandIds: brandIdsOf(cell('Brand'), data.brandIds, context, warnings),
    status,
    ...times,
    ...(priority ? { priority } : {}),
    ...(category ? { category } : {}),
    ...(outcome ? { outcome } : {}),
    ...(assignee ? { assignee } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...(data.triage === undefined ? {} : { triage: data.triage }),
    ...(data.notified === undefined ? {} : { notified: data.notified }),
    ...(data.events === undefined ? {} : { events: data.events }),
  };
}

/** The Assignee cell; the agent id the export kept for it while the cell still shows that agent's name. */
function assigneeOf(cellText: string, kept: unknown): string {
  const shown = cellText.trim();
  if (!isRecord(kept) || typeof kept.id !== 'string' || kept.name !== shown) return shown;
  return kept.id;
}

function dataOf(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CellError(t('importRow.dataNotJson', { column: DATA_HEADER }));
  }
  if (!isRecord(value)) throw new CellError(t('importRow.dataNotObject', { column: DATA_HEADER }));
  return value;
}

function required<T>(text: string, column: string, read: (text: string) => T | undefined, problem: string): T {
  if (text.trim() === '') throw new CellError(t('importRow.cellMissing', { column }));
  const value = read(text);
  if (value === undefined) throw new CellError(t('importRow.cellProblem', { column, value: quote(text), problem }));
  return value;
}

function optional<T>(text: string, column: string, read: (text: string) => T | undefined, problem: string): T | undefined {
  return text.trim() === '' ? undefined : required(text, column, read, problem);
}

/** A cell quoted for a message: short, on one line. */
function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 40 ? `${flat.slice(0, 39)}…` : flat);
}

/** The exact UTC column wins; a local time (as a spreadsheet writes it) is read in the zone. */
function timeOf(utc: string, local: string, column: string, timeZone: string): number | undefined {
  if (utc.trim() !== '') {
    const text = utc.trim();
    const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text) ? Date.parse(text) : NaN;
    if (!Number.isFinite(ms)) throw new CellError(t('importRow.notIsoTime', { column: utcHeader(column), value: quote(utc) }));
    return ms;
  }
  if (local.trim() !== '') return localTime(local, column, timeZone);
  return undefined;
}

function localTime(text: string, column: string, timeZone: string): number {
  const ms = parseLocalTime(text, timeZone);
  if (ms === null) throw new CellError(t('importRow.notLocalTime', { column, value: quote(text) }));
  return ms;
}

/** The exact list from the data column while the visible cell still shows it; else the cell, split at ";". */
function tagsOf(text: string, exact: unknown): string[] {
  if (isStringList(exact) && tagsCell(exact) === text) return exact;
  return text
    .split(';')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

const NOTE_START = /^\[(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)\] ?/;

/** The exact notes while the visible cell still shows them; else notes read from the cell ("[time] text" blocks). */
function notesOf(text: string, exact: unknown): unknown[] {
  if (Array.isArray(exact) && exact.every(isNoteLike) && notesCell(exact as Parameters<typeof notesCell>[0]) === text) return exact;
  if (text.trim() === '') return [];
  const notes: { id: string; text: string; createdAt: number }[] = [];
  for (const line of text.split('\n')) {
    const start = NOTE_START.exec(line);
    const last = notes.at(-1);
    if (start?.[1]) {
      const createdAt = Date.parse(start[1]);
      notes.push({ id: `csv-${createdAt}-${notes.length}`, text: line.slice(start[0].length), createdAt });
    } else if (last) last.text += `\n${line}`;
    else throw new CellError(t('importRow.notesFormat'));
  }
  return notes;
}

function isNoteLike(value: unknown): boolean {
  return isRecord(value) && typeof value.text === 'string' && typeof value.createdAt === 'number';
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Brand names to the settings' ids. While the cell still shows what CareSide wrote for the exact
 * ids in the data column, those ids stand (a brand since removed from the settings included).
 * A name the settings do not know is left out, with a warning.
 */
function brandIdsOf(text: string, exact: unknown, context: RowContext, warnings: string[]): string[] {
  if (isStringList(exact) && brandCell(exact, context.brandNames) === text) return exact;
  const ids: string[] = [];
  for (const name of text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const id = context.brandIdByName.get(name.toLowerCase()) ?? (context.brandIds.has(name) ? name : undefined);
    if (id === undefined) warnings.push(t('importRow.unknownBrand', { name: quote(name) }));
    else if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
