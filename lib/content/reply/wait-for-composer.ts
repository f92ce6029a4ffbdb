import { deepActiveElement } from '../../sites/composer-dom';

export interface WaitOptions {
  win: Window;
  /** Give up after this long. */
  timeoutMs: number;
  /**
   * Sites focus the box they open. A box found without focus may be a different one (a post's
   * main comment box while the reply box is still rendering), so it is only taken after this
   * long without a focused one.
   */
  unfocusedGraceMs: number;
}

function hasFocus(element: HTMLElement): boolean {
  const active = deepActiveElement(element.ownerDocument);
  return active !== null && (active === element || element.contains(active));
}

/** Wait for `find` to return a reply box, watching DOM changes and focus; null on timeout. */
export function waitForComposer(
  find: () => HTMLElement | null,
  { win, timeoutMs, unfocusedGraceMs }: WaitOptions,
): Promise<HTMLElement | null> {
  const doc = win.document;
  const started = Date.now();
  return new Promise((resolve) => {
    let done = false;
    let unfocusedSince: number | undefined;
    const finish = (found: HTMLElement | null) => {
      if (done) return;
      done = true;
      observer.disconnect();
      win.clearInterval(poll);
      doc.removeEventListener('focusin', check, true);
      resolve(found);
    };
    const check = () => {
      let found: HTMLElement | null = null;
      try {
        found = find();
      } catch {
        found = null; // A finder tripping over odd markup must not break the wait.
      }
      const now = Date.now();
      if (found && hasFocus(found)) return finish(found);
      if (found) {
        unfocusedSince ??= now;
        if (now - unfocusedSince >= unfocusedGraceMs) return finish(found);
      }
      if (now - started >= timeoutMs) finish(found);
    };
    const observer = new (win as Window & typeof globalThis).MutationObserver(check);
    observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable', 'role'] });
    doc.addEventListener('focusin', check, true);
    const poll = win.setInterval(check, 50);
    check();
  });
}
