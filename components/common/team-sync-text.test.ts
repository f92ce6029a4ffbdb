import { describe, expect, it } from 'vitest';
import { teamSyncText } from './team-sync-text';

const NOW = 1_800_000_000_000;

describe('teamSyncText', () => {
  it('words each state as the popup shows it', () => {
    expect(teamSyncText({ state: 'synced', pending: 0, lastSyncAt: NOW - 2 * 60_000 }, NOW)).toEqual({
      text: 'Synced · last sync 2 min ago',
      tone: 'ok',
    });
    expect(teamSyncText({ state: 'synced', pending: 0, lastSyncAt: NOW - 5_000 }, NOW).text).toBe('Synced · last sync just now');
    expect(teamSyncText({ state: 'offline', pending: 3, error: 'ECONNREFUSED' }, NOW)).toEqual({
      text: 'Offline · 3 pending',
      tone: 'offline',
    });
    expect(teamSyncText({ state: 'error', pending: 0, error: 'forbidden: not a member' }, NOW)).toEqual({
      text: 'Sync error: forbidden: not a member',
      tone: 'error',
    });
  });
});
