import { findJsonSyntaxError } from '../validation/json-syntax';
import { parseCasesCsv, type CsvImportOptions } from './csv-import';
import { CASES_EXPORT_FORMAT, CASES_EXPORT_VERSION } from './json-export';
import { addCheckedRow, isRecord, type ImportFileErrorCode, type ParsedImport, type ParseImportResult } from './rows';
import { importSizeError, MAX_IMPORT_BYTES } from './limits';
import { t } from '../i18n/t';

export { importSizeError, MAX_IMPORT_BYTES };

export type { ImportFileError, ImportFileErrorCode, ParsedImport, ParseImportResult, RejectedRow, RowWarning } from './rows';

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

export type ImportFormat = 'json' | 'csv';

export interface ParseImportOptions extends CsvImportOptions {
  /** What the file's name says it is; used when the text does not clearly say (JSON starts with { or [, a CareSide CSV with its Ref header). */
  format?: ImportFormat;
}

/** A CareSide CSV starts with its header, whose first cell is Ref (cells split by "," or ";"). */
export function looksLikeCsv(body: string): boolean {
  return /^\s*"?Ref"?\s*[,;]/i.test(body);
}

/**
 * Read a cases export, JSON or CSV. File-level problems reject the whole file; otherwise every
 * row is checked on its own so one bad row does not cost the others. Pure: nothing is stored.
 */
export function parseCasesImport(text: string, options: ParseImportOptions = {}): ParseImportResult {
  // Every char is at least one UTF-8 byte, so a string this long is too large whatever it holds.
  const sizeError = importSizeError(text.length > MAX_IMPORT_BYTES ? text.length : utf8ByteLength(text));
  if (sizeError) return { ok: false, error: sizeError };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return fileError('empty', t('importFile.empty'));
  // What the text clearly is wins over the file name (a JSON export saved as .csv, or the reverse).
  const format = /^\s*[[{]/.test(body) ? 'json' : looksLikeCsv(body) ? 'csv' : (options.format ?? 'json');
  if (format === 'csv') return parseCasesCsv(body, options);

  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    const where = findJsonSyntaxError(body);
    const detail = where
      ? t('jsonSyntax.at', { reason: where.reason, line: String(where.line), column: String(where.column) })
      : error instanceof Error
        ? error.message
        : String(error);
    return fileError('not_json', t('importFile.notJson', { detail }));
  }

  if (!isRecord(document) || document.format !== CASES_EXPORT_FORMAT) {
    const looksLikeSettings = isRecord(document) && 'brands' in document;
    return fileError(
      'wrong_format',
      looksLikeSettings ? t('importFile.settingsFile') : t('importFile.notCasesExport', { format: CASES_EXPORT_FORMAT }),
    );
  }
  if (document.version !== CASES_EXPORT_VERSION) {
    const version = document.version;
    return fileError(
      'unsupported_version',
      typeof version === 'number' && version > CASES_EXPORT_VERSION
        ? t('importFile.newerVersion', { version: String(version), supported: String(CASES_EXPORT_VERSION) })
        : t('importFile.unsupportedVersion', {
            version: JSON.stringify(version) ?? t('importFile.versionMissing'),
            supported: String(CASES_EXPORT_VERSION),
          }),
    );
  }
  if (!Array.isArray(document.cases)) {
    return fileError('wrong_format', t('importFile.noCasesList'));
  }

  const rows: ParsedImport = { total: document.cases.length, valid: [], rejected: [], warnings: [] };
  document.cases.forEach((row: unknown, index) => addCheckedRow(rows, index, row));
  return { ok: true, rows };
}

function fileError(code: ImportFileErrorCode, message: string): ParseImportResult {
  return { ok: false, error: { code, message } };
}
