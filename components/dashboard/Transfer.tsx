import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { CaseQueryFilterInput } from '../../lib/domain/case-views';
import { sendMessage } from '../../lib/messaging/client';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { caseKeys } from '../../lib/queries/cases';
import { MAX_IMPORT_BYTES } from '../../lib/transfer/limits';
import { exportCasesInParts, importFileInChunks, type TransferProgress } from '../../lib/queries/transfer-stream';
import { JsonFileInput } from '../common/JsonFileInput';
import { downloadBlob, downloadTextFile } from '../common/download';
import { buildExportFile, fetchAllCases, type ExportFormat } from './export';
import { rowLabel, rowReason, summarizeImport } from '../../lib/transfer/plan';
import { plainErrorMessage } from '../../lib/domain/errors';
import { casesExportFileName } from '../../lib/transfer/json-export';
import { t } from '../../lib/i18n/t';
import { formatNumber, formatPercent } from '../../lib/i18n/format';

type ImportReport = ResponseOf<'cases/import'>['report'];
/** Rows of a report listed one by one; a huge broken file is summed up after these. */
const MAX_LISTED = 200;
/** What the report shows: a whole-file import's report, or a chunked import's counts and first rows. */
type ImportOutcome =
  | {
      ok: true;
      summary: string;
      rejected: ImportReport['rejected'];
      rejectedCount: number;
      warnings: ImportReport['warnings'];
      stopped: boolean;
    }
  | { ok: false; message: string };

/** The file's format from its name; other names let the text decide (a CareSide CSV starts with its Ref header). */
export function importFormatOf(fileName: string): 'csv' | 'json' | undefined {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension === 'csv' || extension === 'json' ? extension : undefined;
}

/**
 * Export the filtered cases as CSV, JSON or tickets for Zendesk; import a CSV or JSON export with
 * a report of what happened.
 */
