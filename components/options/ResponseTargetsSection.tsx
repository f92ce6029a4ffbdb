import { useId } from 'react';
import { PRIORITIES, type Priority } from '../../lib/domain/triage';
import { messagesAt, type ValidationIssue } from '../../lib/validation/issues';
import { wholeNumberOrText, type TargetsDraft } from '../../lib/settings/workflow-draft';
import { formatDuration } from '../../lib/workflow/targets';
import { FieldErrors, TextField } from './TextField';

const PRIORITY_HINTS: Record<Priority, string> = {
  P1: 'most urgent: safety, outages, viral posts',
  P2: 'urgent',
  P3: 'normal (also used for cases logged without a priority)',
  P4: 'low',
};

/** "minutes (4 h)" for an hour or more, so 1440 reads as a day. */
function minutesSuffix(text: string) {
  const minutes = wholeNumberOrText(text);
  return typeof minutes === 'number' && minutes >= 60 ? `minutes (${formatDuration(minutes * 60_000)})` : 'minutes';
}

/** First-response targets per priority, with the ordering rule stated where it applies. */
export function ResponseTargetsSection({
  draft,
  issues,
  onChange,
}: {
  draft: TargetsDraft;
  issues: readonly ValidationIssue[];
  onChange: (draft: TargetsDraft) => void;
}) {
  const id = useId();
  const orderErrors = messagesAt(issues, ['responseTargets']);
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`} data-testid="options-targets">
      <h2 id={`${id}-heading`}>Response targets</h2>
      <p className="options-hint" id={`${id}-rule`}>
        Minutes until a customer should get a first response, per priority. P1 is the most urgent, so a lower priority may not have a
        shorter target than a higher one: P1 ≤ P2 ≤ P3 ≤ P4. Each target is between 1 minute and 30 days.
      </p>
      <div className="options-targets-grid">
        {PRIORITIES.map((priority) => (
          <TextField
            key={priority}
            name={`target-${priority}`}
            label={`${priority} target`}
            hint={PRIORITY_HINTS[priority]}
            inputMode="numeric"
            value={draft[priority]}
            errors={messagesAt(issues, ['responseTargets', priority])}
            suffix={minutesSuffix(draft[priority])}
            onChange={(value) => onChange({ ...draft, [priority]: value })}
          />
        ))}
      </div>
      <FieldErrors id={`${id}-order`} errors={orderErrors} />
    </section>
  );
}
