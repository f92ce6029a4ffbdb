import { useId } from 'react';
import { JsonFileInput } from '../common/JsonFileInput';

/** Export / import controls; what they do is decided by the page. */
export function ImportExport({ onExport, onImport }: { onExport: () => void; onImport: (file: File) => void }) {
  const id = useId();
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Back up and restore</h2>
      <p className="options-hint">
        Export saves all stored settings (brands, private channels, signature, templates, targets, spiral alerts) and the triage corrections
        your team made as a JSON file. Import reads such a file (at most 1 MB) and shows what it contains before anything changes.
      </p>
      <div className="options-row">
        <button type="button" onClick={onExport} data-testid="options-export">
          Export settings
        </button>
        <label htmlFor={`${id}-file`}>Import a settings file:</label>
        <JsonFileInput id={`${id}-file`} testId="options-import" onFile={onImport} />
      </div>
    </section>
  );
}
