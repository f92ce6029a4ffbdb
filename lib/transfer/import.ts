import { CaseRefSchema, CaseSchema, type Case } from '../domain/case';
import { clampPostText, MAX_POST_TEXT } from '../domain/post';
import { findJsonSyntaxError } from '../validation/json-syntax';
import { formatIssue, issuesFromZod, type ValidationIssue } from '../validation/issues';
import { postLinkProblem } from '../sites/origins';
import { CASES_EXPORT_FORMAT, CASES_EXPORT_VERSION } from './json-export';

/** Case files larger than this are refused unread. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_REASON_ISSUES = 3;

export type ImportFileErrorCode = 'too_large' | 'empty' | 'not_json' | 'wrong_format' | 'unsupported_version';
export interface ImportFileError {
  code: ImportFileErrorCode;
  message: string;
}

export interface RejectedRow {
  /** 0-based position in the file's "cases" list. */
  index: number;
  /** The row's ref, when it had a well-formed one. */
  ref?: string;
  reason: string;
}

export interface RowWarning {
  index: number;
  ref?: string;
  message: string;
}

export interface ParsedImport {
  /** How many rows the file had. */
  total: number;
  valid: { index: number; case: Case }[];
  rejected: RejectedRow[];
  warnings: RowWarning[];
}

export type ParseImportResult = { ok: true; rows: ParsedImport } | { ok: false; error: ImportFileError };

/** UTF-8 size of a string without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function formatSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The refusal for a file of this many bytes, or null (lets the UI refuse before reading). */
export function importSizeError(bytes: number): ImportFileError | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return {
    code: 'too_large',
    message: `The file is too large (${formatSize(bytes)}); a cases file can be at most ${formatSize(MAX_IMPORT_BYTES)}. Nothing was imported.`,
  };
}

/**
 * Read a cases export. File-level problems reject the whole file; otherwise every row is
 * checked on its own so one bad row does not cost the others. Pure: nothing is stored.
 */
export function parseCasesImport(text: string): ParseImportResult {
  // Every char is at least one UTF-8 byte, so a string this long is too large whatever it holds.
  const sizeError = importSizeError(text.length > MAX_IMPORT_BYTES ? text.length : utf8ByteLength(text));
  if (sizeError) return { ok: false, error: sizeError };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return fileError('empty', 'The file is empty. Nothing was imported.');

  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    const where = findJsonSyntaxError(body);
    const detail = where
      ? `${where.reason} at line ${where.line}, column ${where.column}`
      : error instanceof Error
        ? error.message
        : String(error);
    return fileError('not_json', `The file is not valid JSON (${detail}). Nothing was imported.`);
  }

  if (!isRecord(document) || document.format !== CASES_EXPORT_FORMAT) {
    const looksLikeSettings = isRecord(document) && 'brands' in document;
    return fileError(
      'wrong_format',
      looksLikeSettings
        ? 'This is a CareSide settings file, not a cases export; import it under Settings. Nothing was imported.'
        : `This is not a CareSide cases export (it should say "format": "${CASES_EXPORT_FORMAT}"). Nothing was imported.`,
    );
  }
  if (document.version !== CASES_EXPORT_VERSION) {
    const version = document.version;
    return fileError(
      'unsupported_version',
      typeof version === 'number' && version > CASES_EXPORT_VERSION
        ? `This file comes from a newer CareSide (format version ${version}); this one reads version ${CASES_EXPORT_VERSION}. Update CareSide and try again. Nothing was imported.`
        : `Unsupported cases file version ${JSON.stringify(version) ?? 'missing'}; expected ${CASES_EXPORT_VERSION}. Nothing was imported.`,
    );
  }
  if (!Array.isArray(document.cases)) {
    return fileError('wrong_format', 'The file has no "cases" list. Nothing was imported.');
  }

  const rows: ParsedImport = { total: document.cases.length, valid: [], rejected: [], warnings: [] };
  document.cases.forEach((row: unknown, index) => {
    const ref = refOf(row);
    const withRef = <T extends object>(value: T) => (ref === undefined ? value : { ...value, ref });
    if (!isRecord(row)) {
      rows.rejected.push(withRef({ index, reason: `is ${describe(row)}, not a case` }));
      return;
    }
    const { value: input, clamped } = clampOversizedText(row);
    const parsed = CaseSchema.safeParse(input);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error, input).map((issue) =>
        formatIssue(friendlier(issue), (path) => (path.length === 0 ? 'case' : path.map(String).join('.'))),
      );
      const more = issues.length > MAX_REASON_ISSUES ? ` (and ${issues.length - MAX_REASON_ISSUES} more)` : '';
      rows.rejected.push(withRef({ index, reason: `${issues.slice(0, MAX_REASON_ISSUES).join('; ')}${more}` }));
      return;
    }
    const linkProblem = postLinkProblem(parsed.data.post);
    if (linkProblem) {
      rows.rejected.push(withRef({ index, reason: linkProblem }));
      return;
    }
    if (clamped) {
      rows.warnings.push(withRef({ index, message: `post text was longer than ${MAX_POST_TEXT} characters and was cut` }));
    }
    rows.valid.push({ index, case: parsed.data });
  });
  return { ok: true, rows };
}

/** zod's pattern messages quote the regex; say what a ref looks like instead. */
function friendlier(issue: ValidationIssue): ValidationIssue {
  if (issue.path.length === 1 && issue.path[0] === 'ref' && issue.message.includes('pattern')) {
    return { ...issue, message: 'must look like CS-7F3K (CS- and 4 to 8 letters or digits)' };
  }
  return issue;
}

function fileError(code: ImportFileErrorCode, message: string): ParseImportResult {
  return { ok: false, error: { code, message } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
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
