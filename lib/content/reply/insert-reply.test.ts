import { afterEach, describe, expect, it } from 'vitest';
import type { SiteAdapter } from '../../sites/types';
import { findXReplyComposer } from '../../sites/x/composer';
import { insertReplyForPost } from './insert-reply';

const settle = () => Promise.resolve();

/** A composer that behaves like Draft.js: it only changes through beforeinput. */
function draftLikeEditor(): HTMLElement {
  const editor = document.createElement('div');
  editor.setAttribute('contenteditable', 'true');
  editor.setAttribute('data-testid', 'tweetTextarea_0');
  editor.tabIndex = 0;
  editor.addEventListener('beforeinput', (event) => {
    event.preventDefault();
    editor.textContent = event.data;
  });
  return editor;
}

/** An X-like adapter whose reply button opens a dialog a little later, as x.com does. */
function fakeAdapter(options: { opens: boolean; delayMs?: number; focus?: boolean }) {
  let clicks = 0;
  const adapter = {
    platform: 'x',
    findReplyComposer: findXReplyComposer,
    openReplyComposer: () => {
      clicks += 1;
      if (!options.opens) return false;
      setTimeout(() => {
        const dialog = document.createElement('div');
        dialog.setAttribute('role', 'dialog');
        const editor = draftLikeEditor();
        dialog.append(editor);
        document.body.append(dialog);
        if (options.focus ?? true) editor.focus();
      }, options.delayMs ?? 10);
      return true;
    },
  } as unknown as SiteAdapter;
  return { adapter, clicks: () => clicks };
}

function post(): Element {
  const article = document.createElement('article');
  document.body.append(article);
  return article;
}

afterEach(() => document.body.replaceChildren());

describe('insertReplyForPost', () => {
  it("opens the post's reply box, waits for it and inserts the text", async () => {
    const { adapter, clicks } = fakeAdapter({ opens: true });
    const result = await insertReplyForPost({ adapter, element: post(), win: window, text: 'Hi @riley, DM sent.', settle });

    expect(result).toEqual({ status: 'inserted', method: 'beforeinput', boxName: "X's reply box" });
    expect(clicks()).toBe(1);
    expect(document.querySelector('[role="dialog"] [data-testid="tweetTextarea_0"]')?.textContent).toBe('Hi @riley, DM sent.');
  });

  it('takes an unfocused box once the grace period has passed', async () => {
    const { adapter } = fakeAdapter({ opens: true, focus: false });
    const result = await insertReplyForPost({ adapter, element: post(), win: window, text: 'ok', settle, unfocusedGraceMs: 30 });
    expect(result.status).toBe('inserted');
  });

  it('says so when the post has no reply button', async () => {
    const { adapter } = fakeAdapter({ opens: false });
    const result = await insertReplyForPost({ adapter, element: post(), win: window, text: 'x', settle });
    expect(result).toMatchObject({ status: 'failed', failure: { code: 'no_reply_button' } });
  });

  it('gives up when the box does not open in time', async () => {
    const { adapter } = fakeAdapter({ opens: true, delayMs: 500 });
    const result = await insertReplyForPost({ adapter, element: post(), win: window, text: 'x', settle, timeoutMs: 60 });
    expect(result).toMatchObject({ status: 'failed', failure: { code: 'composer_timeout', seconds: 0 } });
  });

  it('refuses a post element that left the page', async () => {
    const { adapter, clicks } = fakeAdapter({ opens: true });
    const gone = document.createElement('article');
    const result = await insertReplyForPost({ adapter, element: gone, win: window, text: 'x', settle });
    expect(result).toMatchObject({ status: 'failed', failure: { code: 'post_gone' } });
    expect(clicks()).toBe(0);
  });

  it('survives an adapter that throws while opening the box', async () => {
    const adapter = {
      platform: 'x',
      openReplyComposer: () => {
        throw new Error('boom');
      },
    } as unknown as SiteAdapter;
    const result = await insertReplyForPost({ adapter, element: post(), win: window, text: 'x', settle });
    expect(result.status).toBe('failed');
  });
});
