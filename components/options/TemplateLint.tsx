import type { TemplatePreview } from '../../lib/settings/template-draft';
import { t } from '../../lib/i18n/t';

/** The body rendered with sample values and what the reply linter says about it, live. */
export function TemplateLint({ preview, anyPlatform }: { preview: TemplatePreview | null; anyPlatform: boolean }) {
  if (!preview) {
    return (
      <div className="options-template-lint" data-testid="options-template-lint">
        <p className="options-hint">{t('options.lintEmpty')}</p>
      </div>
    );
  }
  const where = t(`options.lintWhere.${preview.platform}.${preview.kind === 'public' ? 'public' : 'private'}`);
  return (
    <div className="options-template-lint" data-testid="options-template-lint" aria-live="polite">
      <p className="options-hint">{t(anyPlatform ? 'options.lintCheckedAny' : 'options.lintChecked', { where })}</p>
      <blockquote className="options-template-preview">{preview.text}</blockquote>
      {preview.findings.length === 0 ? (
        <p className="options-lint-ok">{t('options.lintOk')}</p>
      ) : (
        <ul className="options-lint-findings">
          {preview.findings.map((finding, index) => (
            <li key={index} data-code={finding.code} data-severity={finding.severity} className={`options-lint-${finding.severity}`}>
              <strong>{t(finding.severity === 'error' ? 'options.lintError' : 'options.lintWarning')}</strong> {finding.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
