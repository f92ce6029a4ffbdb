import { editableIn, focusedEditable } from '../composer-dom';
import { YELP_COMPOSER_SELECTORS as C, YELP_SELECTORS as S } from './selectors';

/**
 * The owner's public-comment box for this review (or owner comment), or null while none is
 * open: the focused textarea in the review's card, else the card's textarea, else the textarea
 * of a dialog opened over the page (the newest one).
 */
export function findYelpReplyComposer(doc: Document, element: Element): HTMLElement | null {
  const card = element.matches(S.reviewCard) ? element : (element.parentElement?.closest(S.reviewCard) ?? element);
  const focused = focusedEditable(doc, C.textarea);
  if (focused && (card.contains(focused) || focused.closest(C.dialog))) return focused;
  const inCard = card.querySelector(C.textarea);
  if (inCard) return editableIn(inCard);
  return editableIn([...doc.querySelectorAll(`${C.dialog} ${C.textarea}`)].at(-1));
}
