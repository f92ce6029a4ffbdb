import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { plainErrorMessage } from '../../lib/domain/errors';
import { cleanTeamConnection, teamConnectionProblems, type TeamConnection } from '../../lib/domain/team-connection';
import { t } from '../../lib/i18n/t';
import { connectTeamMutation, disconnectTeamMutation, teamStatusQuery, testTeamConnectionMutation } from '../../lib/queries/team';
import { TeamSyncLine } from '../common/TeamSyncLine';
import { RefusedChanges } from './RefusedChanges';
import { connectionCheckText, EMPTY_TEAM_FIELDS, fieldErrors } from './team-form';
import { TextField } from './TextField';

type Outcome = { kind: 'success' | 'error'; text: string } | null;

/** The origin a team server must allow (CORS), as the agent has to type it into the server's settings. */
const extensionOrigin = () => browser.runtime.getURL('/').replace(/\/$/, '');

/**
 * Options → Team: the team server's address, database, user and password; Test connection says
 * what is in the way; Connect keeps them (in this browser only) and starts the sync.
 */
export function TeamSection({ now = Date.now }: { now?: () => number }) {
  const id = useId();
  const queryClient = useQueryClient();
  const status = useQuery(teamStatusQuery());
  const test = useMutation(testTeamConnectionMutation());
  const connect = useMutation(connectTeamMutation(queryClient));
  const disconnect = useMutation(disconnectTeamMutation(queryClient));
  const [fields, setFields] = useState<TeamConnection>(EMPTY_TEAM_FIELDS);
  const [showProblems, setShowProblems] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const busy = test.isPending || connect.isPending || disconnect.isPending;

  const problems = teamConnectionProblems(fields);
  const errors = fieldErrors(showProblems ? problems : []);
  const edit = (patch: Partial<TeamConnection>) => {
    setFields({ ...fields, ...patch });
    setOutcome(null);
  };
  /** The cleaned connection, or null after showing what to fix. */
  const ready = (): TeamConnection | null => {
    setShowProblems(true);
    setOutcome(null);
    return problems.length === 0 ? cleanTeamConnection(fields) : null;
  };
  const failed = (error: unknown) => setOutcome({ kind: 'error', text: t('teamSync.failed', { error: plainErrorMessage(error) }) });

  const onTest = () => {
    const connection = ready();
    if (!connection) return;
    test.mutate(connection, {
      onSuccess: (check) =>
        setOutcome({ kind: check.ok ? 'success' : 'error', text: connectionCheckText(check, connection, extensionOrigin()) }),
      onError: failed,
    });
  };
  const onConnect = () => {
    const connection = ready();
    if (!connection) return;
    connect.mutate(connection, {
      onSuccess: ({ check }) => {
        if (check.ok) {
          setFields({ ...EMPTY_TEAM_FIELDS, serverUrl: connection.serverUrl, database: connection.database, user: connection.user });
          setShowProblems(false);
          return;
        }
        const reason = connectionCheckText(check, connection, extensionOrigin());
        setOutcome({ kind: 'error', text: t('teamSync.connectRefused', { reason }) });
      },
      onError: failed,
    });
  };
  const onDisconnect = () =>
    disconnect.mutate(undefined, { onSuccess: () => setOutcome({ kind: 'success', text: t('teamSync.disconnected') }), onError: failed });

  const team = status.data;
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`} data-testid="options-team">
      <h2 id={`${id}-heading`}>{t('teamSync.heading')}</h2>
      <p className="options-hint">{t('teamSync.hint')}</p>
      {status.isError && (
        <p role="alert" className="options-warning">
          {t('teamSync.failed', { error: plainErrorMessage(status.error) })}
        </p>
      )}
      {team?.configured ? (
        <div className="options-team-connected">
          <p data-testid="options-team-connected">
            {t('teamSync.connectedTo', { database: team.database, server: team.serverUrl, user: team.user })}
          </p>
          <TeamSyncLine sync={team.sync} now={now()} />
          <RefusedChanges />
          <div className="options-row">
            <button type="button" onClick={onDisconnect} disabled={busy} data-testid="options-team-disconnect">
              {disconnect.isPending ? t('teamSync.disconnecting') : t('teamSync.disconnect')}
            </button>
          </div>
        </div>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onConnect();
          }}
        >
          <TextField
            label={t('teamSync.serverUrl')}
            name="team-server"
            value={fields.serverUrl}
            inputMode="url"
            hint={t('teamSync.serverUrlHint')}
            errors={errors.serverUrl}
            onChange={(serverUrl) => edit({ serverUrl })}
          />
          <TextField
            label={t('teamSync.database')}
            name="team-database"
            value={fields.database}
            errors={errors.database}
            onChange={(database) => edit({ database })}
          />
          <TextField
            label={t('teamSync.user')}
            name="team-user"
            value={fields.user}
            autoComplete="username"
            errors={errors.user}
            onChange={(user) => edit({ user })}
          />
          <TextField
            label={t('teamSync.password')}
            name="team-password"
            type="password"
            value={fields.password}
            autoComplete="current-password"
            hint={t('teamSync.passwordHint')}
            errors={errors.password}
            onChange={(password) => edit({ password })}
          />
          <div className="options-row">
            <button type="button" onClick={onTest} disabled={busy} data-testid="options-team-test">
              {test.isPending ? t('teamSync.testing') : t('teamSync.test')}
            </button>
            <button type="submit" className="primary" disabled={busy} data-testid="options-team-connect">
              {connect.isPending ? t('teamSync.connecting') : t('teamSync.connect')}
            </button>
          </div>
        </form>
      )}
      {outcome && (
        <p
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          className={`options-team-result options-message-${outcome.kind}`}
          data-testid="options-team-result"
        >
          {outcome.text}
        </p>
      )}
    </section>
  );
}
