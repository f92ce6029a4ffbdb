import { afterEach, describe, expect, it } from 'vitest';
import { readFacebookFixture } from '../../../tests/fixtures/facebook/load';
import { findFacebookReplyComposer } from './composer';
import { FB_SELECTORS } from './selectors';

/** post-comments.html: one Page post with three comments (one with a reply) and its comment box. */
function mount(): { post: HTMLElement; comments: HTMLElement[]; mainBox: HTMLElement } {
  const parsed = new DOMParser().parseFromString(readFacebookFixture('postComments'), 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.adoptNode(node)));
  const post = document.querySelector<HTMLElement>(FB_SELECTORS.standalonePost)!;
  const comments = [...document.querySelectorAll<HTMLElement>('[role="article"][aria-label^="Comment by"]')];
  const mainBox = document.querySelector<HTMLElement>(FB_SELECTORS.composer)!;
  return { post, comments, mainBox };
}

/** What Facebook renders when "Reply" is clicked: a reply box in the comment's list item. */
function openReplyBox(comment: HTMLElement): HTMLElement {
  const box = document.createElement('div');
  for (const [name, value] of Object.entries({
    contenteditable: 'true',
    role: 'textbox',
    'aria-label': 'Reply to Riley Park',
    tabindex: '0',
  })) {
    box.setAttribute(name, value);
  }
  comment.closest('li')!.append(box);
  return box;
}

afterEach(() => document.body.replaceChildren());

describe('findFacebookReplyComposer', () => {
  it("finds a post's own comment box", () => {
    const { post, mainBox } = mount();
    expect(mainBox.getAttribute('aria-label')).toBe('Write a public comment…');
    expect(findFacebookReplyComposer(document, post)).toBe(mainBox);
  });

  it("never takes the post's comment box for a comment's reply (that would post a new comment)", () => {
    const { comments } = mount();
    expect(findFacebookReplyComposer(document, comments[0]!)).toBeNull();
  });

  it("finds the reply box opened under a comment, not another comment's", () => {
    const { comments } = mount();
    const [riley, noor] = comments;
    const rileyBox = openReplyBox(riley!);
    expect(findFacebookReplyComposer(document, riley!)).toBe(rileyBox);
    const noorBox = openReplyBox(noor!);
    expect(findFacebookReplyComposer(document, noor!)).toBe(noorBox);
    expect(findFacebookReplyComposer(document, riley!)).toBe(rileyBox);
  });

  it('prefers the box Facebook focused over an older box in the same thread', () => {
    const { comments } = mount();
    const [riley] = comments;
    const older = openReplyBox(riley!);
    const opened = openReplyBox(riley!);
    expect(findFacebookReplyComposer(document, riley!)).toBe(older);
    opened.focus();
    expect(findFacebookReplyComposer(document, riley!)).toBe(opened);
  });
});
