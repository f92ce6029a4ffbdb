import type { HandoffTarget } from '../../../lib/handoff/build';
import type { ReplyResultKind } from './CasePanel';

/** What the panel says after a reply action. */
export interface ReplyResult {
  kind: ReplyResultKind;
  message: string;
}

const PASTE_KEYS = '(Ctrl+V or ⌘V)';

/** Inserting failed for `reason`; the reply was copied instead, or copying failed too. */
export function insertFailedMessage(reason: string, boxName: string, copied: boolean): ReplyResult {
  return copied
    ? {
        kind: 'copied',
        message: `Could not insert: ${reason} The reply was copied instead: click in ${boxName} and paste it ${PASTE_KEYS}.`,
      }
    : {
        kind: 'copy_failed',
        message: `Could not insert (${reason}) and the browser did not allow copying: select the reply above and copy it yourself.`,
      };
}

export function copiedMessage(boxName: string, copied: boolean): ReplyResult {
  return copied
    ? { kind: 'copied', message: `Copied. Paste it into ${boxName} ${PASTE_KEYS}.` }
    : { kind: 'copy_failed', message: 'The browser did not allow copying: select the reply above and copy it yourself.' };
}

/** A reply-only handoff (our email address) was chosen: nothing opened. */
export function usedInReplyMessage(target: Pick<HandoffTarget, 'publicLink' | 'channelName'>): string {
  return `The replies now give them ${target.publicLink ?? `our ${target.channelName}`} to write to, with the case ref. Nothing was opened: CareSide cannot email the customer, whose address it does not know.`;
}

/** A handoff opened; `copied` says how copying its private message went, when it had to be copied. */
export function openedMessage(target: Pick<HandoffTarget, 'label' | 'message'>, copied?: boolean): string {
  const opened = `Opened “${target.label}” in a new tab.`;
  if (copied === undefined) return opened;
  return copied
    ? `${opened} The private message was copied: paste it there.`
    : `${opened} Copying the private message failed: copy it from here: ${target.message}`;
}
