import { STATUS_LABELS, type Case } from '../domain/case';
import { CATEGORY_LABELS } from '../domain/triage';
import { OUTCOME_LABELS } from '../workflow/fields';
import { PLATFORM_NAMES } from './labels';
import { formatLocalTime } from './times';

/**
 * CSV for spreadsheets (RFC 4180: comma-separated, CRLF line ends, quotes doubled). Every field
 * is quoted: a spreadsheet that splits on ";" (the default in de, fr, nl locales) would otherwise
 * cut `a;=cmd|' /C calc'!A0` into a cell that starts with "=" and runs as a formula.
 */

/** A cell a spreadsheet would run, or one that already starts with apostrophes before such a start. */
const NEUTRALIZED = /^'*[=+\-@\t\r]/;

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab / CR before one) as a formula,
 * so post text like `=HYPERLINK("http://evil", "click")` would become a live link. A leading
 * apostrophe makes it plain text in Excel, Sheets and LibreOffice, and shows what happened.
 * Text that itself starts with apostrophes before such a character gets one more, so
 * `restoreFormula` can always take exactly the added one off again.
 */
export function neutralizeFormula(cell: string): string {
  return NEUTRALIZED.test(cell) ? `'${cell}` : cell;
}

/** The cell as it was before `neutralizeFormula` (for reading a CareSide CSV back). */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && NEUTRALIZED.test(cell) ? cell.slice(1) : cell;
}

export function csvField(value: string): string {
  return `"${neutralizeFormula(value).replace(/"/g, '""')}"`;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads accents, RTL text and emoji right. Default true. */
  bom?: boolean;
}

export function toCsv(rows: readonly (readonly string[])[], { bom = true }: CsvOptions = {}): string {
  const body = rows.map((row) => row.map(csvField).join(',')).join('\r\n');
  return `${bom ? '\uFEFF' : ''}${body}\r\n`;
}

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

export interface CaseCsvContext {
  /** Brand id -> name from the settings; a brand missing there is written as its id. */
  brandNames: ReadonlyMap<string, string>;
  /** IANA zone for the local-time columns, e.g. the browser's own. */
  timeZone: string;
  /** Agent id (lower case) -> name from the roster: the Assignee column names people, not ids. */
  assigneeNames: ReadonlyMap<string, string>;
}

export interface CaseCsvColumn {
  header: string;
  value: (c: Case, context: CaseCsvContext) => string;
}

/** "Acme Air; Beta Bank": a brand missing from the settings keeps its id. */
export function brandCell(brandIds: readonly string[], brandNames: ReadonlyMap<string, string>): string {
  return brandIds.map((id) => brandNames.get(id) ?? id).join('; ');
}

/** The assignee as the roster names them; free text (or an id the roster does not know) as stored. */
export function assigneeCell(assignee: string | undefined, assigneeNames: ReadonlyMap<string, string>): string {
  const value = assignee?.trim() ?? '';
  return value === '' ? '' : (assigneeNames.get(value.toLowerCase()) ?? value);
}

export const tagsCell = (tags: readonly string[] | undefined) => (tags ?? []).join('; ');

/** One note per block: "[2025-03-09T12:00:00.000Z] text" (the text may run over several lines). */
export const notesCell = (notes: Case['notes']) => (notes ?? []).map((note) => `[${iso(note.createdAt)}] ${note.text}`).join('\n');

/** The times a case carries, each written twice: local ("2026-12-06 14:05") and exact UTC ISO. */
export const CASE_CSV_TIMES = [
  { header: 'Logged at', field: 'createdAt' },
  { header: 'Updated at', field: 'updatedAt' },
  { header: 'First response at', field: 'firstResponseAt' },
  { header: 'Resolved at', field: 'resolvedAt' },
  { header: 'Closed at', field: 'closedAt' },
  { header: 'Follow up at', field: 'followUpAt' },
] as const satisfies readonly { header: string; field: keyof Case }[];

export const utcHeader = (header: string) => `${header} (UTC)`;

