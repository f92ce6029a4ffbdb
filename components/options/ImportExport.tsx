import { useId } from 'react';
import { t } from '../../lib/i18n/t';
import { JsonFileInput } from '../common/JsonFileInput';

/** Export / import controls; what they do is decided by the page. */
export function ImportExport({ onExport, onImport }: { onExport: () => void; onImport: (file: File) => void }) {
  const id = useId();
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('options.backup')}</h2>
      <p className="options-hint">{t('options.backupHint')}</p>
      <div className="options-row">
        <button type="button" onClick={onExport} data-testid="options-export">
          {t('options.export')}
        </button>
        <label htmlFor={`${id}-file`}>{t('options.importFile')}</label>
        <JsonFileInput id={`${id}-file`} testId="options-import" onFile={onImport} />
      </div>
    </section>
  );
}
