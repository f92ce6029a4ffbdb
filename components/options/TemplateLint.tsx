import type { TemplatePreview } from '../../lib/settings/template-draft';
import { PLATFORM_LABELS } from '../common/labels';

/** The body rendered with sample values and what the reply linter says about it, live. */
export function TemplateLint({ preview, anyPlatform }: { preview: TemplatePreview | null; anyPlatform: boolean }) {
  if (!preview) {
    return (
      <div className="options-template-lint" data-testid="options-template-lint">
        <p className="options-hint">Write a body with known variables to see a preview and checks.</p>
      </div>
    );
  }
  const where = `${PLATFORM_LABELS[preview.platform]} ${preview.kind === 'public' ? 'public reply' : 'private message'}`;
  return (
    <div className="options-template-lint" data-testid="options-template-lint" aria-live="polite">
      <p className="options-hint">
        Checked as {preview.platform === 'x' ? 'an' : 'a'} {where}
        {anyPlatform ? ' (the strictest platform for "any")' : ''}, with sample values:
      </p>
      <blockquote className="options-template-preview">{preview.text}</blockquote>
      {preview.findings.length === 0 ? (
        <p className="options-lint-ok">No problems found.</p>
      ) : (
        <ul className="options-lint-findings">
          {preview.findings.map((finding, index) => (
            <li key={index} data-code={finding.code} data-severity={finding.severity} className={`options-lint-${finding.severity}`}>
              <strong>{finding.severity === 'error' ? 'Error' : 'Warning'}:</strong> {finding.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
