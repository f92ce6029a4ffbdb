import { insertFailureText, type InsertFailure } from '../../../lib/domain/insert-failure';
import type { HandoffTarget } from '../../../lib/handoff/build';
import type { ReplyResultKind } from './CasePanel';
import { t } from '../../../lib/i18n/t';

/** What the panel says after a reply action. */
export interface ReplyResult {
  kind: ReplyResultKind;
  message: string;
}

/** Inserting failed (`failure`); the reply was copied instead, or copying failed too. */
export function insertFailedMessage(failure: InsertFailure, boxName: string, copied: boolean): ReplyResult {
  const reason = insertFailureText(failure, boxName);
  return copied
    ? { kind: 'copied', message: t('casePanel.insertCopied', { reason, box: boxName }) }
    : { kind: 'copy_failed', message: t('casePanel.insertCopyFailed', { reason }) };
}

export function copiedMessage(boxName: string, copied: boolean): ReplyResult {
  return copied
    ? { kind: 'copied', message: t('casePanel.copied', { box: boxName }) }
    : { kind: 'copy_failed', message: t('casePanel.copyFailed') };
}

/** A reply-only handoff (our email address) was chosen: nothing opened. */
export function usedInReplyMessage(target: Pick<HandoffTarget, 'publicLink' | 'channelName'>): string {
  return t('casePanel.usedInReply', { link: target.publicLink ?? t('casePanel.ourChannel', { channel: target.channelName }) });
}

/** A handoff opened; `copied` says how copying its private message went, when it had to be copied. */
export function openedMessage(target: Pick<HandoffTarget, 'label' | 'message'>, copied?: boolean): string {
  if (copied === undefined) return t('casePanel.opened', { label: target.label });
  return copied
    ? t('casePanel.openedCopied', { label: target.label })
    : t('casePanel.openedCopyFailed', { label: target.label, message: target.message });
}
