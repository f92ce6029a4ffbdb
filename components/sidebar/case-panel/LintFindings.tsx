import type { LintFinding } from '../../../lib/replies/lint';
import { lintLabel } from './labels';
import { t } from '../../../lib/i18n/t';

/** The linter's findings for the reply being edited, errors first. */
export function LintFindings({ findings }: { findings: readonly LintFinding[] }) {
  if (findings.length === 0) {
    return (
      <p className="cs-cp-lint-ok" data-testid="careside-lint-ok">
        {t('casePanel.lintOk')}
      </p>
    );
  }
  return (
    <ul className="cs-cp-lint" aria-label={t('casePanel.lintLabel')}>
      {findings.map((finding, index) => (
        <li
          key={`${finding.code}-${finding.start ?? -1}-${index}`}
          className={`cs-cp-lint-finding cs-cp-${finding.severity}`}
          data-testid="careside-lint-finding"
          data-code={finding.code}
          data-severity={finding.severity}
        >
          <strong>{lintLabel(finding.code)}</strong> {finding.message}
        </li>
      ))}
    </ul>
  );
}
