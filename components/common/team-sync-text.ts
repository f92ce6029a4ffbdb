import type { TeamSyncStatus } from '../../lib/domain/team-connection';
import { formatNumber } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';
import { formatWaited } from './format';

const MINUTE_MS = 60_000;

export type SyncTone = 'ok' | 'busy' | 'offline' | 'error';

/** The one line the popup and options show about team sync, and how it should look. */
export function teamSyncText(sync: TeamSyncStatus, now: number): { text: string; tone: SyncTone } {
  switch (sync.state) {
    case 'starting':
      return { text: t('teamSync.starting'), tone: 'busy' };
    case 'syncing':
      return { text: t('teamSync.syncing'), tone: 'busy' };
    case 'offline': {
      // Why the count does not drain (the failed request's reason), when known.
      const count = formatNumber(sync.pending);
      const text = sync.error
        ? t('teamSync.offlineBecause', sync.pending, { count, reason: sync.error })
        : t('teamSync.offline', sync.pending, { count });
      return { text, tone: 'offline' };
    }
    case 'error':
      return { text: t('teamSync.error', { reason: sync.error ?? '?' }), tone: 'error' };
    case 'synced': {
      if (sync.lastSyncAt === undefined) return { text: t('teamSync.synced'), tone: 'ok' };
      const ago = now - sync.lastSyncAt;
      if (ago < MINUTE_MS) return { text: t('teamSync.syncedJustNow'), tone: 'ok' };
      return { text: t('teamSync.syncedAgo', { duration: formatWaited(ago) }), tone: 'ok' };
    }
  }
}
