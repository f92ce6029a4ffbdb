import { useId } from 'react';
import { messagesAt, type ValidationIssue } from '../../lib/validation/issues';
import type { SpiralsDraft } from '../../lib/settings/workflow-draft';
import { TextField } from './TextField';

/** When similar complaints pile up fast enough to call it a spiral. */
export function SpiralsSection({
  draft,
  issues,
  onChange,
}: {
  draft: SpiralsDraft;
  issues: readonly ValidationIssue[];
  onChange: (draft: SpiralsDraft) => void;
}) {
  const id = useId();
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`} data-testid="options-spirals">
      <h2 id={`${id}-heading`}>Spiral alerts</h2>
      <p className="options-hint">
        Alert the team when {draft.minSimilar.trim() || 'N'} similar complaints arrive within {draft.windowMinutes.trim() || 'T'} minutes:
        one post is a case, many alike are an incident.
      </p>
      <div className="options-targets-grid">
        <TextField
          name="spiralMinSimilar"
          label="Similar complaints"
          hint="How many, from 2 to 1000."
          inputMode="numeric"
          value={draft.minSimilar}
          errors={messagesAt(issues, ['spirals', 'minSimilar'])}
          onChange={(minSimilar) => onChange({ ...draft, minSimilar })}
        />
        <TextField
          name="spiralWindowMinutes"
          label="Time window"
          hint="From 1 minute to 7 days (10080 minutes)."
          inputMode="numeric"
          suffix="minutes"
          value={draft.windowMinutes}
          errors={messagesAt(issues, ['spirals', 'windowMinutes'])}
          onChange={(windowMinutes) => onChange({ ...draft, windowMinutes })}
        />
      </div>
    </section>
  );
}
