import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseQueryFilterInput } from '../../lib/domain/case-views';
import { plainErrorMessage } from '../../lib/domain/errors';
import { deleteMatchingMutation } from '../../lib/queries/delete';
import { casePageQuery } from '../../lib/queries/workflow';
import { ConfirmButton } from '../common/ConfirmButton';
import { t } from '../../lib/i18n/t';
import { formatNumber } from '../../lib/i18n/format';

export function casesText(count: number): string {
  return t('dashboard.casesCount', count, { count: formatNumber(count) });
}

/** Delete every case the current filter matches, after a confirmation stating how many. */
export function DeleteMatching({ filter, onDeleted }: { filter: CaseQueryFilterInput; onDeleted: (count: number) => void }) {
  const queryClient = useQueryClient();
  // The list's own first page: already cached, so this costs no extra request.
  const first = useQuery(casePageQuery(filter, 0));
  const total = first.data?.total ?? 0;
  // A common-word search has not counted every match: no number to confirm, so no delete-all.
  const counted = first.data?.totalIsLowerBound !== true;
  const deleting = useMutation(deleteMatchingMutation(queryClient));
  return (
    <div className="dash-delete-matching">
      <ConfirmButton
        // A new count is a new question: never confirm a number that was not shown.
        key={total}
        label={t('dashboard.deleteMatching', total, { count: formatNumber(total) })}
        question={t('dashboard.deleteMatchingQuestion', total, { count: formatNumber(total) })}
        confirmLabel={t('dashboard.deleteCount', { cases: casesText(total) })}
        disabled={total === 0 || !counted || first.isPending || deleting.isPending}
        testId="dashboard-delete-matching"
        onConfirm={() => {
          // As in DeleteCase: told even if the re-read unmounts this first; a failure is shown below.
          deleting.mutateAsync({ filter, confirmed: total }).then(onDeleted, () => undefined);
        }}
      />
      {deleting.isPending && <span className="dash-muted">{t('dashboard.deleting')}</span>}
      {deleting.isError && (
        <p role="alert" className="dash-error">
          {plainErrorMessage(deleting.error)}
        </p>
      )}
    </div>
  );
}
