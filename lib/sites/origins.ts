import type { Platform } from '../domain/post';

/**
 * The pages CareSide's content scripts run on, per platform. Content-script entrypoints use
 * these as `matches`; the background uses the same hosts to decide whether a message really
 * comes from one of our content scripts (lib/messaging/sender.ts).
 */
export const SITE_MATCHES = {
  x: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*'],
  facebook: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://m.facebook.com/*'],
  yelp: ['https://www.yelp.com/*', 'https://biz.yelp.com/*'],
} satisfies Record<Platform, string[]>;

const MATCH_PATTERN = /^https:\/\/([a-z0-9.-]+)\/\*$/;

function hostOfPattern(pattern: string): string {
  const host = MATCH_PATTERN.exec(pattern)?.[1];
  if (!host) throw new Error(`Unsupported match pattern: ${pattern}`);
  return host;
}

/** Exact host -> platform; no wildcards, so look-alikes such as x.com.evil.test never match. */
const PLATFORM_BY_HOST: ReadonlyMap<string, Platform> = new Map(
  (Object.entries(SITE_MATCHES) as [Platform, string[]][]).flatMap(([platform, patterns]) =>
    patterns.map((pattern) => [hostOfPattern(pattern), platform] as const),
  ),
);

/** The platform whose content script runs on this URL, or null (wrong scheme, host, port or unparsable). */
export function platformForUrl(url: string | URL): Platform | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') {
    return null;
  }
  return PLATFORM_BY_HOST.get(parsed.hostname) ?? null;
}
