import { describe, expect, it } from 'vitest';
import { checkTeamConnection } from './connection-check';

const connection = { serverUrl: 'https://couch.example.com', database: 'acme-care', user: 'priya', password: 'pw' };

/** A fetch that answers by URL; `refused` URLs fail as the browser fails a request (network or CORS). */
function fakeFetch(answers: Record<string, Response>, refused: (url: string, init?: RequestInit) => boolean): typeof fetch {
  return (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    if (refused(url, init)) return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(answers[url] ?? new Response('{}', { status: 404 }));
  };
}

const session = (name: string | null) => new Response(JSON.stringify({ ok: true, userCtx: { name, roles: [] } }), { status: 200 });

describe('checkTeamConnection', () => {
  it('tells CORS (the server answers a no-cors request) from an unreachable server', async () => {
    const cors = fakeFetch({}, (_url, init) => init?.mode !== 'no-cors');
    expect(await checkTeamConnection(connection, cors)).toEqual({ ok: false, problem: 'cors' });
    const down = fakeFetch({}, () => true);
    expect(await checkTeamConnection(connection, down)).toEqual({ ok: false, problem: 'unreachable' });
  });

  it('names a wrong password, a non-member, a missing database, and says OK when all is well', async () => {
    const base = 'https://couch.example.com';
    const unauthorized = {
      [`${base}/_session`]: new Response(JSON.stringify({ reason: 'Name or password is incorrect.' }), { status: 401 }),
    };
    expect(
      await checkTeamConnection(
        connection,
        fakeFetch(unauthorized, () => false),
      ),
    ).toEqual({
      ok: false,
      problem: 'unauthorized',
      detail: 'Name or password is incorrect.',
    });
    const forbidden = { [`${base}/_session`]: session('priya'), [`${base}/acme-care`]: new Response('{}', { status: 403 }) };
    expect(
      await checkTeamConnection(
        connection,
        fakeFetch(forbidden, () => false),
      ),
    ).toMatchObject({ ok: false, problem: 'not_member' });
    const missing = { [`${base}/_session`]: session('priya') };
    expect(
      await checkTeamConnection(
        connection,
        fakeFetch(missing, () => false),
      ),
    ).toEqual({ ok: false, problem: 'no_database' });
    const anonymous = { [`${base}/_session`]: session(null) };
    expect(
      await checkTeamConnection(
        connection,
        fakeFetch(anonymous, () => false),
      ),
    ).toEqual({ ok: false, problem: 'unauthorized' });
    const fine = {
      [`${base}/_session`]: session('priya'),
      [`${base}/acme-care`]: new Response('{"db_name":"acme-care"}', { status: 200 }),
    };
    expect(
      await checkTeamConnection(
        connection,
        fakeFetch(fine, () => false),
      ),
    ).toEqual({ ok: true });
  });
});
