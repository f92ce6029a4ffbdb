/**
 * Meta's private-reply rule (Messenger Platform "Private Replies"): a Page may send ONE
 * private message to the person who wrote a comment (or visitor post), and only within
 * 7 days of that comment. After that, or once one was sent, the person must message the
 * Page first.
 */
import { formatDateTime } from '../i18n/format';
import { t } from '../i18n/t';

export const META_PRIVATE_REPLY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** Tolerated clock difference between the page's timestamp and this machine. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export type MetaPrivateReplyCode = 'allowed' | 'already_sent' | 'expired' | 'unknown_time' | 'future_time';

export interface MetaPrivateReplyCheck {
  allowed: boolean;
  code: MetaPrivateReplyCode;
  reason: string;
  /** Epoch ms when the window closes, when the comment time is known. */
  expiresAt?: number;
}

export interface MetaPrivateReplyInput {
  /** When the comment was posted: ISO 8601 string, epoch ms or Date; undefined when the page did not show it. */
  postedAt: string | number | Date | undefined;
  now: number | Date;
  /** Whether a private reply was already sent for this comment. */
  alreadySent: boolean;
}

export function canSendMetaPrivateReply({ postedAt, now, alreadySent }: MetaPrivateReplyInput): MetaPrivateReplyCheck {
  if (alreadySent) {
    return {
      allowed: false,
      code: 'already_sent',
      reason: t('handoff.meta.alreadySent'),
    };
  }
  const posted = toEpoch(postedAt);
  const current = toEpoch(now);
  if (posted === undefined || current === undefined) {
    return {
      allowed: false,
      code: 'unknown_time',
      reason: t('handoff.meta.unknownTime'),
    };
  }
  const expiresAt = posted + META_PRIVATE_REPLY_WINDOW_MS;
  if (posted - current > CLOCK_SKEW_MS) {
    return {
      allowed: false,
      code: 'future_time',
      reason: t('handoff.meta.futureTime'),
      expiresAt,
    };
  }
  if (current >= expiresAt) {
    return {
      allowed: false,
      code: 'expired',
      reason: t('handoff.meta.closed', { time: formatDateTime(expiresAt) }),
      expiresAt,
    };
  }
  return {
    allowed: true,
    code: 'allowed',
    reason: t('handoff.meta.openUntil', { time: formatDateTime(expiresAt) }),
    expiresAt,
  };
}

function toEpoch(value: string | number | Date | undefined): number | undefined {
  if (value === undefined) return undefined;
  const epoch = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(epoch) ? epoch : undefined;
}
