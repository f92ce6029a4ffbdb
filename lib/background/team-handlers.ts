import { cleanTeamConnection } from '../domain/team-connection';
import type { MessageHandlers } from '../messaging/server';
import type { TeamService } from './team';

/** The options page's Team section and the popup's sync line; extension pages only (protocol.ts). */
export function createTeamHandlers(
  team: TeamService,
): Pick<MessageHandlers, 'team/status' | 'team/test' | 'team/connect' | 'team/disconnect'> {
  return {
    'team/status': () => Promise.resolve(team.status()),
    'team/test': ({ connection }) => team.test(cleanTeamConnection(connection)),
    'team/connect': ({ connection }) => team.connect(cleanTeamConnection(connection)),
    'team/disconnect': () => team.disconnect(),
  };
}
