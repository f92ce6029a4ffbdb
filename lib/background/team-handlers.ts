import { cleanTeamConnection } from '../domain/team-connection';
import type { MessageHandlers } from '../messaging/server';
import type { TeamService } from './team';

type TeamMessage = 'team/status' | 'team/test' | 'team/connect' | 'team/disconnect' | 'team/refused' | 'team/discardRefused';

/** The options page's Team section and the popup's sync line; extension pages only (protocol.ts). */
export function createTeamHandlers(team: TeamService): Pick<MessageHandlers, TeamMessage> {
  return {
    'team/status': () => Promise.resolve(team.status()),
    'team/test': ({ connection }) => team.test(cleanTeamConnection(connection)),
    'team/connect': ({ connection }) => team.connect(cleanTeamConnection(connection)),
    'team/disconnect': () => team.disconnect(),
    'team/refused': async () => ({ changes: await team.refused() }),
    'team/discardRefused': ({ ids }) => team.discardRefused(ids),
  };
}
