import { useId } from 'react';
import { t } from '../../lib/i18n/t';
import { messagesAt, type ValidationIssue } from '../../lib/validation/issues';
import type { RetentionDraft } from '../../lib/settings/workflow-draft';
import { TextField } from './TextField';

/** How long closed cases are kept (saved with the other settings). */
export function RetentionSection({
  draft,
  issues,
  onChange,
}: {
  draft: RetentionDraft;
  issues: readonly ValidationIssue[];
  onChange: (draft: RetentionDraft) => void;
}) {
  const id = useId();
  const days = draft.closedCaseDays.trim();
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`} data-testid="options-retention">
      <h2 id={`${id}-heading`}>{t('options.retention')}</h2>
      <p className="options-hint">{days === '' ? t('options.retentionKeep') : t('options.retentionDelete', { days })}</p>
      <TextField
        name="retentionClosedCaseDays"
        label={t('options.retentionField')}
        hint={t('options.retentionHint')}
        inputMode="numeric"
        suffix={t('options.days')}
        value={draft.closedCaseDays}
        errors={messagesAt(issues, ['retention', 'closedCaseDays'])}
        onChange={(closedCaseDays) => onChange({ closedCaseDays })}
      />
    </section>
  );
}
