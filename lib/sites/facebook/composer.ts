import { editableIn, focusedEditable, follows } from '../composer-dom';
import { FB_SELECTORS as S } from './selectors';

/** The post unit a post or comment sits in: its feed unit, the post dialog, or the standalone post. */
function unitOf(element: Element): ParentNode {
  return element.closest(S.feedUnit) ?? element.closest(S.dialog) ?? element.closest(S.standalonePost) ?? element.ownerDocument;
}

function isComment(element: Element): boolean {
  return element.matches(S.commentArticle);
}

/**
 * The comment box Facebook opened for this post or comment (a Lexical contenteditable,
 * role=textbox), or null while none is open.
 *
 * The adapter's openReplyComposer clicks "Reply" under a comment or "Comment" on a post, and
 * Facebook focuses the box it opens: a focused box of the same post unit wins. Otherwise, for a
 * comment, the first reply box after it (reply boxes sit in the comment list, under the thread);
 * for a post, its own comment box, which sits outside the comment list.
 */
export function findFacebookReplyComposer(doc: Document, element: Element): HTMLElement | null {
  const unit = unitOf(element);
  const focused = focusedEditable(doc, S.composer);
  if (focused && (element.contains(focused) || (unit.contains(focused) && follows(element, focused)))) return focused;

  const boxes = [...unit.querySelectorAll(S.composer)];
  // A comment's reply box is in its list item; the post's own box (outside the list) would post a new comment.
  if (isComment(element)) return editableIn(boxes.find((box) => follows(element, box) && box.closest(S.commentListItem) !== null));
  const own = boxes.filter((box) => element.contains(box) || follows(element, box));
  return editableIn(own.find((box) => box.closest(S.commentListItem) === null) ?? own[0]);
}
