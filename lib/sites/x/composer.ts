import { editableIn, focusedEditable, follows } from '../composer-dom';
import { X_COMPOSER_SELECTORS as C } from './selectors';

/**
 * The reply box X opened for `article`, or null while none is open.
 *
 * Order: the editor in the newest reply dialog (what the reply button opens on timelines and
 * search); else the focused editor, when it comes after the post (the inline reply box on a
 * post's page). The "What is happening?!" box at the top of Home is the same editor but comes
 * before every post, so it is never taken for a reply box.
 */
export function findXReplyComposer(doc: Document, article: Element): HTMLElement | null {
  const inDialogs = [...doc.querySelectorAll(`${C.dialog} ${C.editor}`)];
  const newest = editableIn(inDialogs.at(-1));
  if (newest) return newest;
  const focused = focusedEditable(doc, C.editor);
  return focused && follows(article, focused) ? focused : null;
}
