import { t } from '../../i18n/t';

/** Schemes a handoff link may use: web pages (X DM, m.me, Yelp, contact forms) and email. */
const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['https:', 'mailto:']);

export type OpenHandoffResult = { ok: true } | { ok: false; reason: string };

/**
 * Open a handoff link in a new tab from the click that asked for it (popup blockers allow
 * that). `noopener`: the new page gets no handle on the one the agent works in.
 */
export function openHandoffUrl(url: string, win: Window): OpenHandoffResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: t('handoff.open.badUrl') };
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) {
    return { ok: false, reason: t('handoff.open.badScheme', { scheme: parsed.protocol }) };
  }
  try {
    win.open(url, '_blank', 'noopener');
  } catch (error) {
    return { ok: false, reason: t('handoff.open.refused', { error: error instanceof Error ? error.message : String(error) }) };
  }
  return { ok: true };
}
