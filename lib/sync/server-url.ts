import { normalizedServerUrl, serverUrlProblem } from '../domain/team-connection';

/**
 * A team server address as an agent or the setup command gives it: HTTPS, except a server on
 * this machine (loopback), where plain HTTP is fine. Credentials never go in the URL.
 */
export type ServerUrlCheck = { ok: true; origin: string } | { ok: false; error: string };

export function checkServerUrl(text: string): ServerUrlCheck {
  switch (serverUrlProblem(text)) {
    case 'not_url':
      return { ok: false, error: `"${text}" is not a web address; use e.g. https://couch.example.com.` };
    case 'credentials_in_url':
      return { ok: false, error: 'Leave the name and password out of the server address; give them separately.' };
    case 'not_https':
      return {
        ok: false,
        error: `The team server must use HTTPS (only a server on this machine may use http://): ${new URL(text.trim()).origin}`,
      };
    case null:
      return { ok: true, origin: normalizedServerUrl(text) };
  }
}
