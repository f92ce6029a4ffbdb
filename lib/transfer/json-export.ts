import type { Case } from '../domain/case';

export const CASES_EXPORT_FORMAT = 'careside-cases';
export const CASES_EXPORT_VERSION = 1;

export interface CasesExport {
  format: typeof CASES_EXPORT_FORMAT;
  version: typeof CASES_EXPORT_VERSION;
  /** ISO 8601, UTC. */
  exportedAt: string;
  cases: Case[];
}

export function buildCasesExport(cases: readonly Case[], now: number): CasesExport {
  return {
    format: CASES_EXPORT_FORMAT,
    version: CASES_EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    cases: [...cases],
  };
}

/** The export file's text. Compact (no indentation): exports are for moving data, not reading. */
export function serializeCasesExport(cases: readonly Case[], now: number): string {
  return `${JSON.stringify(buildCasesExport(cases, now))}\n`;
}

/** "careside-cases-2025-03-09.json" for the given local date. */
export function casesExportFileName(extension: 'json' | 'csv', date: { year: number; month: number; day: number }): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `careside-cases-${date.year}-${pad(date.month)}-${pad(date.day)}.${extension}`;
}
