import { describe, expect, it } from 'vitest';
import { checkServerUrl } from './server-url';

describe('checkServerUrl', () => {
  it('takes HTTPS anywhere and HTTP only on this machine', () => {
    expect(checkServerUrl('https://couch.example.com/')).toEqual({ ok: true, origin: 'https://couch.example.com' });
    expect(checkServerUrl('http://127.0.0.1:5984')).toEqual({ ok: true, origin: 'http://127.0.0.1:5984' });
    expect(checkServerUrl('http://localhost:5984/couch/')).toEqual({ ok: true, origin: 'http://localhost:5984/couch' });
    expect(checkServerUrl('http://couch.example.com')).toEqual({
      ok: false,
      error: 'The team server must use HTTPS (only a server on this machine may use http://): http://couch.example.com',
    });
  });

  it('refuses credentials in the address and text that is no address', () => {
    expect(checkServerUrl('https://admin:pw@couch.example.com')).toEqual({
      ok: false,
      error: 'Leave the name and password out of the server address; give them separately.',
    });
    expect(checkServerUrl('couch')).toEqual({ ok: false, error: '"couch" is not a web address; use e.g. https://couch.example.com.' });
  });
});
