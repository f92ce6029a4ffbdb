import type { CorrectionLabel } from '../../../lib/domain/learning';
import { t } from '../../../lib/i18n/t';

export interface TriageCallView {
  /** The team's call on the post as this panel knows it (logging counts as "complaint"). */
  current: CorrectionLabel;
  pending: boolean;
  error?: string | undefined;
  onCorrect: (label: CorrectionLabel) => void;
}

const CHOICES: readonly { label: CorrectionLabel; text: 'sidebar.complaint' | 'sidebar.notComplaint' }[] = [
  { label: 'complaint', text: 'sidebar.complaint' },
  { label: 'not_complaint', text: 'sidebar.notComplaint' },
];

/** The team's call on the case's post, one click to change; CareSide's triage learns from it. */
export function TriageCall({ current, pending, error, onCorrect }: TriageCallView) {
  return (
    <div className="cs-cp-call" data-testid="careside-case-triage-call">
      <span id="cs-cp-call-label">{t('casePanel.teamCall')}</span>
      <div role="group" aria-labelledby="cs-cp-call-label" className="cs-cp-call-choices">
        {CHOICES.map((choice) => (
          <button
            key={choice.label}
            type="button"
            className="cs-correct"
            aria-pressed={current === choice.label}
            disabled={pending}
            data-testid={`careside-case-call-${choice.label}`}
            onClick={() => {
              if (current !== choice.label) onCorrect(choice.label);
            }}
          >
            {t(choice.text)}
          </button>
        ))}
      </div>
      {error ? (
        <p className="cs-error" role="alert">
          {t('casePanel.notSaved', { error })}
        </p>
      ) : null}
    </div>
  );
}
