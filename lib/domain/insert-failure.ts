import { t } from '../i18n/t';
import type { Platform } from './post';

/**
 * Why CareSide could not put a reply into a site's reply box. The content script answers with a
 * code (and the seconds it waited), never a sentence: the case panel words it in the reader's
 * language, and the timeline stores the code so it reads in any language later.
 */
export const INSERT_FAILURE_CODES = [
  'post_gone',
  'post_not_on_page',
  'composer_timeout',
  'no_reply_button',
  'box_gone',
  'box_not_editable',
  'box_changed',
  'box_refused',
] as const;
export type InsertFailureCode = (typeof INSERT_FAILURE_CODES)[number];

export interface InsertFailure {
  code: InsertFailureCode;
  /** How long CareSide waited for the reply box (composer_timeout only). */
  seconds?: number;
}

/** The site's reply box in the UI language ("X's reply box"). */
export function replyBoxLabel(platform: Platform): string {
  switch (platform) {
    case 'x':
      return t('replyBox.x');
    case 'facebook':
      return t('replyBox.facebook');
    case 'yelp':
      return t('replyBox.yelp');
  }
}

/** The failure as a sentence for the agent; `box` is the site's reply box (replyBoxLabel). */
export function insertFailureText(failure: InsertFailure, box: string): string {
  switch (failure.code) {
    case 'post_gone':
      return t('insertFailure.postGone');
    case 'post_not_on_page':
      return t('insertFailure.postNotOnPage');
    case 'composer_timeout':
      return t('insertFailure.composerTimeout', { box, seconds: String(failure.seconds ?? '?') });
    case 'no_reply_button':
      return t('insertFailure.noReplyButton', { box });
    case 'box_gone':
      return t('insertFailure.boxGone');
    case 'box_not_editable':
      return t('insertFailure.boxNotEditable');
    case 'box_changed':
      return t('insertFailure.boxChanged');
    case 'box_refused':
      return t('insertFailure.boxRefused');
  }
}

const STORED = /^\[([a-z_]+)(?: (\d{1,4}) s)?\]$/;

/** The failure as the timeline stores it: "[composer_timeout 4 s]", the same in every language. */
export function storedInsertFailure(failure: InsertFailure): string {
  return failure.seconds === undefined ? `[${failure.code}]` : `[${failure.code} ${failure.seconds} s]`;
}

/** A stored failure read back; undefined for anything else (an older entry's English sentence). */
export function parseStoredInsertFailure(text: string): InsertFailure | undefined {
  const match = STORED.exec(text);
  const code = INSERT_FAILURE_CODES.find((known) => known === match?.[1]);
  if (!match || !code) return undefined;
  return match[2] === undefined ? { code } : { code, seconds: Number(match[2]) };
}
