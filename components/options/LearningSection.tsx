import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { plainErrorMessage } from '../../lib/domain/errors';
import type { LearningStatus } from '../../lib/domain/learning';
import { formatNumber } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';
import { learningStatusQuery, resetLearningMutation } from '../../lib/queries/learning';
import { ConfirmButton } from '../common/ConfirmButton';

const corrections = (n: number) => t('options.learningCorrections', n, { count: formatNumber(n) });

/** "Learned from 37 corrections (12 complaints, 25 not)", or that it has learned nothing yet. */
export function learningText(status: LearningStatus): string {
  if (status.corrections === 0) return t('options.learningNothing');
  return t('options.learningFrom', {
    corrections: corrections(status.corrections),
    complaints: t('options.learningComplaints', status.complaint, { count: formatNumber(status.complaint) }),
    notComplaint: formatNumber(status.notComplaint),
  });
}

/** How much triage learned from the team's own calls, and a way back to the shipped model. */
export function LearningSection() {
  const id = useId();
  const queryClient = useQueryClient();
  const status = useQuery(learningStatusQuery());
  const reset = useMutation(resetLearningMutation(queryClient));
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`} data-testid="options-learning">
      <h2 id={`${id}-heading`}>{t('options.learning')}</h2>
      <p className="options-hint">{t('options.learningHint')}</p>
      <p role="status" data-testid="options-learning-status">
        {status.isPending && t('options.loadingShort')}
        {status.isSuccess && learningText(status.data)}
      </p>
      {status.isError && (
        <p role="alert" className="options-warning">
          {t('options.learningReadError', { error: plainErrorMessage(status.error) })}
        </p>
      )}
      <ConfirmButton
        label={t('options.learningReset')}
        question={t('options.learningResetQuestion', {
          corrections: status.data ? corrections(status.data.corrections) : t('options.learningEvery'),
        })}
        confirmLabel={t('options.learningForget')}
        disabled={reset.isPending || status.data?.corrections === 0}
        testId="options-learning-reset"
        onConfirm={() => reset.mutate()}
      />
      {reset.isSuccess && (
        <p data-testid="options-learning-reset-result">{t('options.learningForgot', { corrections: corrections(reset.data.removed) })}</p>
      )}
      {reset.isError && (
        <p role="alert" className="options-warning">
          {t('options.learningNotReset', { error: plainErrorMessage(reset.error) })}
        </p>
      )}
    </section>
  );
}
