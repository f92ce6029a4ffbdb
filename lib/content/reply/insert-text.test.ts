import { afterEach, describe, expect, it } from 'vitest';
import { editorText, insertIntoEditor, sameText } from './insert-text';

const settle = () => Promise.resolve();

const HOSTILE = '<img src=x onerror="alert(1)"> {caseRef} &amp; "quotes"';
const EMOJI = 'Sorry @dana 👨‍👩‍👧‍👦🇸🇪 we are on it ✈️';
const RTL = 'مرحبا \u202Eabc\u202C — نحن آسفون';
const LONG = 'x'.repeat(10_000);

function contentEditable(): HTMLElement {
  const editor = document.createElement('div');
  editor.setAttribute('contenteditable', 'true');
  editor.setAttribute('role', 'textbox');
  document.body.append(editor);
  return editor;
}

/**
 * An editor that, like Draft.js and Lexical, keeps its own model, ignores DOM writes and
 * re-renders from the model when it handles `beforeinput` (and, optionally, `paste`).
 */
function modelEditor(handles: { beforeinput?: boolean; paste?: boolean; mangle?: boolean }) {
  const editor = contentEditable();
  let model = 'draft text';
  const render = () => {
    const block = document.createElement('div');
    block.setAttribute('data-block', 'true');
    block.textContent = model;
    editor.replaceChildren(block);
  };
  render();
  const seen: string[] = [];
  editor.addEventListener('beforeinput', (event) => {
    seen.push('beforeinput');
    if (!handles.beforeinput) return;
    event.preventDefault();
    const data = event.data ?? '';
    model = handles.mangle ? data.slice(0, 5) : data;
    render();
  });
  editor.addEventListener('paste', (event) => {
    seen.push('paste');
    if (!handles.paste) return;
    event.preventDefault();
    model = event.clipboardData?.getData('text/plain') ?? '';
    render();
  });
  return { editor, seen, model: () => model };
}

/** What Chromium's execCommand('insertText') does to a plain contenteditable: replace the selection with text. */
function stubExecCommand(behaviour: 'replace' | 'ignore') {
  const calls: unknown[][] = [];
  Object.defineProperty(document, 'execCommand', {
    configurable: true,
    value: (...args: unknown[]) => {
      calls.push(args);
      if (behaviour === 'ignore') return false;
      const target = document.activeElement as HTMLElement | null;
      if (!target) return false;
      if (target.tagName === 'TEXTAREA') (target as HTMLTextAreaElement).value = String(args[2]);
      else target.textContent = String(args[2]);
      return true;
    },
  });
  return calls;
}

afterEach(() => {
  delete (document as { execCommand?: unknown }).execCommand;
  document.body.replaceChildren();
});

