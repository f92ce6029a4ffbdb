import type { CorrectionLabel } from '../../lib/domain/learning';
import { t } from '../../lib/i18n/t';

export interface CorrectButtonProps {
  /** The verdict shown now: the button offers the other one. */
  complaint: boolean;
  pending: boolean;
  onCorrect: (label: CorrectionLabel) => void;
  testId?: string;
}

/**
 * One click tells CareSide the verdict is wrong: "Not a complaint" on a complaint, "Complaint"
 * on a post it let through. The post's verdict follows at once and the team's layer learns from it.
 */
export function CorrectButton({ complaint, pending, onCorrect, testId = 'careside-correct' }: CorrectButtonProps) {
  const label: CorrectionLabel = complaint ? 'not_complaint' : 'complaint';
  const text = complaint ? t('sidebar.notComplaint') : t('sidebar.complaint');
  return (
    <button
      type="button"
      className="cs-correct"
      data-testid={testId}
      data-label={label}
      disabled={pending}
      aria-label={complaint ? t('sidebar.markNotComplaint') : t('sidebar.markComplaint')}
      title={complaint ? t('sidebar.markNotComplaintTitle') : t('sidebar.markComplaintTitle')}
      onClick={() => onCorrect(label)}
    >
      {pending ? t('sidebar.saving') : `✎ ${text}`}
    </button>
  );
}
