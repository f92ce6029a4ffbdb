import { formatDateTime } from '../i18n/format';
import { describe, expect, it } from 'vitest';
import { canSendMetaPrivateReply, META_PRIVATE_REPLY_WINDOW_MS } from './meta-private-reply';

const posted = Date.parse('2025-03-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

describe('canSendMetaPrivateReply', () => {
  it('allows one private reply within 7 days of the comment', () => {
    const check = canSendMetaPrivateReply({ postedAt: '2025-03-01T12:00:00Z', now: posted + DAY, alreadySent: false });
    expect(check).toMatchObject({ allowed: true, code: 'allowed', expiresAt: posted + 7 * DAY });
    expect(check.reason).toBe(`One private reply can be sent until ${formatDateTime(Date.parse('2025-03-08T12:00:00.000Z'))}.`);
  });

  it('is open until just before 7 days and closed at 7 days', () => {
    expect(META_PRIVATE_REPLY_WINDOW_MS).toBe(7 * DAY);
    expect(canSendMetaPrivateReply({ postedAt: posted, now: posted + 7 * DAY - 1, alreadySent: false }).allowed).toBe(true);
    const expired = canSendMetaPrivateReply({ postedAt: posted, now: posted + 7 * DAY, alreadySent: false });
    expect(expired).toMatchObject({ allowed: false, code: 'expired' });
    expect(expired.reason).toMatch(/7-day/);
  });

  it('refuses a second private reply', () => {
    expect(canSendMetaPrivateReply({ postedAt: posted, now: posted, alreadySent: true })).toMatchObject({
      allowed: false,
      code: 'already_sent',
    });
  });

  it('refuses when the comment time is unknown or unparseable', () => {
    for (const postedAt of [undefined, 'yesterday', Number.NaN]) {
      expect(canSendMetaPrivateReply({ postedAt, now: posted, alreadySent: false }).code).toBe('unknown_time');
    }
  });

  it('tolerates small clock skew but refuses times far in the future', () => {
    expect(canSendMetaPrivateReply({ postedAt: posted + 60_000, now: posted, alreadySent: false }).allowed).toBe(true);
    expect(canSendMetaPrivateReply({ postedAt: posted + DAY, now: posted, alreadySent: false }).code).toBe('future_time');
  });

  it('accepts Date objects and ISO strings with offsets', () => {
    const check = canSendMetaPrivateReply({
      postedAt: '2025-03-01T14:00:00+02:00',
      now: new Date(posted + 6 * DAY),
      alreadySent: false,
    });
    expect(check).toMatchObject({ allowed: true, expiresAt: posted + 7 * DAY });
  });
});
