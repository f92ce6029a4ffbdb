import { isHttpsUrl } from '../domain/brand-handoff';
import { t } from '../i18n/t';

/**
 * Link builders for private handoff channels. Pure string work, every input validated:
 * a bad id, handle or URL throws HandoffError rather than producing a link that goes
 * somewhere unexpected.
 */
export class HandoffError extends Error {
  override readonly name = 'HandoffError';
}

/** X DMs hold up to 10,000 characters; longer prefill would be cut by X anyway. */
export const X_DM_MAX_TEXT = 10_000;
const X_USER_ID = /^\d{1,20}$/;
const X_HANDLE = /^[A-Za-z0-9_]{1,15}$/;

/**
 * X DM composer addressed to a user by numeric id, with prefilled text
 * (https://x.com/messages/compose?recipient_id=<id>&text=<text>).
 */
export function xDmComposeUrl(recipientId: string, text: string): string {
  if (!X_USER_ID.test(recipientId)) throw new HandoffError(t('handoff.link.xUserId', { value: recipientId }));
  const clipped = clipToCodeUnits(text, X_DM_MAX_TEXT);
  return `https://x.com/messages/compose?recipient_id=${recipientId}&text=${encodeURIComponent(clipped)}`;
}

export function isXHandle(handle: string): boolean {
  return X_HANDLE.test(handle);
}

export function xProfileUrl(handle: string): string {
  const bare = handle.replace(/^@/, '');
  if (!isXHandle(bare)) throw new HandoffError(t('handoff.link.xHandle', { value: handle }));
  return `https://x.com/${bare}`;
}

/**
 * m.me link that opens a Messenger conversation with the Page. `ref` is passed to the
 * Page's Messenger webhook as a referral (Meta's m.me ref parameter).
 */
export function messengerUrl(page: string, ref?: string): string {
  if (!/^[A-Za-z0-9.]{5,50}$/.test(page)) throw new HandoffError(t('handoff.link.messengerPage', { value: page }));
  return ref === undefined ? `https://m.me/${page}` : `https://m.me/${page}?ref=${encodeURIComponent(ref)}`;
}

/**
 * mailto: per RFC 6068: address parts and header values percent-encoded with
 * encodeURIComponent (spaces as %20, never "+"), line breaks in the body as %0D%0A.
 * The subject is forced onto one line so it cannot inject headers.
 */
export function mailtoUrl({ address, subject, body }: { address: string; subject: string; body: string }): string {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1 || /[\s<>"]/.test(address)) {
    throw new HandoffError(t('handoff.link.emailAddress', { value: address }));
  }
  const local = encodeURIComponent(address.slice(0, at));
  const domain = encodeURIComponent(address.slice(at + 1));
  const oneLineSubject = subject.replace(/[\r\n]+/g, ' ');
  const crlfBody = body.replace(/\r\n|\r|\n/g, '\r\n');
  return `mailto:${local}@${domain}?subject=${encodeURIComponent(oneLineSubject)}&body=${encodeURIComponent(crlfBody)}`;
}

/**
 * The contact form URL with the case reference as `param`. Other query parameters and the
 * fragment are kept exactly as configured; an existing `param` is replaced.
 */
export function contactFormUrl(base: string, param: string, caseRef: string): string {
  if (!isHttpsUrl(base)) throw new HandoffError(t('handoff.link.contactFormHttps', { value: base }));
  const href = new URL(base).href;
  const hashAt = href.indexOf('#');
  const withoutHash = hashAt === -1 ? href : href.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : href.slice(hashAt);
  const queryAt = withoutHash.indexOf('?');
  const path = queryAt === -1 ? withoutHash : withoutHash.slice(0, queryAt);
  const query = queryAt === -1 ? '' : withoutHash.slice(queryAt + 1);
  const kept = query.split('&').filter((pair) => pair !== '' && decodeParamName(pair) !== param);
  kept.push(`${encodeURIComponent(param)}=${encodeURIComponent(caseRef)}`);
  return `${path}?${kept.join('&')}${hash}`;
}

function decodeParamName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** A yelp.com page (reviewer profile, review permalink) over https. */
export function isYelpUrl(value: string): boolean {
  if (!isHttpsUrl(value)) return false;
  const host = new URL(value).hostname.toLowerCase();
  return host === 'yelp.com' || host.endsWith('.yelp.com');
}

function clipToCodeUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max;
  // Do not leave half a surrogate pair at the end.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return text.slice(0, cut);
}
