import type { Platform } from '../domain/post';
import { t } from '../i18n/t';
import { SITES } from './registry';
import { matchPatterns, runsOn } from './site';

/**
 * The pages CareSide's content scripts run on, per platform, derived from the site definitions
 * (lib/sites/<site>/site.ts). The background uses them to decide whether a message really comes
 * from one of our content scripts (lib/messaging/sender.ts).
 */
export const SITE_MATCHES = Object.fromEntries(Object.values(SITES).map((site) => [site.platform, matchPatterns(site)])) as Record<
  Platform,
  string[]
>;

/** The platform whose content script runs on this URL, or null (wrong scheme, host, port or unparsable). */
export function platformForUrl(url: string | URL): Platform | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  return Object.values(SITES).find((site) => runsOn(site, parsed))?.platform ?? null;
}

/**
 * Why a post's link cannot be stored with a case, or null: it must be an https page on the
 * post's own site, so "Open post" in the popup and dashboard never leads anywhere else.
 */
export function postLinkProblem(post: { platform: Platform; url: string }): string | null {
  if (platformForUrl(post.url) === post.platform) return null;
  const site = SITES[post.platform];
  const shown = post.url.length > 80 ? `${post.url.slice(0, 79)}…` : post.url;
  return t('notLogged.postLink', { site: site.shortName, hosts: site.hosts.join(', '), url: shown });
}

/** The sentence the background refuses a log with, for a post whose link cannot be stored. */
export function notLoggedMessage(reason: string): string {
  return t('notLogged.prefix', { reason });
}
