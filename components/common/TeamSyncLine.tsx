import type { TeamSyncStatus } from '../../lib/domain/team-connection';
import { t } from '../../lib/i18n/t';
import { teamSyncText } from './team-sync-text';

/** "Synced · last sync 2 min ago" / "Offline · 3 pending" / "Sync error: …", with a coloured dot. */
export function TeamSyncLine({ sync, now }: { sync: TeamSyncStatus; now: number }) {
  const { text, tone } = teamSyncText(sync, now);
  return (
    <p
      className={`team-sync team-sync-${tone}`}
      role="status"
      aria-label={`${t('teamSync.statusLabel')}: ${text}`}
      data-testid="team-sync-status"
      data-state={sync.state}
    >
      <span className="team-sync-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
