import { useId } from 'react';
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
      <h2 id={`${id}-heading`}>Retention</h2>
      <p className="options-hint">
        {days === ''
          ? 'Closed cases are kept until you delete them.'
          : `Closed cases are deleted ${days} days after they were closed. Open and resolved cases are never deleted automatically.`}
      </p>
      <TextField
        name="retentionClosedCaseDays"
        label="Delete closed cases after"
        hint="Leave blank to keep them. From 1 to 3650 days."
        inputMode="numeric"
        suffix="days"
        value={draft.closedCaseDays}
        errors={messagesAt(issues, ['retention', 'closedCaseDays'])}
        onChange={(closedCaseDays) => onChange({ closedCaseDays })}
      />
    </section>
  );
}