describe('insertIntoEditor on a contenteditable', () => {
  it('uses execCommand insertText over a select-all when the browser supports it', async () => {
    const calls = stubExecCommand('replace');
    const editor = contentEditable();
    editor.textContent = 'old text';

    const outcome = await insertIntoEditor(editor, 'Hi @dana, sorry about the bag.', { settle });

    expect(outcome).toEqual({ ok: true, method: 'execCommand' });
    expect(calls[0]?.slice(0, 2)).toEqual(['insertText', false]);
    expect(editor.textContent).toBe('Hi @dana, sorry about the bag.');
  });

  it('falls back to a beforeinput InputEvent for an editor that keeps its own model (Draft.js-like)', async () => {
    const { editor, seen, model } = modelEditor({ beforeinput: true });

    const outcome = await insertIntoEditor(editor, 'We have sent you a DM.', { settle });

    expect(outcome).toEqual({ ok: true, method: 'beforeinput' });
    expect(model()).toBe('We have sent you a DM.');
    expect(seen).toEqual(['beforeinput']);
  });

  it('falls back to a paste event carrying text/plain when only paste is handled', async () => {
    const { editor, seen, model } = modelEditor({ paste: true });

    const outcome = await insertIntoEditor(editor, 'Pasted reply', { settle });

    expect(outcome).toEqual({ ok: true, method: 'paste' });
    expect(model()).toBe('Pasted reply');
    expect(seen).toEqual(['beforeinput', 'paste']);
  });

  it('reports failure, unchanged, when the editor ignores every method', async () => {
    stubExecCommand('ignore');
    const { editor, model } = modelEditor({});

    const outcome = await insertIntoEditor(editor, 'Nobody hears this', { settle });

    expect(outcome.ok).toBe(false);
    expect(outcome).toMatchObject({ changed: false, failure: 'box_refused' });
    expect(model()).toBe('draft text');
  });

  it('stops after a method that changed the box into something else, so the text is never doubled', async () => {
    const { editor, seen } = modelEditor({ beforeinput: true, paste: true, mangle: true });

    const outcome = await insertIntoEditor(editor, 'A reply longer than five', { settle });

    expect(outcome).toMatchObject({ ok: false, changed: true, failure: 'box_changed' });
    expect(seen).toEqual(['beforeinput']);
  });

  it.each([
    ['hostile markup', HOSTILE],
    ['emoji', EMOJI],
    ['RTL and bidi controls', RTL],
    ['10,000 characters', LONG],
  ])('inserts %s as text, never as markup', async (_name, text) => {
    const { editor, model } = modelEditor({ beforeinput: true });

    const outcome = await insertIntoEditor(editor, text, { settle });

    expect(outcome.ok).toBe(true);
    expect(model()).toBe(text);
    expect(editor.querySelector('img')).toBeNull();
    expect(editorText(editor)).toBe(text);
  });

  it('refuses a box that is gone or not editable', async () => {
    const detached = document.createElement('div');
    detached.setAttribute('contenteditable', 'true');
    expect(await insertIntoEditor(detached, 'x', { settle })).toMatchObject({
      ok: false,
      failure: 'box_gone',
    });

    const plain = document.createElement('div');
    document.body.append(plain);
    expect(await insertIntoEditor(plain, 'x', { settle })).toMatchObject({
      ok: false,
      failure: 'box_not_editable',
    });
  });
});

describe('insertIntoEditor on a textarea (Yelp)', () => {
  it('sets the value through the prototype setter and fires input when execCommand is missing', async () => {
    const area = document.createElement('textarea');
    area.value = 'old';
    document.body.append(area);
    const inputs: string[] = [];
    area.addEventListener('input', () => inputs.push(area.value));

    const outcome = await insertIntoEditor(area, 'Thank you for the review, Dana.', { settle });

    expect(outcome).toEqual({ ok: true, method: 'value' });
    expect(area.value).toBe('Thank you for the review, Dana.');
    expect(inputs).toEqual(['Thank you for the review, Dana.']);
  });

  it('uses execCommand first when it works', async () => {
    stubExecCommand('replace');
    const area = document.createElement('textarea');
    document.body.append(area);

    expect(await insertIntoEditor(area, 'Via the browser', { settle })).toEqual({ ok: true, method: 'execCommand' });
  });

  it('refuses a read-only textarea', async () => {
    const area = document.createElement('textarea');
    area.readOnly = true;
    document.body.append(area);
    expect(await insertIntoEditor(area, 'x', { settle })).toMatchObject({ ok: false });
  });
});

describe('sameText', () => {
  it('treats whitespace runs and Unicode forms as equal, other differences not', () => {
    expect(sameText('Hi  there\n\nsoon', 'Hi there soon')).toBe(true);
    expect(sameText('cafe\u0301', 'café')).toBe(true);
    expect(sameText('Hi there', 'Hi there!')).toBe(false);
  });
});

describe('default settle', () => {
  it('waits for the editor to re-render before reading it', async () => {
    const editor = contentEditable();
    editor.addEventListener('beforeinput', (event) => {
      event.preventDefault();
      // Re-render on a later tick, as React does.
      setTimeout(() => (editor.textContent = event.data), 0);
    });
    expect(await insertIntoEditor(editor, 'later')).toEqual({ ok: true, method: 'beforeinput' });
  });
});
