import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { plainErrorMessage } from '../../lib/domain/errors';
import type { DeletedData } from '../../lib/messaging/protocol';
import { formatNumber } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';
import { deleteAllDataMutation } from '../../lib/queries/delete';
import { ConfirmButton } from '../common/ConfirmButton';

/** What the person types to confirm: deleting everything must not be one stray click. */
export const CONFIRM_WORD = 'DELETE';

/** One sentence saying what was deleted. */
export function deletedDataText(deleted: DeletedData): string {
  const what = {
    cases: t('options.deletedCases', deleted.cases, { count: formatNumber(deleted.cases) }),
    notifications: t('options.deletedNotifications', deleted.notifications, { count: formatNumber(deleted.notifications) }),
    alarms: t('options.deletedAlarms', deleted.alarms, { count: formatNumber(deleted.alarms) }),
  };
  const team = deleted.team ? t('options.deletedTeam', { database: deleted.team }) : '';
  return t('options.deleted', what) + t(deleted.settings ? 'options.deletedSettings' : 'options.keptSettings') + team;
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
      <h2 id={`${id}-heading`}>{t('options.deleteAll')}</h2>
      <p className="options-hint">{t('options.deleteAllHint')}</p>
      <ConfirmButton
        label={t('options.deleteAllButton')}
        question={t('options.deleteAllQuestion', { word: CONFIRM_WORD })}
        confirmLabel={t('options.deleteAllConfirm')}
        canConfirm={typed.trim() === CONFIRM_WORD && !deleting.isPending}
        disabled={deleting.isPending}
        testId="options-delete-all"
        onConfirm={() => {
          deleting.mutate({ settings: withSettings });
          setTyped('');
        }}
      >
        <label className="options-row">
          {t('options.deleteAllType', { word: CONFIRM_WORD })}{' '}
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
          {t('options.deleteAllSettings')}
        </label>
      </ConfirmButton>
      <p role="status" data-testid="options-delete-all-result">
        {deleting.isPending && t('options.deleting')}
        {deleting.isSuccess && deletedDataText(deleting.data)}
      </p>
      {deleting.isError && (
        <p role="alert" className="options-warning">
          {t('options.deleteAllFailed', { error: plainErrorMessage(deleting.error) })}
        </p>
      )}
    </section>
  );
}