/**
 * What the visible columns do not show, as JSON, so a CSV export imports back to the same cases:
 * the post's other fields, the triage snapshot, timeline, reminder marks, and the exact brand ids,
 * tags and notes (used on import only while the visible Brand, Tags and Notes cells are unchanged).
 */
export const DATA_HEADER = 'CareSide data';

export function caseDataCell(c: Case, context?: CaseCsvContext): string {
  const { platform: _platform, url: _url, authorName: _name, authorHandle: _handle, text: _text, postedAt: _posted, ...post } = c.post;
  const data: Record<string, unknown> = { post, brandIds: c.brandIds };
  if (c.tags) data.tags = c.tags;
  if (c.notes) data.notes = c.notes;
  // The agent id behind a name shown in the Assignee cell (used on import while that cell is unchanged).
  const shownAssignee = assigneeCell(c.assignee, context?.assigneeNames ?? new Map());
  if (c.assignee && shownAssignee !== c.assignee) data.assignee = { id: c.assignee, name: shownAssignee };
  if (c.triage) data.triage = c.triage;
  if (c.notified) data.notified = c.notified;
  if (c.events) data.events = c.events;
  return JSON.stringify(data);
}

/** The columns of the cases CSV, in order: local times a spreadsheet reads as dates, each with an exact UTC column. */
export const CASE_CSV_COLUMNS: readonly CaseCsvColumn[] = [
  { header: 'Ref', value: (c) => c.ref },
  { header: 'Status', value: (c) => STATUS_LABELS[c.status] },
  { header: 'Outcome', value: (c) => (c.outcome ? OUTCOME_LABELS[c.outcome] : '') },
  { header: 'Priority', value: (c) => c.priority ?? '' },
  { header: 'Category', value: (c) => (c.category ? CATEGORY_LABELS[c.category] : '') },
  { header: 'Assignee', value: (c, context) => assigneeCell(c.assignee, context.assigneeNames) },
  { header: 'Tags', value: (c) => tagsCell(c.tags) },
  { header: 'Brand', value: (c, context) => brandCell(c.brandIds, context.brandNames) },
  { header: 'Platform', value: (c) => PLATFORM_NAMES[c.platform] },
  { header: 'Author', value: (c) => c.post.authorName },
  { header: 'Author handle', value: (c) => c.post.authorHandle ?? '' },
  { header: 'Post text', value: (c) => c.post.text },
  { header: 'Post URL', value: (c) => c.post.url },
  { header: 'Posted at', value: (c, context) => (c.post.postedAt ? localOf(Date.parse(c.post.postedAt), context) : '') },
  // As the page gave it (ISO 8601 with its offset, usually Z).
  { header: utcHeader('Posted at'), value: (c) => c.post.postedAt ?? '' },
  ...CASE_CSV_TIMES.flatMap(({ header, field }): CaseCsvColumn[] => [
    { header, value: (c, context) => localOf(c[field], context) },
    { header: utcHeader(header), value: (c) => iso(c[field]) },
  ]),
  { header: 'Notes', value: (c) => notesCell(c.notes) },
  { header: 'Post key', value: (c) => c.postKey },
  { header: 'Case id', value: (c) => c.id },
  { header: DATA_HEADER, value: caseDataCell },
];

function localOf(ms: number | undefined, context: CaseCsvContext): string {
  return ms === undefined || !Number.isFinite(ms) ? '' : formatLocalTime(ms, context.timeZone);
}

export interface CasesCsvOptions extends CsvOptions, Partial<CaseCsvContext> {}

/** The cases as CSV; brands by name (from `brandNames`), times local to `timeZone` (default UTC) plus UTC. */
export function casesToCsv(
  cases: readonly Case[],
  { brandNames = new Map(), timeZone = 'UTC', assigneeNames = new Map(), ...options }: CasesCsvOptions = {},
): string {
  const context: CaseCsvContext = { brandNames, timeZone, assigneeNames };
  const header = CASE_CSV_COLUMNS.map((column) => column.header);
  const rows = cases.map((c) => CASE_CSV_COLUMNS.map((column) => column.value(c, context)));
  return toCsv([header, ...rows], options);
}
