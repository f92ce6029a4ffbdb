import type { Case } from '../../lib/domain/case';
import { sendMessage } from '../../lib/messaging/client';
import { MAX_QUERY_LIMIT, type CaseQueryFilterInput } from '../../lib/domain/case-views';
import { casesToCsv } from '../../lib/transfer/csv';
import { casesExportFileName, serializeCasesExport } from '../../lib/transfer/json-export';
import { serializeZendeskExport } from '../../lib/transfer/zendesk';

/** CareSide's own CSV and JSON, and JSON for Zendesk's Ticket Import API. */
export type ExportFormat = 'csv' | 'json' | 'zendesk';

export interface ExportContext {
  /** Brand id -> name from the settings. */
  brandNames: ReadonlyMap<string, string>;
  /** The browser's zone, for the CSV's local times. */
  timeZone: string;
  /** Agent id (lower case) -> name from the roster. */
  assigneeNames: ReadonlyMap<string, string>;
}

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
export function buildExportFile(
  format: ExportFormat,
  cases: readonly Case[],
  now: number,
  context: ExportContext = { brandNames: new Map(), timeZone: 'UTC', assigneeNames: new Map() },
): { name: string; text: string; type: string } {
  const today = new Date(now);
  const date = { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() };
  switch (format) {
    case 'csv':
      return { name: casesExportFileName('csv', date), text: casesToCsv(cases, context), type: 'text/csv;charset=utf-8' };
    case 'json':
      return { name: casesExportFileName('json', date), text: serializeCasesExport(cases, now), type: 'application/json' };
    case 'zendesk':
      return {
        name: casesExportFileName('json', date).replace('careside-cases-', 'careside-zendesk-tickets-'),
        text: serializeZendeskExport(cases, context.brandNames, context.assigneeNames),
        type: 'application/json',
      };
  }
}
