import { CaseRefSchema, CaseSchema } from '../domain/case';
import { clampPostText, MAX_POST_TEXT } from '../domain/post';
import { postLinkProblem } from '../sites/origins';
import { formatIssue, issuesFromZod, type ValidationIssue } from '../validation/issues';
import type { Case } from '../domain/case';
import { t } from '../i18n/t';

const MAX_REASON_ISSUES = 3;

export type ImportFileErrorCode = 'too_large' | 'empty' | 'not_json' | 'wrong_format' | 'unsupported_version' | 'not_csv';
export interface ImportFileError {
  code: ImportFileErrorCode;
  message: string;
}

export interface RejectedRow {
  /** 0-based position in the file's "cases" list (a CSV's data records). */
  index: number;
  /** 1-based line where the row starts (CSV files). */
  line?: number;
  /** The row's ref, when it had a well-formed one. */
  ref?: string;
  reason: string;
}

export interface RowWarning {
  index: number;
  line?: number;
  ref?: string;
  message: string;
}

export interface ParsedImport {
  /** How many rows the file had. */
  total: number;
  valid: { index: number; line?: number; case: Case }[];
  rejected: RejectedRow[];
  warnings: RowWarning[];
}

export type ParseImportResult = { ok: true; rows: ParsedImport } | { ok: false; error: ImportFileError };

/**
 * Check one row as a case (the same checks for JSON and CSV files) and file it under valid,
 * rejected or valid-with-a-warning. `line` is the CSV line the row starts on.
 */
export function addCheckedRow(rows: ParsedImport, index: number, row: unknown, line?: number): void {
  const ref = refOf(row);
  const where = line === undefined ? { index } : { index, line };
  const withRef = <T extends object>(value: T) => (ref === undefined ? { ...where, ...value } : { ...where, ref, ...value });
  if (!isRecord(row)) {
    rows.rejected.push(withRef({ reason: t('importRow.notACase', { value: describe(row) }) }));
    return;
  }
  const { value: input, clamped } = clampOversizedText(row);
  const parsed = CaseSchema.safeParse(input);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error, input).map((issue) =>
      formatIssue(friendlier(issue), (path) => (path.length === 0 ? t('importRow.wholeCase') : path.map(String).join('.'))),
    );
    const shown = issues.slice(0, MAX_REASON_ISSUES).join(t('importRow.issueSeparator'));
    const more = issues.length - MAX_REASON_ISSUES;
    rows.rejected.push(withRef({ reason: more > 0 ? t('importRow.moreIssues', { issues: shown, more: String(more) }) : shown }));
    return;
  }
  const linkProblem = postLinkProblem(parsed.data.post);
  if (linkProblem) {
    rows.rejected.push(withRef({ reason: linkProblem }));
    return;
  }
  if (clamped) rows.warnings.push(withRef({ message: t('importRow.textCut', { max: String(MAX_POST_TEXT) }) }));
  rows.valid.push({ ...where, case: parsed.data });
}

/** A rejection that happened before the case checks (a CSV cell that cannot be read). */
export function rejectRow(rows: ParsedImport, index: number, reason: string, line?: number, row?: unknown): void {
  const ref = refOf(row);
  rows.rejected.push({ index, ...(line === undefined ? {} : { line }), ...(ref === undefined ? {} : { ref }), reason });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** zod's pattern messages quote the regex; say what a ref looks like instead. */
function friendlier(issue: ValidationIssue): ValidationIssue {
  if (issue.path.length === 1 && issue.path[0] === 'ref' && issue.message.includes('pattern')) {
    return { ...issue, message: t('importRow.refPattern') };
  }
  return issue;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('validation.type.list');
  switch (typeof value) {
    case 'number':
      return t('validation.type.number');
    case 'string':
      return t('validation.value.string');
    case 'boolean':
      return t('validation.value.boolean');
    default:
      return `a ${typeof value}`;
  }
}

/** Only a well-formed ref is echoed back; anything else in the file is untrusted text. */
function refOf(row: unknown): string | undefined {
  if (!isRecord(row)) return undefined;
  const parsed = CaseRefSchema.safeParse(row.ref);
  return parsed.success ? parsed.data : undefined;
}

/** Oversized post text is cut like a freshly logged post would be, not rejected. */
function clampOversizedText(row: Record<string, unknown>): { value: unknown; clamped: boolean } {
  const post = row.post;
  if (!isRecord(post) || typeof post.text !== 'string' || post.text.length <= MAX_POST_TEXT) {
    return { value: row, clamped: false };
  }
  return { value: { ...row, post: { ...post, text: clampPostText(post.text) } }, clamped: true };
}
