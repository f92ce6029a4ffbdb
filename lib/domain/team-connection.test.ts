import { describe, expect, it } from 'vitest';
import { cleanTeamConnection, teamConnectionFromStorage, teamConnectionProblems } from './team-connection';

const good = { serverUrl: ' https://couch.example.com/ ', database: 'acme-care', user: 'priya', password: 'pw' };

describe('team connection fields', () => {
  it('accepts HTTPS anywhere and http:// only on this machine, naming each field’s problem', () => {
    expect(teamConnectionProblems(good)).toEqual([]);
    expect(teamConnectionProblems({ ...good, serverUrl: 'http://127.0.0.1:5984' })).toEqual([]);
    expect(teamConnectionProblems({ serverUrl: 'http://couch.example.com', database: 'Acme', user: 'priya smith', password: '' })).toEqual([
      { field: 'serverUrl', problem: 'not_https' },
      { field: 'database', problem: 'bad_name' },
      { field: 'user', problem: 'bad_name' },
      { field: 'password', problem: 'missing' },
    ]);
    expect(teamConnectionProblems({ ...good, serverUrl: 'https://admin:pw@couch.example.com' })).toEqual([
      { field: 'serverUrl', problem: 'credentials_in_url' },
    ]);
    expect(teamConnectionProblems({ ...good, serverUrl: 'couch' })).toEqual([{ field: 'serverUrl', problem: 'not_url' }]);
  });

  it('stores the address without a trailing slash and reads back only a valid connection', () => {
    const clean = cleanTeamConnection(good);
    expect(clean).toEqual({ serverUrl: 'https://couch.example.com', database: 'acme-care', user: 'priya', password: 'pw' });
    expect(teamConnectionFromStorage(clean)).toEqual(clean);
    expect(teamConnectionFromStorage({ ...clean, serverUrl: 'http://couch.example.com' })).toBeUndefined();
    expect(teamConnectionFromStorage(undefined)).toBeUndefined();
  });
});
