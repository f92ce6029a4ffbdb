import { STATUS_LABELS, type Case } from '../domain/case';
import { OUTCOME_LABELS } from '../workflow/fields';

/**
 * CSV for spreadsheets (RFC 4180: comma-separated, CRLF line ends, quotes doubled). Every field
 * is quoted: a spreadsheet that splits on ";" (the default in de, fr, nl locales) would otherwise
 * cut `a;=cmd|' /C calc'!A0` into a cell that starts with "=" and runs as a formula.
 */

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab / CR before one) as a formula,
 * so post text like `=HYPERLINK("http://evil", "click")` would become a live link. A leading
 * apostrophe makes it plain text in Excel, Sheets and LibreOffice, and shows what happened.
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_TRIGGERS.has(cell.charAt(0)) ? `'${cell}` : cell;
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

/** The columns of the cases CSV, in order. Times are ISO 8601 in UTC. */
export const CASE_CSV_COLUMNS: readonly { header: string; value: (c: Case) => string }[] = [
  { header: 'Ref', value: (c) => c.ref },
  { header: 'Status', value: (c) => STATUS_LABELS[c.status] },
  { header: 'Outcome', value: (c) => (c.outcome ? OUTCOME_LABELS[c.outcome] : '') },
  { header: 'Priority', value: (c) => c.priority ?? '' },
  { header: 'Platform', value: (c) => c.platform },
  { header: 'Post URL', value: (c) => c.post.url },
  { header: 'Author', value: (c) => c.post.authorName },
  { header: 'Author handle', value: (c) => c.post.authorHandle ?? '' },
  { header: 'Post text', value: (c) => c.post.text },
  { header: 'Posted at', value: (c) => c.post.postedAt ?? '' },
  { header: 'Logged at', value: (c) => iso(c.createdAt) },
  { header: 'Updated at', value: (c) => iso(c.updatedAt) },
  { header: 'First response at', value: (c) => iso(c.firstResponseAt) },
  { header: 'Resolved at', value: (c) => iso(c.resolvedAt) },
  { header: 'Closed at', value: (c) => iso(c.closedAt) },
  { header: 'Follow up at', value: (c) => iso(c.followUpAt) },
  { header: 'Brands', value: (c) => c.brandIds.join('; ') },
  { header: 'Tags', value: (c) => (c.tags ?? []).join('; ') },
  {
    header: 'Notes',
    value: (c) => (c.notes ?? []).map((note) => `[${iso(note.createdAt)}] ${note.text}`).join('\n'),
  },
  { header: 'Post key', value: (c) => c.postKey },
  { header: 'Case id', value: (c) => c.id },
];

export function casesToCsv(cases: readonly Case[], options: CsvOptions = {}): string {
  const header = CASE_CSV_COLUMNS.map((column) => column.header);
  const rows = cases.map((c) => CASE_CSV_COLUMNS.map((column) => column.value(c)));
  return toCsv([header, ...rows], options);
}