export function Transfer({
  filter,
  brands,
  assignees,
  timeZone,
}: {
  filter: CaseQueryFilterInput;
  brands: readonly { id: string; name: string }[];
  /** The roster: exports name assignees instead of showing agent ids. */
  assignees: readonly { id: string; name: string }[];
  timeZone: string;
}) {
  const id = useId();
  const brandNames = useMemo(() => new Map(brands.map((brand) => [brand.id, brand.name])), [brands]);
  const assigneeNames = useMemo(() => new Map(assignees.map((entry) => [entry.id.toLowerCase(), entry.name])), [assignees]);
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<(TransferProgress & { what: 'export' | 'import' }) | null>(null);
  const exporting = useMutation({
    mutationFn: async (format: ExportFormat) => {
      const onProgress = (done: number, total: number) => setProgress({ what: 'export', done, total });
      if (format === 'zendesk') {
        const cases = await fetchAllCases(filter, onProgress);
        const file = buildExportFile(format, cases, Date.now(), { brandNames, timeZone, assigneeNames });
        downloadTextFile(file.name, file.text, file.type);
        return;
      }
      // CareSide's own formats stream page by page, so any number of cases exports with flat memory.
      const blob = await exportCasesInParts(filter, format, Date.now(), { brandNames, timeZone, assigneeNames }, (at) =>
        onProgress(at.done, at.total),
      );
      const today = new Date();
      downloadBlob(casesExportFileName(format, { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() }), blob);
    },
    onSettled: () => setProgress(null),
  });
  const importing = useMutation({
    mutationFn: async (file: File): Promise<ImportOutcome> => {
      const format = importFormatOf(file.name);
      try {
        if (file.size > MAX_IMPORT_BYTES) {
          // Too large for one message: chunk by chunk as the file is read, each chunk one transaction.
          const result = await importFileInChunks(file, { format, timeZone, onProgress: (at) => setProgress({ what: 'import', ...at }) });
          return { ok: true, ...result, stopped: result.stopped !== undefined };
        }
        const text = await file.text();
        const answer = await sendMessage('cases/import', { text, timeZone, ...(format ? { format } : {}) });
        const { rejected, warnings } = answer.report;
        // Worded here rather than taken from the answer, so the page's language decides.
        return { ok: true, summary: summarizeImport(answer.report), rejected, rejectedCount: rejected.length, warnings, stopped: false };
      } catch (error) {
        return { ok: false, message: plainErrorMessage(error) };
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
    onSettled: () => setProgress(null),
  });

  return (
    <section className="dash-transfer" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('dashboard.transfer')}</h2>
      <div className="dash-transfer-row">
        <button type="button" data-testid="dashboard-export-csv" disabled={exporting.isPending} onClick={() => exporting.mutate('csv')}>
          {t('dashboard.exportCsv')}
        </button>
        <button type="button" data-testid="dashboard-export-json" disabled={exporting.isPending} onClick={() => exporting.mutate('json')}>
          {t('dashboard.exportJson')}
        </button>
        <button
          type="button"
          data-testid="dashboard-export-zendesk"
          disabled={exporting.isPending}
          onClick={() => exporting.mutate('zendesk')}
          title={t('dashboard.exportZendeskTitle')}
        >
          {t('dashboard.exportZendesk')}
        </button>
        <span className="dash-muted">{progress?.what === 'export' ? t('dashboard.exporting') : t('dashboard.exportsMatching')}</span>
        <label htmlFor={`${id}-file`}>{t('dashboard.importLabel')}</label>
        <JsonFileInput
          id={`${id}-file`}
          testId="dashboard-import"
          accept=".csv,text/csv,.json,application/json"
          disabled={importing.isPending}
          onFile={(file) => importing.mutate(file)}
        />
      </div>
      {progress && <TransferProgressBar progress={progress} />}
      {exporting.isError && (
        <p role="alert" className="dash-error">
          {t('dashboard.exportFailed', { error: exporting.error.message })}
        </p>
      )}
      <div data-testid="dashboard-import-report" aria-live="polite">
        {importing.isPending && <p className="dash-muted">{t('dashboard.importing')}</p>}
        {importing.data && <ImportReportView outcome={importing.data} />}
      </div>
    </section>
  );
}

/** How far an export (cases read) or a chunked import (bytes read) has come. */
function TransferProgressBar({ progress }: { progress: TransferProgress & { what: 'export' | 'import' } }) {
  const label =
    progress.what === 'export'
      ? t('dashboard.exportProgress', { done: formatNumber(progress.done), total: formatNumber(progress.total) })
      : t('dashboard.importProgress', { percent: formatPercent(Math.floor((100 * progress.done) / Math.max(1, progress.total)) / 100) });
  return (
    <p className="dash-transfer-progress" data-testid="dashboard-transfer-progress">
      <progress value={progress.done} max={Math.max(1, progress.total)} aria-label={label} /> <span>{label}…</span>
    </p>
  );
}

function ImportReportView({ outcome }: { outcome: ImportOutcome }) {
  if (!outcome.ok) {
    return (
      <p role="alert" className="dash-error" data-import-result="refused">
        {outcome.message}
      </p>
    );
  }
  const { summary, rejected, rejectedCount, warnings, stopped } = outcome;
  return (
    <div
      data-import-result={stopped ? 'stopped' : 'done'}
      className={rejectedCount > 0 || stopped ? 'dash-import-partial' : 'dash-import-ok'}
    >
      <p {...(stopped ? { role: 'alert' } : {})}>{summary}</p>
      {rejected.length > 0 && (
        <>
          <h3>{t('dashboard.rejectedRows')}</h3>
          <ul className="dash-rejected">
            {rejected.slice(0, MAX_LISTED).map((row) => (
              <li key={row.index} data-row={row.index + 1} {...(row.line === undefined ? {} : { 'data-line': row.line })}>
                {capitalized(rowReason(rowLabel(row), row.reason))}
              </li>
            ))}
          </ul>
          {rejectedCount > MAX_LISTED && (
            <p className="dash-muted">{t('dashboard.moreRejected', { count: formatNumber(rejectedCount - MAX_LISTED) })}</p>
          )}
        </>
      )}
      {warnings.length > 0 && (
        <ul className="dash-warnings">
          {warnings.slice(0, MAX_LISTED).map((row, i) => (
            <li key={`${row.index}-${i}`}>{capitalized(rowReason(rowLabel(row), row.message))}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
