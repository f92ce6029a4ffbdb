// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestCouch, type TestCouch } from '../lib/sync/testing';
import { main } from './team-setup';

let couch: TestCouch;
const env = { COUCHDB_USER: 'admin', COUCHDB_PASSWORD: 'admin-secret' };

beforeAll(async () => {
  couch = await startTestCouch({ admin: { name: env.COUCHDB_USER, password: env.COUCHDB_PASSWORD } });
});
afterAll(async () => {
  await couch.close();
});

describe('npm run team:setup', () => {
  it('sets up the team database, and running it again keeps it and updates the design document', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main([couch.origin, 'acme-care'], env)).toBe(0);
    expect(log.mock.calls.map(([line]) => line as string)).toEqual([
      '✓ Created database acme-care.',
      '✓ Only server admins and users with the role "careside" can use it.',
      '✓ Installed _design/careside (validate_doc_update).',
    ]);
    expect(await main([couch.origin, 'acme-care'], env)).toBe(0);
    expect(log.mock.calls.at(3)?.[0]).toBe('✓ Database acme-care already exists; kept.');
    const design = await fetch(`${couch.origin}/acme-care/_design/careside`, {
      headers: { Authorization: `Basic ${btoa('admin:admin-secret')}` },
    });
    expect(((await design.json()) as { validate_doc_update: string }).validate_doc_update).toMatch(
      /^function validateDocUpdate\(newDoc, oldDoc, userCtx\)/,
    );
  });

  it('says what is missing or wrong instead of half-doing it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await main([], env)).toBe(2);
    expect(await main(['http://couch.example.com', 'team'], env)).toBe(2);
    expect(await main([couch.origin, 'team'], {})).toBe(2);
    expect(await main([couch.origin, 'Bad Name'], env)).toBe(1);
    expect(error.mock.calls.map(([line]) => line as string)).toEqual([
      expect.stringMatching(/^Usage/),
      expect.stringMatching(/must use HTTPS/),
      expect.stringMatching(/COUCHDB_USER/),
      expect.stringMatching(/not a CouchDB database name/),
    ]);
  });
});
