import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { plainErrorMessage } from '../../lib/domain/errors';
import type { RefusedChange } from '../../lib/domain/team-connection';
import { t } from '../../lib/i18n/t';
import { discardRefusedMutation, refusedChangesQuery } from '../../lib/queries/team';
import { ConfirmButton } from '../common/ConfirmButton';

/** "Note on CS-7F3K": which change it was, in words. */
export function refusedChangeLabel(change: RefusedChange): string {
  const target = change.ref ?? t('teamSync.refusedNoCase');
  switch (change.kind) {
    case 'case':
      return t('teamSync.refusedCase', { target });
    case 'event':
      return t('teamSync.refusedEvent', { target });
    case 'note':
      return t('teamSync.refusedNote', { target });
    case 'agent':
      return t('teamSync.refusedAgent');
    case 'presence':
      return t('teamSync.refusedPresence');
    case 'other':
      return t('teamSync.refusedOther', { target: change.id });
  }
}

/**
 * Options → Team: each change the server refused, with its reason, and Discard (after a
 * confirmation) for the ones the agent gives up on. Nothing shows while none is refused.
 */
export function RefusedChanges() {
  const id = useId();
  const queryClient = useQueryClient();
  const refused = useQuery(refusedChangesQuery());
  const discard = useMutation(discardRefusedMutation(queryClient));
  const changes = refused.data ?? [];
  if (changes.length === 0) return null;
  return (
    <div className="options-team-refused" aria-labelledby={`${id}-heading`} role="group" data-testid="options-team-refused">
      <h3 id={`${id}-heading`}>{t('teamSync.refusedHeading')}</h3>
      <p className="options-hint">{t('teamSync.refusedHint')}</p>
      <ul>
        {changes.map((change) => (
          <li key={change.id} data-testid="options-team-refused-item">
            <strong>{refusedChangeLabel(change)}</strong>: {change.reason}{' '}
            <ConfirmButton
              label={t('teamSync.discard')}
              question={t('teamSync.discardQuestion')}
              confirmLabel={t('teamSync.discardConfirm')}
              disabled={discard.isPending}
              testId="options-team-refused-discard"
              onConfirm={() => discard.mutate([change.id])}
            />
          </li>
        ))}
      </ul>
      {discard.isError && (
        <p role="alert" className="options-warning">
          {t('teamSync.discardFailed', { error: plainErrorMessage(discard.error) })}
        </p>
      )}
    </div>
  );
}
