import type { Case } from '../domain/case';
import { MAX_QUERY_LIMIT, type CaseQueryFilterInput } from '../domain/case-views';
import { sendMessage } from '../messaging/client';
import { csvChunkSplitter, jsonChunkSplitter, type ChunkSplitter } from '../transfer/chunks';
import { casesToCsv, type CaseCsvContext } from '../transfer/csv';
import { looksLikeCsv, type RejectedRow, type RowWarning } from '../transfer/import';
import { CASES_EXPORT_FORMAT, CASES_EXPORT_VERSION } from '../transfer/json-export';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/t';

/** Cases per import message of a chunked import (each chunk is one transaction). */
export const IMPORT_CHUNK_CASES = 5_000;
/** Rejected rows and warnings a chunked import keeps to show; the rest are only counted. */
const KEPT_ROWS = 200;
/** Export pages gathered before they are handed to a Blob, so the page's memory stays flat. */
const PAGES_PER_PART = 20;

export interface TransferProgress {
  done: number;
  total: number;
}

/**
 * Every case matching the filter as a CareSide CSV or JSON export, read page by page and handed
 * to Blob parts as it goes (the browser keeps them, not this page's heap), so an export of
 * 1,000,000 cases never holds them all at once.
 */
export async function exportCasesInParts(
  filter: CaseQueryFilterInput,
  format: 'csv' | 'json',
  now: number,
  context: CaseCsvContext,
  onProgress?: (progress: TransferProgress) => void,
): Promise<Blob> {
  const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
  const head =
    format === 'json'
      ? `{"format":"${CASES_EXPORT_FORMAT}","version":${CASES_EXPORT_VERSION},"exportedAt":"${new Date(now).toISOString()}","cases":[`
      : '';
  let parts: BlobPart[] = [head];
  let done = 0;
  let total = Infinity;
  for (let pages = 1; done < total; pages += 1) {
    const page = await sendMessage('cases/query', { filter, offset: done, limit: MAX_QUERY_LIMIT });
    total = page.total;
    if (page.cases.length === 0) break; // The store shrank meanwhile.
    parts.push(format === 'csv' ? csvPart(page.cases, context, done === 0) : jsonPart(page.cases, done === 0));
    done += page.cases.length;
    onProgress?.({ done, total });
    if (pages % PAGES_PER_PART === 0) parts = [new Blob(parts, { type })];
  }
  if (format === 'csv' && done === 0) parts.push(casesToCsv([], context));
  if (format === 'json') parts.push(']}\n');
  return new Blob(parts, { type });
}

function csvPart(cases: readonly Case[], context: CaseCsvContext, first: boolean): string {
  const text = casesToCsv(cases, { ...context, bom: first });
  // The header row (no quotes, no line breaks) only once, at the top.
  return first ? text : text.slice(text.indexOf('\r\n') + 2);
}

function jsonPart(cases: readonly Case[], first: boolean): string {
  return `${first ? '' : ','}${cases.map((item) => JSON.stringify(item)).join(',')}`;
}

export interface ChunkedImportResult {
  accepted: number;
  merged: number;
  unchanged: number;
  /** The first KEPT_ROWS rejected rows (numbered as in the whole file), and how many there were. */
  rejected: RejectedRow[];
  rejectedCount: number;
  warnings: RowWarning[];
  warningCount: number;
  /** Set when a chunk was refused: the rows before it are imported, the rest are not. */
  stopped?: { atRow: number; message: string };
  summary: string;
}

/**
 * Import a cases file of any size (JSON or CSV) chunk by chunk as it is read: every chunk of
 * IMPORT_CHUNK_CASES rows is one cases/import message and one transaction, so memory stays at
 * one chunk. A refused chunk stops the import there; importing the file again is safe (rows
 * already stored are the same post, so they merge as unchanged).
 */
