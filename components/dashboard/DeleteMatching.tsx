import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseQueryFilterInput } from '../../lib/domain/case-views';
import { plainErrorMessage } from '../../lib/domain/errors';
import { deleteMatchingMutation } from '../../lib/queries/delete';
import { casePageQuery } from '../../lib/queries/workflow';
import { ConfirmButton } from '../common/ConfirmButton';

export function casesText(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'case' : 'cases'}`;
}

/** Delete every case the current filter matches, after a confirmation stating how many. */
export function DeleteMatching({ filter, onDeleted }: { filter: CaseQueryFilterInput; onDeleted: (count: number) => void }) {
  const queryClient = useQueryClient();
  // The list's own first page: already cached, so this costs no extra request.
  const first = useQuery(casePageQuery(filter, 0));
  const total = first.data?.total ?? 0;
  const deleting = useMutation(deleteMatchingMutation(queryClient));
  return (
    <div className="dash-delete-matching">
      <ConfirmButton
        // A new count is a new question: never confirm a number that was not shown.
        key={total}
        label={`Delete ${casesText(total)} matching this filter…`}
        question={`Delete ${casesText(total)} matching this filter? This cannot be undone. Export first if you need them.`}
        confirmLabel={`Delete ${casesText(total)}`}
        disabled={total === 0 || first.isPending || deleting.isPending}
        testId="dashboard-delete-matching"
        onConfirm={() => {
          // As in DeleteCase: told even if the re-read unmounts this first; a failure is shown below.
          deleting.mutateAsync({ filter, confirmed: total }).then(onDeleted, () => undefined);
        }}
      />
      {deleting.isPending && <span className="dash-muted"> Deleting…</span>}
      {deleting.isError && (
        <p role="alert" className="dash-error">
          {plainErrorMessage(deleting.error)}
        </p>
      )}
    </div>
  );
}
