import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ConnectionCheck } from '../../lib/domain/team-connection';
import { englishLeaks, installLocaleMessages } from '../../lib/i18n/testing';
import { refusedChangesText, refusedText } from '../../lib/sync/sync-error-text';
import { plainReason } from '../../lib/sync/team-sync';
import { connectionCheckText } from '../options/team-form';
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
      text: 'Offline · 3 pending: ECONNREFUSED',
      tone: 'offline',
    });
    expect(teamSyncText({ state: 'offline', pending: 1 }, NOW).text).toBe('Offline · 1 pending');
    expect(teamSyncText({ state: 'error', pending: 0, error: 'forbidden: not a member' }, NOW)).toEqual({
      text: 'Sync error: forbidden: not a member',
      tone: 'error',
    });
  });
});

describe('team sync errors in Spanish', () => {
  beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

  const refusal = { name: 'forbidden', reason: 'not a member' };
  const connection = { serverUrl: 'https://couch.example.com', database: 'careside', user: 'priya', password: 'x' };
  const CHECKS: ConnectionCheck[] = [
    { ok: true },
    { ok: false, problem: 'unreachable' },
    { ok: false, problem: 'cors' },
    { ok: false, problem: 'unauthorized' },
    { ok: false, problem: 'not_member' },
    { ok: false, problem: 'no_database' },
    { ok: false, problem: 'server_error', detail: 'HTTP 500' },
  ];

  it('words the sync status line and its refusals in Spanish, quoting the server’s own reason', () => {
    const refused = refusedChangesText([refusal, refusal], plainReason);
    expect(refused).toBe('El servidor rechazó 2 cambios: forbidden: not a member');
    const lines = [
      teamSyncText({ state: 'error', pending: 0, error: refused }, NOW).text,
      teamSyncText({ state: 'error', pending: 0, error: refusedText(1, plainReason(refusal)) }, NOW).text,
      teamSyncText({ state: 'offline', pending: 1 }, NOW).text,
      teamSyncText({ state: 'offline', pending: 2, error: 'TypeError: Failed to fetch' }, NOW).text.replace(
        'TypeError: Failed to fetch',
        '',
      ),
      teamSyncText({ state: 'synced', pending: 0, lastSyncAt: NOW - 2 * 60_000 }, NOW).text,
    ];
    expect(englishLeaks(lines.join('\n'))).toEqual([]);
  });

  it('words every answer of Test connection in Spanish', () => {
    const answers = CHECKS.map((check) => connectionCheckText(check, connection, 'chrome-extension://abc'));
    expect(new Set(answers).size).toBe(CHECKS.length);
    expect(englishLeaks(answers.join('\n'))).toEqual([]);
  });
});
