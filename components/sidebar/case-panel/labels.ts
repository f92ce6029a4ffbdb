import type { CaseEventType } from '../../../lib/domain/case-event';
import type { HandoffChannel } from '../../../lib/handoff/build';
import type { LintCode } from '../../../lib/replies/lint';
import type { Tone } from '../../../lib/replies/templates';

/** Timeline wording for each kind of case event. */
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
};

/** A private channel as a sentence names it ("handed off via X DM"). */
export const CHANNEL_LABELS: Record<HandoffChannel, string> = {
  x_dm: 'X DM',
  x_profile: 'X DM (from the profile)',
  facebook_private_reply: 'Meta private reply',
  messenger: 'Messenger',
  yelp_message: 'Yelp message',
  email: 'email',
  contact_form: 'contact form',
};

export function channelLabel(channel: string): string {
  return (CHANNEL_LABELS as Record<string, string>)[channel] ?? channel;
}

export const TONE_LABELS: Record<Tone, string> = { warm: 'Warm', concise: 'Concise', formal: 'Formal' };

/** Short tag shown before a lint message. */
export const LINT_LABELS: Record<LintCode, string> = {
  empty: 'Empty',
  unfilled_variable: 'Unfilled',
  over_limit: 'Too long',
  personal_data: 'Personal data',
  card_number: 'Card number',
  hidden_characters: 'Hidden characters',
  lip_service: 'Lip service',
  no_next_step: 'No next step',
  unchanged_template: 'Unchanged template',
  unverified_claim: 'Not done yet',
  promise_beyond_target: 'Promise too long',
};
