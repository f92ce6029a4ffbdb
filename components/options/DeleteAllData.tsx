import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { plainErrorMessage } from '../../lib/domain/errors';
import type { DeletedData } from '../../lib/messaging/protocol';
import { deleteAllDataMutation } from '../../lib/queries/delete';
import { ConfirmButton } from '../common/ConfirmButton';

/** What the person types to confirm: deleting everything must not be one stray click. */
export const CONFIRM_WORD = 'DELETE';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** One sentence saying what was deleted. */
export function deletedDataText(deleted: DeletedData): string {
  return (
    `Deleted ${count(deleted.cases, 'case', 'cases')}, ${count(deleted.notifications, 'notification', 'notifications')}, ` +
    `${count(deleted.alarms, 'alarm', 'alarms')} and the session state (spiral window). ` +
    (deleted.settings ? 'Settings were deleted too: defaults are in use.' : 'Settings were kept.')
  );
}

/** Delete all CareSide data, behind a typed confirmation; the settings only when ticked. */
export function DeleteAllData() {
  const id = useId();
  const queryClient = useQueryClient();
  const deleting = useMutation(deleteAllDataMutation(queryClient));
  const [typed, setTyped] = useState('');
  const [withSettings, setWithSettings] = useState(false);
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`} data-testid="options-data">
      <h2 id={`${id}-heading`}>Delete all CareSide data</h2>
      <p className="options-hint">
        Deletes every case (post text, authors, notes, timelines), the spiral window, reminders and their notifications from this browser.
        Export cases from the dashboard first if you need them.
      </p>
      <ConfirmButton
        label="Delete all CareSide data…"
        question={`This deletes all cases and cannot be undone. Type ${CONFIRM_WORD} to confirm.`}
        confirmLabel="Delete all data"
        canConfirm={typed.trim() === CONFIRM_WORD && !deleting.isPending}
        disabled={deleting.isPending}
        testId="options-delete-all"
        onConfirm={() => {
          deleting.mutate({ settings: withSettings });
          setTyped('');
        }}
      >
        <label className="options-row">
          Type {CONFIRM_WORD}:{' '}
          <input
            value={typed}
            autoComplete="off"
            data-testid="options-delete-all-word"
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <label className="options-row">
          <input
            type="checkbox"
            checked={withSettings}
            data-testid="options-delete-all-settings"
            onChange={(event) => setWithSettings(event.target.checked)}
          />{' '}
          Also delete the settings (brands, templates, targets)
        </label>
      </ConfirmButton>
      <p role="status" data-testid="options-delete-all-result">
        {deleting.isPending && 'Deleting…'}
        {deleting.isSuccess && deletedDataText(deleting.data)}
      </p>
      {deleting.isError && (
        <p role="alert" className="options-warning">
          Not everything was deleted: {plainErrorMessage(deleting.error)} Try again.
        </p>
      )}
    </section>
  );
}
