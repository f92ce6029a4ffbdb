/**
 * A team server address as an agent or the setup command gives it: HTTPS, except a server on
 * this machine (loopback), where plain HTTP is fine. Credentials never go in the URL.
 */
export type ServerUrlCheck = { ok: true; origin: string } | { ok: false; error: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkServerUrl(text: string): ServerUrlCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, error: `"${text}" is not a web address; use e.g. https://couch.example.com.` };
  }
  if (url.username || url.password) {
    return { ok: false, error: 'Leave the name and password out of the server address; give them separately.' };
  }
  const loopback = LOOPBACK.has(url.hostname) || url.hostname.startsWith('127.');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, error: `The team server must use HTTPS (only a server on this machine may use http://): ${url.origin}` };
  }
  return { ok: true, origin: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
