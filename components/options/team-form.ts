import type { ConnectionCheck, TeamConnection, TeamConnectionField, TeamFieldProblem } from '../../lib/domain/team-connection';
import { t } from '../../lib/i18n/t';

export const EMPTY_TEAM_FIELDS: TeamConnection = { serverUrl: '', database: '', user: '', password: '' };

/** What to tell the agent about one field's problem. */
function fieldProblemText({ field, problem }: TeamFieldProblem): string {
  switch (field) {
    case 'serverUrl':
      if (problem === 'missing') return t('teamSync.missingServerUrl');
      if (problem === 'not_url') return t('teamSync.notUrl');
      if (problem === 'credentials_in_url') return t('teamSync.credentialsInUrl');
      return t('teamSync.notHttps');
    case 'database':
      return problem === 'missing' ? t('teamSync.missingDatabase') : t('teamSync.badDatabase');
    case 'user':
      return problem === 'missing' ? t('teamSync.missingUser') : t('teamSync.badUser');
    case 'password':
      return t('teamSync.missingPassword');
  }
}

/** The problems grouped by field, as the fields show them. */
export function fieldErrors(problems: readonly TeamFieldProblem[]): Record<TeamConnectionField, string[]> {
  const errors: Record<TeamConnectionField, string[]> = { serverUrl: [], database: [], user: [], password: [] };
  for (const problem of problems) errors[problem.field].push(fieldProblemText(problem));
  return errors;
}

/** What "Test connection" (or a refused Connect) found, in a sentence naming the server, database and user. */
export function connectionCheckText(check: ConnectionCheck, connection: TeamConnection, extensionOrigin: string): string {
  const server = connection.serverUrl;
  const { database, user } = connection;
  if (check.ok) return t('teamSync.testOk', { user, database });
  switch (check.problem) {
    case 'unreachable':
      return t('teamSync.unreachable', { server });
    case 'cors':
      return t('teamSync.cors', { server, origin: extensionOrigin });
    case 'unauthorized':
      return t('teamSync.unauthorized');
    case 'not_member':
      return t('teamSync.notMember', { user, database });
    case 'no_database':
      return t('teamSync.noDatabase', { database, server });
    case 'server_error':
      return t('teamSync.serverError', { detail: check.detail ?? '?' });
  }
}
