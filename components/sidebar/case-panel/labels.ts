import type { LintCode } from '../../../lib/replies/lint';
import type { Tone } from '../../../lib/replies/templates';
import { t } from '../../../lib/i18n/t';

export { CHANNEL_LABELS, EVENT_LABELS, channelLabel, channelName } from '../../common/timeline-text';

export const TONE_LABELS: Record<Tone, string> = { warm: 'Warm', concise: 'Concise', formal: 'Formal' };
export const toneLabel = (tone: Tone): string => t(`tone.${tone}`);

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
export const lintLabel = (code: LintCode): string => t(`lint.${code}`);
