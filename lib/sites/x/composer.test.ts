import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadXFixture } from '../../../tests/fixtures/x/load';
import { describeSelectorTable } from '../selector-table';
import { findXReplyComposer } from './composer';
import { X_COMPOSER_SELECTORS, type X_SELECTORS } from './selectors';

const REPLY_DIALOG = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/x/reply-dialog.html'), 'utf8');

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Put the fixture in the live document (focus needs a live one). */
function mount(html: string): void {
  const parsed = parse(html);
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.adoptNode(node)));
}

const articles = () => [...document.querySelectorAll<HTMLElement>('article[data-testid="tweet"]' satisfies (typeof X_SELECTORS)['tweet'])];

afterEach(() => document.body.replaceChildren());

describeSelectorTable('X composer selectors against saved pages', {
  selectors: X_COMPOSER_SELECTORS,
  fixtures: ['replyDialog', 'timeline', 'sample'],
  load: (fixture) => (fixture === 'replyDialog' ? parse(REPLY_DIALOG) : loadXFixture(fixture)),
  expected: {
    dialog: { replyDialog: 1, timeline: 0, sample: 0 },
    // Home's "What is happening?!" box and the reply dialog's box.
    editor: { replyDialog: 2, timeline: 0, sample: 0 },
  },
});

describe('findXReplyComposer', () => {
  it("takes the reply dialog's editor, never Home's compose box", () => {
    mount(REPLY_DIALOG);
    const [first] = articles();
    const found = findXReplyComposer(document, first!);
    expect(found?.getAttribute('aria-describedby')).toBe('placeholder-reply');
    expect(found?.getAttribute('contenteditable')).toBe('true');
  });

  it('finds nothing while no dialog is open, even with the Home box focused', () => {
    mount(REPLY_DIALOG);
    document.querySelector('#layers')?.remove();
    const home = document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]');
    home?.focus();
    expect(findXReplyComposer(document, articles()[0]!)).toBeNull();
  });

  it('takes the newest dialog when several are stacked', () => {
    mount(REPLY_DIALOG);
    const layers = document.querySelector('#layers')!;
    const second = layers.firstElementChild!.cloneNode(true) as Element;
    second.querySelector('[data-testid="tweetTextarea_0"]')?.setAttribute('aria-describedby', 'placeholder-second');
    layers.append(second);
    expect(findXReplyComposer(document, articles()[0]!)?.getAttribute('aria-describedby')).toBe('placeholder-second');
  });

  it("takes the focused inline reply box under a post (a post's own page), only when it follows the post", () => {
    mount(REPLY_DIALOG);
    document.querySelector('#layers')?.remove();
    const [first, second] = articles();
    const editor = document.createElement('div');
    for (const [name, value] of Object.entries({
      contenteditable: 'true',
      role: 'textbox',
      'data-testid': 'tweetTextarea_0',
      tabindex: '0',
    })) {
      editor.setAttribute(name, value);
    }
    first!.closest('[data-testid="cellInnerDiv"]')!.after(editor);

    expect(findXReplyComposer(document, first!)).toBeNull(); // not focused yet
    editor.focus();
    expect(findXReplyComposer(document, first!)).toBe(editor);
    expect(findXReplyComposer(document, second!)).toBeNull(); // the box comes before this post
  });

  it('takes the contenteditable inside a tweetTextarea_0 wrapper', () => {
    mount(REPLY_DIALOG);
    const editor = document.querySelector('[role="dialog"] [data-testid="tweetTextarea_0"]')!;
    const wrapper = document.createElement('div');
    wrapper.setAttribute('data-testid', 'tweetTextarea_0');
    editor.removeAttribute('data-testid');
    editor.replaceWith(wrapper);
    wrapper.append(editor);
    expect(findXReplyComposer(document, articles()[0]!)).toBe(editor);
  });
});
