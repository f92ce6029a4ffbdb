/**
 * Put text into a site's own reply box so that the site's editor registers it (its React /
 * Draft.js / Lexical state changes, not just the DOM), never sending anything.
 *
 * Rich editors keep their own model of the text and re-render the DOM from it: writing the DOM
 * directly shows text the site would not post. So we only use input the editors listen to, in
 * order, and check after each whether the box now shows exactly our text:
 * 1. `document.execCommand('insertText')` over a select-all: the browser's own editing path,
 *    which fires trusted `beforeinput`/`textInput`/`input` (Draft.js on X, Lexical on Facebook).
 * 2. A synthetic `beforeinput` InputEvent (inputType "insertText") for editors that handle it.
 * 3. A synthetic `paste` ClipboardEvent carrying the text as text/plain.
 * Textareas (Yelp) take execCommand, then the native value setter + `input` (what React reads).
 * If the box changes but not into our text, we stop: a second method could double the text.
 */
import type { InsertFailureCode } from '../../domain/insert-failure';

export type InsertMethod = 'execCommand' | 'beforeinput' | 'paste' | 'value';

export type InsertOutcome =
  | { ok: true; method: InsertMethod }
  | { ok: false; failure: InsertFailureCode; /** The box changed, but not into our text: the user must check it. */ changed: boolean };

export interface InsertOptions {
  /** Let the site's editor re-render before we read the box (default: a frame and a tick). */
  settle?: () => Promise<void>;
}

type Attempt = { method: InsertMethod; run: () => void };

export function isTextArea(element: Element): element is HTMLTextAreaElement {
  return element.tagName === 'TEXTAREA';
}

export function isEditable(element: Element): boolean {
  if (isTextArea(element)) return !element.readOnly && !element.disabled;
  const value = element.getAttribute('contenteditable');
  return value === '' || value === 'true' || value === 'plaintext-only';
}

/** The text a reply box shows (a textarea's value, an editor's rendered text). */
export function editorText(editor: HTMLElement): string {
  if (isTextArea(editor)) return editor.value;
  // Draft.js / Lexical render one block per line; innerText keeps those breaks where supported.
  const rendered = typeof editor.innerText === 'string' ? editor.innerText : editor.textContent;
  return rendered ?? '';
}

/** Compare as a person would read the box: same characters, any whitespace run equal. */
export function sameText(shown: string, wanted: string): boolean {
  const normalize = (text: string) =>
    text
      .normalize('NFC')
      .replace(/[\s\u200b\ufeff]+/g, ' ')
      .trim();
  return normalize(shown) === normalize(wanted);
}

export async function insertIntoEditor(editor: HTMLElement, text: string, options: InsertOptions = {}): Promise<InsertOutcome> {
  if (!editor.isConnected) return { ok: false, failure: 'box_gone', changed: false };
  if (!isEditable(editor)) return { ok: false, failure: 'box_not_editable', changed: false };
  const settle = options.settle ?? (() => defaultSettle(editor.ownerDocument.defaultView));
  const before = editorText(editor);
  const attempts = isTextArea(editor) ? textAreaAttempts(editor, text) : richEditorAttempts(editor, text);

  for (const attempt of attempts) {
    editor.focus();
    selectAll(editor);
    try {
      attempt.run();
    } catch {
      // An editor that throws on one kind of input may still take the next.
    }
    await settle();
    const shown = editorText(editor);
    if (sameText(shown, text)) return { ok: true, method: attempt.method };
    if (shown !== before) {
      return { ok: false, changed: true, failure: 'box_changed' };
    }
  }
  return { ok: false, changed: false, failure: 'box_refused' };
}

function richEditorAttempts(editor: HTMLElement, text: string): Attempt[] {
  const doc = editor.ownerDocument;
  const win = doc.defaultView;
  return [
    { method: 'execCommand', run: () => execInsertText(doc, text) },
    {
      method: 'beforeinput',
      run: () => {
        if (!win) return;
        const init = { inputType: 'insertText', data: text, bubbles: true, cancelable: true, composed: true };
        const handled = !editor.dispatchEvent(new win.InputEvent('beforeinput', init));
        // An editor that took the beforeinput updates itself; tell listeners on `input` too.
        if (handled) editor.dispatchEvent(new win.InputEvent('input', { ...init, cancelable: false }));
      },
    },
    {
      method: 'paste',
      run: () => {
        if (!win || typeof win.DataTransfer !== 'function') return;
        const data = new win.DataTransfer();
        data.setData('text/plain', text);
        editor.dispatchEvent(new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
      },
    },
  ];
}

function textAreaAttempts(editor: HTMLTextAreaElement, text: string): Attempt[] {
  const doc = editor.ownerDocument;
  const win = doc.defaultView;
  return [
    { method: 'execCommand', run: () => execInsertText(doc, text) },
    {
      method: 'value',
      run: () => {
        if (!win) return;
        // React tracks the value through the prototype's setter; an own-property write goes unseen.
        // Reflect.set with the prototype's accessor runs its setter on `editor`.
        if (!Reflect.set(win.HTMLTextAreaElement.prototype, 'value', text, editor)) editor.value = text;
        editor.dispatchEvent(new win.InputEvent('input', { inputType: 'insertText', data: text, bubbles: true }));
        editor.dispatchEvent(new win.Event('change', { bubbles: true }));
      },
    },
  ];
}

function execInsertText(doc: Document, text: string): void {
  // Deprecated but still the only way to type as the user would; absent in some test DOMs.
  if (typeof doc.execCommand === 'function') doc.execCommand('insertText', false, text);
}

/** Select everything in the box, so inserting replaces what was there. */
function selectAll(editor: HTMLElement): void {
  if (isTextArea(editor)) {
    editor.select();
    return;
  }
  const doc = editor.ownerDocument;
  const selection = doc.getSelection();
  if (!selection) return;
  const range = doc.createRange();
  range.selectNodeContents(editor);
  selection.removeAllRanges();
  selection.addRange(range);
}

function defaultSettle(win: Window | null): Promise<void> {
  return new Promise((resolve) => {
    if (!win) {
      resolve();
      return;
    }
    // A frame lets the editor re-render; hidden tabs get no frames, so a timer caps the wait.
    const timer = win.setTimeout(resolve, 100);
    win.requestAnimationFrame(() =>
      win.setTimeout(() => {
        win.clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
