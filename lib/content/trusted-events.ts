/**
 * CareSide's UI lives in the page's document, so a page script can call `button.click()` or
 * dispatch a forged `input` event on it. The browser marks such events `isTrusted: false`; only
 * what the user really did may log a case, insert a reply or open a handoff.
 */
export type EventFilter = (event: Event) => boolean;

/** The filter the shipped content script uses: only the user's own input counts. */
export const onlyTrustedEvents: EventFilter = (event) => event.isTrusted;

/** Everything a page script could forge to drive a control, type into a field or submit a form. */
const FORGEABLE_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'reset',
  'paste',
  'cut',
  'drop',
] as const;

/**
 * Drop events `accept` refuses at `root` (a shadow root) before anything inside it sees them:
 * a capture listener on the root runs before React's listeners on its container. Returns a
 * function that removes the guard.
 */
export function guardEvents(root: EventTarget, accept: EventFilter = onlyTrustedEvents): () => void {
  const guard = (event: Event) => {
    if (accept(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  for (const type of FORGEABLE_EVENTS) root.addEventListener(type, guard, { capture: true });
  return () => {
    for (const type of FORGEABLE_EVENTS) root.removeEventListener(type, guard, { capture: true });
  };
}
