import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Case } from '../../lib/domain/case';
import { plainErrorMessage } from '../../lib/domain/errors';
import { deleteCasesMutation } from '../../lib/queries/delete';
import { ConfirmButton } from '../common/ConfirmButton';
import { t } from '../../lib/i18n/t';

/** "Delete case" on the case view, behind a confirmation that names the ref. */
export function DeleteCase({ item, onDeleted }: { item: Case; onDeleted: (ref: string) => void }) {
  const queryClient = useQueryClient();
  const deleting = useMutation(deleteCasesMutation(queryClient));
  return (
    <div className="dash-delete">
      <ConfirmButton
        label={t('dashboard.deleteCase')}
        question={t('dashboard.deleteCaseQuestion', { ref: item.ref })}
        confirmLabel={t('dashboard.deleteRef', { ref: item.ref })}
        disabled={deleting.isPending}
        testId="dashboard-delete-case"
        onConfirm={() => {
          // Not mutate's onSuccess: the re-read after the delete may unmount this view first,
          // and mutate's callbacks are dropped with it. A failure is shown below.
          deleting.mutateAsync([item.id]).then(
            () => onDeleted(item.ref),
            () => undefined,
          );
        }}
      />
      {deleting.isError && (
        <p role="alert" className="dash-error">
          {t('dashboard.notDeleted', { ref: item.ref, error: plainErrorMessage(deleting.error) })}
        </p>
      )}
    </div>
  );
}
