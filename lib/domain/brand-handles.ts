/**
 * A brand's own account as people paste it: "@AcmeAirHelp", "x.com/AcmeAirHelp",
 * "https://www.facebook.com/AcmeAir/", "https://www.yelp.com/biz/acme-air-sfo?osq=…". Each
 * becomes the bare handle the page shows; anything that cannot be one is refused with a
 * sentence saying what is expected, so a mistyped account never silently matches nothing.
 */
import { t } from '../i18n/t';

interface HandleRule {
  /** Hosts whose profile URLs are accepted (www. and m. prefixes are stripped first). */
  hosts: readonly string[];
  /** Path prefix before the handle (Yelp: "biz/"). */
  pathPrefix?: string;
  valid: RegExp;
  /** The refusal, saying what is expected ({value} is what was pasted). */
  expected: 'validation.handle.x' | 'validation.handle.facebook' | 'validation.handle.yelp';
}

const RULES = {
  x: {
    hosts: ['x.com', 'twitter.com'],
    valid: /^[A-Za-z0-9_]{1,15}$/,
    expected: 'validation.handle.x',
  },
  facebook: {
    hosts: ['facebook.com', 'fb.com'],
    valid: /^[\p{L}\p{N}.]{1,80}$/u,
    expected: 'validation.handle.facebook',
  },
  yelp: {
    hosts: ['yelp.com', 'yelp.ca', 'yelp.co.uk', 'yelp.com.au', 'yelp.ie', 'yelp.de', 'yelp.fr', 'yelp.es', 'yelp.it'],
    pathPrefix: 'biz/',
    valid: /^[\p{L}\p{N}-]{1,120}$/u,
    expected: 'validation.handle.yelp',
  },
} as const satisfies Record<string, HandleRule>;

export type HandlePlatform = keyof typeof RULES;

/** The path after a known host, or undefined when `value` is not a URL of that site. */
function pathOnHost(value: string, hosts: readonly string[]): string | undefined {
  const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  if (!hosts.includes(host)) return undefined;
  // Facebook's numeric profile pages: the id is the handle.
  const id = url.pathname === '/profile.php' ? url.searchParams.get('id') : null;
  return id ?? url.pathname.replace(/^\/+/, '');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The bare handle in `raw` for `platform`, or an error sentence. */
export function normalizeHandle(platform: HandlePlatform, raw: string): { handle: string } | { error: string } {
  const rule: HandleRule = RULES[platform];
  let value = raw.trim().replace(/^@/, '');
  const path = value.includes('/') || value.includes('.') ? pathOnHost(value, rule.hosts) : undefined;
  if (path !== undefined) {
    // A Yelp address that is no business page (a search, a user) names no business.
    if (rule.pathPrefix && !path.startsWith(rule.pathPrefix)) return { error: t(rule.expected, { value: raw.trim() }) };
    const rest = rule.pathPrefix ? path.slice(rule.pathPrefix.length) : path;
    value = safeDecode(rest.split('/')[0] ?? '').replace(/^@/, '');
  }
  if (value === '') return { error: t('validation.notEmpty') };
  if (rule.valid.test(value)) return { handle: value };
  return { error: t(rule.expected, { value: raw.trim() }) };
}
