/**
 * DOM helpers the per-site composer finders share (lib/sites/<site>/composer.ts): which
 * element of an opened reply box takes text, and which box belongs to a given post.
 */

/** The element that takes text: the match itself when editable, else an editable inside it. */
export function editableIn(element: Element | null | undefined): HTMLElement | null {
  if (!element) return null;
  if (isEditableElement(element)) return element as HTMLElement;
  return element.querySelector<HTMLElement>('[contenteditable="true"], [contenteditable="plaintext-only"], textarea');
}

function isEditableElement(element: Element): boolean {
  if (element.tagName === 'TEXTAREA') return true;
  const value = element.getAttribute('contenteditable');
  return value === '' || value === 'true' || value === 'plaintext-only';
}

/** `candidate` comes after `reference` in document order (and is not inside it). */
export function follows(reference: Node, candidate: Node): boolean {
  return (reference.compareDocumentPosition(candidate) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0 && !reference.contains(candidate);
}

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The editable element that has focus right now, if it matches `selector` (or sits inside a match). */
export function focusedEditable(doc: Document, selector: string): HTMLElement | null {
  const active = deepActiveElement(doc);
  const match = active?.closest(selector);
  return match ? editableIn(match) : null;
}
