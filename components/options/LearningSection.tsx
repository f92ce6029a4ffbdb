import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { plainErrorMessage } from '../../lib/domain/errors';
import type { LearningStatus } from '../../lib/domain/learning';
import { learningStatusQuery, resetLearningMutation } from '../../lib/queries/learning';
import { ConfirmButton } from '../common/ConfirmButton';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "Learned from 37 corrections (12 complaints, 25 not)", or that it has learned nothing yet. */
export function learningText(status: LearningStatus): string {
  if (status.corrections === 0) return 'Nothing learned yet: triage uses the shipped model as it is.';
  return `Learned from ${count(status.corrections, 'correction', 'corrections')} (${count(status.complaint, 'complaint', 'complaints')}, ${status.notComplaint.toLocaleString('en-US')} not a complaint).`;
}

/** How much triage learned from the team's own calls, and a way back to the shipped model. */
export function LearningSection() {
  const id = useId();
  const queryClient = useQueryClient();
  const status = useQuery(learningStatusQuery());
  const reset = useMutation(resetLearningMutation(queryClient));
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`} data-testid="options-learning">
      <h2 id={`${id}-heading`}>Learning from your team</h2>
      <p className="options-hint">
        Each “Complaint” / “Not a complaint” click in the sidebar or a case, and each logged case, teaches triage your team’s calls. A
        corrected post follows your call at once; similar posts follow once a few calls agree. Only hashed word features are kept, no post
        text; the settings export includes them.
      </p>
      <p role="status" data-testid="options-learning-status">
        {status.isPending && 'Loading…'}
        {status.isSuccess && learningText(status.data)}
      </p>
      {status.isError && (
        <p role="alert" className="options-warning">
          Could not read what triage learned: {plainErrorMessage(status.error)}
        </p>
      )}
      <ConfirmButton
        label="Reset learning…"
        question={`Forget ${status.data ? count(status.data.corrections, 'correction', 'corrections') : 'every correction'}? Triage goes back to the shipped model; this cannot be undone (export settings first to keep them).`}
        confirmLabel="Forget corrections"
        disabled={reset.isPending || status.data?.corrections === 0}
        testId="options-learning-reset"
        onConfirm={() => reset.mutate()}
      />
      {reset.isSuccess && (
        <p data-testid="options-learning-reset-result">Forgot {count(reset.data.removed, 'correction', 'corrections')}.</p>
      )}
      {reset.isError && (
        <p role="alert" className="options-warning">
          Not reset: {plainErrorMessage(reset.error)}
        </p>
      )}
    </section>
  );
}
