import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Case } from '../../lib/domain/case';
import { plainErrorMessage } from '../../lib/domain/errors';
import { deleteCasesMutation } from '../../lib/queries/delete';
import { ConfirmButton } from '../common/ConfirmButton';

/** "Delete case" on the case view, behind a confirmation that names the ref. */
export function DeleteCase({ item, onDeleted }: { item: Case; onDeleted: (ref: string) => void }) {
  const queryClient = useQueryClient();
  const deleting = useMutation(deleteCasesMutation(queryClient));
  return (
    <div className="dash-delete">
      <ConfirmButton
        label="Delete case"
        question={`Delete case ${item.ref}? Its post text, author, notes and timeline are removed from this browser. This cannot be undone.`}
        confirmLabel={`Delete ${item.ref}`}
        disabled={deleting.isPending}
        testId="dashboard-delete-case"
        onConfirm={() => deleting.mutate([item.id], { onSuccess: () => onDeleted(item.ref) })}
      />
      {deleting.isError && (
        <p role="alert" className="dash-error">
          {item.ref} was not deleted: {plainErrorMessage(deleting.error)}
        </p>
      )}
    </div>
  );
}
