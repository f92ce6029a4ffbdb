import type { Case } from '../../lib/domain/case';
import { sendMessage } from '../../lib/messaging/client';
import { MAX_QUERY_LIMIT, type CaseQueryFilterInput } from '../../lib/domain/case-views';
import { casesToCsv } from '../../lib/transfer/csv';
import { casesExportFileName, serializeCasesExport } from '../../lib/transfer/json-export';

export type ExportFormat = 'csv' | 'json';

/** Every case matching the filter, read page by page (a message carries at most MAX_QUERY_LIMIT). */
export async function fetchAllCases(filter: CaseQueryFilterInput, onProgress?: (done: number, total: number) => void): Promise<Case[]> {
  const all: Case[] = [];
  let total = Infinity;
  while (all.length < total) {
    const page = await sendMessage('cases/query', { filter, offset: all.length, limit: MAX_QUERY_LIMIT });
    total = page.total;
    if (page.cases.length === 0) break; // The store shrank meanwhile.
    all.push(...page.cases);
    onProgress?.(all.length, total);
  }
  return all;
}

/** The export file for these cases: name, text and MIME type. */
export function buildExportFile(format: ExportFormat, cases: readonly Case[], now: number): { name: string; text: string; type: string } {
  const today = new Date(now);
  const name = casesExportFileName(format, { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() });
  return format === 'csv'
    ? { name, text: casesToCsv(cases), type: 'text/csv;charset=utf-8' }
    : { name, text: serializeCasesExport(cases, now), type: 'application/json' };
}
