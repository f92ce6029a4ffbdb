import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { CaseQueryFilterInput } from '../../lib/domain/case-views';
import { sendMessage } from '../../lib/messaging/client';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { caseKeys } from '../../lib/queries/cases';
import { importSizeError } from '../../lib/transfer/limits';
import { JsonFileInput } from '../common/JsonFileInput';
import { downloadTextFile } from '../common/download';
import { buildExportFile, fetchAllCases, type ExportFormat } from './export';
import { rowName } from '../../lib/transfer/plan';
import { plainErrorMessage } from '../../lib/domain/errors';
import { t } from '../../lib/i18n/t';
import { formatNumber } from '../../lib/i18n/format';

type ImportAnswer = ResponseOf<'cases/import'>;
/** Rows of a report listed one by one; a huge broken file is summed up after these. */
const MAX_LISTED = 200;
type ImportOutcome = { ok: true; answer: ImportAnswer } | { ok: false; message: string };

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
  timeZone,
}: {
  filter: CaseQueryFilterInput;
  brands: readonly { id: string; name: string }[];
  timeZone: string;
}) {
  const id = useId();
  const brandNames = useMemo(() => new Map(brands.map((brand) => [brand.id, brand.name])), [brands]);
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState('');
  const exporting = useMutation({
    mutationFn: async (format: ExportFormat) => {
      const cases = await fetchAllCases(filter, (done, total) =>
        setProgress(t('dashboard.progress', { done: formatNumber(done), total: formatNumber(total) })),
      );
      const file = buildExportFile(format, cases, Date.now(), { brandNames, timeZone });
      downloadTextFile(file.name, file.text, file.type);
      return cases.length;
    },
    onSettled: () => setProgress(''),
  });
  const importing = useMutation({
    mutationFn: async (file: File): Promise<ImportOutcome> => {
      const tooLarge = importSizeError(file.size);
      if (tooLarge) return { ok: false, message: tooLarge.message };
      try {
        const format = importFormatOf(file.name);
        const text = await file.text();
        return { ok: true, answer: await sendMessage('cases/import', { text, timeZone, ...(format ? { format } : {}) }) };
      } catch (error) {
        return { ok: false, message: plainErrorMessage(error) };
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
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
        <span className="dash-muted">{progress ? t('dashboard.reading', { progress }) : t('dashboard.exportsMatching')}</span>
        <label htmlFor={`${id}-file`}>{t('dashboard.importLabel')}</label>
        <JsonFileInput
          id={`${id}-file`}
          testId="dashboard-import"
          accept=".csv,text/csv,.json,application/json"
          disabled={importing.isPending}
          onFile={(file) => importing.mutate(file)}
        />
      </div>
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

function ImportReportView({ outcome }: { outcome: ImportOutcome }) {
  if (!outcome.ok) {
    return (
      <p role="alert" className="dash-error" data-import-result="refused">
        {outcome.message}
      </p>
    );
  }
  const { report, summary } = outcome.answer;
  return (
    <div data-import-result="done" className={report.rejected.length > 0 ? 'dash-import-partial' : 'dash-import-ok'}>
      <p>{summary}</p>
      {report.rejected.length > 0 && (
        <>
          <h3>{t('dashboard.rejectedRows')}</h3>
          <ul className="dash-rejected">
            {report.rejected.slice(0, MAX_LISTED).map((row) => (
              <li key={row.index} data-row={row.index + 1} {...(row.line === undefined ? {} : { 'data-line': row.line })}>
                {capitalized(rowName(row))}
                {row.ref && ` (${row.ref})`}: {row.reason}
              </li>
            ))}
          </ul>
          {report.rejected.length > MAX_LISTED && (
            <p className="dash-muted">{t('dashboard.moreRejected', { count: formatNumber(report.rejected.length - MAX_LISTED) })}</p>
          )}
        </>
      )}
      {report.warnings.length > 0 && (
        <ul className="dash-warnings">
          {report.warnings.slice(0, MAX_LISTED).map((row, i) => (
            <li key={`${row.index}-${i}`}>
              {capitalized(rowName(row))}
              {row.ref && ` (${row.ref})`}: {row.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
