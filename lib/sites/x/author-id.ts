import { X_SELECTORS as S } from './selectors';

/** "1700000000000000001-follow" / "…-unfollow": the numeric user id, then what the button does. */
const FOLLOW_TESTID = /^(\d{1,25})-(?:un)?follow$/;
/** @handles in a label, whole ("@rileyparker" is not @rileypark). */
const HANDLES = /@([A-Za-z0-9_]{1,50})(?![A-Za-z0-9_])/g;

/**
 * The numeric X user id of @handle, from a follow button the page shows for that account (the
 * focused post's header, a hover card, a profile header, a user cell), or undefined. A button
 * counts only when its label names the handle, in any UI language ("Follow @x", "Suivre @x",
 * "@xさんをフォロー"), so another account's button is never taken for the author's.
 */
export function authorIdOnPage(root: ParentNode, handle: string): string | undefined {
  const wanted = handle.replace(/^@/, '').toLowerCase();
  const buttons = root.querySelectorAll(S.followButton);
  for (let index = 0; index < buttons.length; index++) {
    const button = buttons[index] as Element;
    const id = FOLLOW_TESTID.exec(button.getAttribute('data-testid') ?? '')?.[1];
    if (!id) continue;
    const label = button.getAttribute('aria-label') ?? '';
    for (const [, named] of label.matchAll(HANDLES)) if (named?.toLowerCase() === wanted) return id;
  }
  return undefined;
}
