import type { CaseEvent, CaseEventType } from '../../lib/domain/case-event';
import { t } from '../../lib/i18n/t';
import { wordedDetail } from './stored-detail';

/** Timeline wording for each kind of case event (sidebar and dashboard). */
export const EVENT_LABELS: Record<CaseEventType, string> = {
  logged: 'Logged',
  status_changed: 'Status changed',
  reply_suggested: 'Suggestion picked',
  reply_inserted: 'Reply inserted',
  reply_copied: 'Reply copied',
  handed_off: 'Handed off',
  note_added: 'Note added',
  assigned: 'Assigned',
  tagged: 'Tagged',
  follow_up_set: 'Follow-up set',
  snoozed: 'Snoozed',
  priority_changed: 'Priority changed',
  reminder_shown: 'Reminder shown',
  imported: 'Imported',
  brand_reply_seen: 'Brand reply seen',
  conflict_resolved: 'Conflict resolved',
};

/** A private channel as a sentence names it ("handed off via X DM"). Keys are event channel ids. */
export const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  x_dm: 'X DM',
  x_profile: 'X DM (from the profile)',
  facebook_private_reply: 'Meta private reply',
  messenger: 'Messenger',
  yelp_message: 'Yelp message',
  email: 'email',
  contact_form: 'contact form',
};

export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel] ?? channel.replace(/_/g, ' ');
}

/**
 * What happened, in words, from the event's type and channel only (a content script's view of
 * a case has no event details): "Handed off via X DM", "Suggestion picked".
 */
export function eventLabel(event: Pick<CaseEvent, 'type' | 'channel'>): string {
  const label = t(`timeline.${event.type}`);
  return event.channel !== undefined && event.type === 'handed_off'
    ? t('timeline.via', { label, channel: channelName(event.channel) })
    : label;
}

/** A channel's name in the UI language; the English CHANNEL_LABELS stay for the details stored on timelines. */
export function channelName(channel: string): string {
  return channel in CHANNEL_LABELS ? t(`channel.${channel as ChannelId}`) : channel.replace(/_/g, ' ');
}
type ChannelId = 'x_dm' | 'x_profile' | 'facebook_private_reply' | 'messenger' | 'yelp_message' | 'email' | 'contact_form';

// Timelines written before suggestions were named in words hold template ids:
// "#2 delivery_delay.x.concise.sent (concise)", "suggestion #1 (billing_refund.x.warm.invite) into…".
const BARE_TEMPLATE_ID = /(#\d+) [a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)+/g;
const TEMPLATE_ID_IN_PARENS = / \([a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)+\)/g;

/**
 * The event's detail as people read it, when there is one: template ids are left out, a
 * "via <channel>" the label already says is not repeated, and what CareSide stored in English is worded in the UI language.
 */
export function eventDetail(event: Pick<CaseEvent, 'type' | 'channel' | 'detail'>): string | undefined {
  const detail = event.detail?.replace(BARE_TEMPLATE_ID, '$1').replace(TEMPLATE_ID_IN_PARENS, '').trim();
  if (detail === undefined || detail === '') return undefined;
  if (event.type === 'handed_off' && event.channel !== undefined && detail === `via ${channelLabel(event.channel)}`) return undefined;
  return wordedDetail(event, detail);
}

/** An event's time in the user's own time zone and locale: "Nov 20, 09:15:02". */
export { formatEventTime } from '../../lib/i18n/format';
