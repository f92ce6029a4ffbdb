import { useQuery } from '@tanstack/react-query';
import { teamStatusQuery } from '../../lib/queries/team';
import { TeamSyncLine } from '../common/TeamSyncLine';

/** The team sync line under the popup's header; nothing at all when no team is configured. */
export function TeamSync({ now }: { now: () => number }) {
  const status = useQuery(teamStatusQuery());
  if (!status.data?.configured) return null;
  return (
    <div className="popup-team-sync">
      <TeamSyncLine sync={status.data.sync} now={now()} />
    </div>
  );
}