export async function importFileInChunks(
  file: Blob,
  options: {
    format?: 'csv' | 'json' | undefined;
    timeZone: string;
    onProgress?: (progress: TransferProgress) => void;
    /** Rows per chunk (tests use small ones). */
    perChunk?: number;
  },
): Promise<ChunkedImportResult> {
  const result: ChunkedImportResult = {
    accepted: 0,
    merged: 0,
    unchanged: 0,
    rejected: [],
    rejectedCount: 0,
    warnings: [],
    warningCount: 0,
    summary: '',
  };
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  let splitter: (ChunkSplitter & { format: 'csv' | 'json' }) | undefined;
  let bytes = 0;
  try {
    let pending = '';
    for (;;) {
      const { done, value } = await reader.read();
      bytes += value?.byteLength ?? 0;
      const text = pending + (done ? decoder.decode() : decoder.decode(value, { stream: true }));
      pending = '';
      // The format is told by the first text that is not blank.
      if (!splitter && !done && text.trim() === '') {
        pending = text;
        continue;
      }
      const active = (splitter ??= pickSplitter(text, options.format, options.perChunk ?? IMPORT_CHUNK_CASES));
      const chunks = active.push(text);
      if (done) chunks.push(...active.end());
      for (const chunk of chunks) {
        const answer = await sendMessage('cases/import', { text: chunk.text, format: active.format, timeZone: options.timeZone });
        addChunk(result, answer.report, chunk.rowsBefore, chunk.linesBefore);
      }
      options.onProgress?.({ done: bytes, total: file.size });
      if (done) break;
    }
  } catch (error) {
    result.stopped = {
      atRow: result.accepted + result.merged + result.unchanged + result.rejectedCount + 1,
      message: error instanceof Error ? error.message : String(error),
    };
    await reader.cancel().catch(() => undefined);
  }
  result.summary = chunkedSummary(result);
  return result;
}

/** What the text clearly is wins over the file name, as for a whole-file import. */
function pickSplitter(firstText: string, format: 'csv' | 'json' | undefined, perChunk: number): ChunkSplitter & { format: 'csv' | 'json' } {
  const body = firstText.replace(/^\uFEFF/, '');
  const csv = /^\s*[[{]/.test(body) ? false : looksLikeCsv(body) || format === 'csv';
  return csv ? { ...csvChunkSplitter(perChunk), format: 'csv' } : { ...jsonChunkSplitter(perChunk), format: 'json' };
}

type ImportReport = Awaited<ReturnType<typeof sendMessage<'cases/import'>>>['report'];

function addChunk(result: ChunkedImportResult, report: ImportReport, rowsBefore: number, linesBefore: number): void {
  const renumber = <T extends { index: number; line?: number | undefined }>(row: T): T => ({
    ...row,
    index: row.index + rowsBefore,
    ...(row.line === undefined ? {} : { line: row.line + linesBefore }),
  });
  result.accepted += report.accepted.length;
  result.merged += report.merged.length;
  result.unchanged += report.unchanged.length;
  result.rejectedCount += report.rejected.length;
  result.warningCount += report.warnings.length;
  result.rejected.push(...report.rejected.slice(0, KEPT_ROWS - result.rejected.length).map(renumber));
  result.warnings.push(...report.warnings.slice(0, KEPT_ROWS - result.warnings.length).map(renumber));
}

function chunkedSummary(result: ChunkedImportResult): string {
  const count = (n: number) => formatNumber(n);
  const parts = [t('importReport.imported', result.accepted, { count: count(result.accepted) })];
  if (result.merged > 0) parts.push(t('importReport.merged', { count: count(result.merged) }));
  if (result.unchanged > 0) parts.push(t('importReport.unchanged', { count: count(result.unchanged) }));
  if (result.rejectedCount > 0) parts.push(t('importReport.rejected', { count: count(result.rejectedCount) }));
  const summary = t('importReport.summary', { counts: parts.join(t('importReport.partSeparator')) });
  if (!result.stopped) return summary;
  return t('importReport.stopped', { summary, row: count(result.stopped.atRow), message: result.stopped.message });
}
