import { afterEach, describe, expect, it, vi } from 'vitest';
import { X_REPLY_COMPOSER_SCRIPT, withXReplyComposer, xReplyComposerHtml } from '../../demo/x/reply-composer';
import { xSearchPageHtml } from '../../demo/x/markup';
import { insertIntoEditor } from '../../lib/content/reply/insert-text';
import { findXReplyComposer } from '../../lib/sites/x/composer';

/**
 * The e2e composer (demo/x/reply-composer.ts) must behave like Draft.js, or the e2e test proves
 * nothing: text only counts once it is in the editor's model, never by writing its DOM.
 */
type ComposerState = { model: string; inputTypes: string[]; opened: number };
const state = () => (window as unknown as { __xComposer: ComposerState }).__xComposer;

/** Run the page script as the page would: it is a plain script string, written for the page. */
function runPageScript(): void {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- test double of a page's own inline <script>
  const script = new Function(X_REPLY_COMPOSER_SCRIPT) as () => void;
  script();
}

async function openComposer(): Promise<{ article: Element; editor: HTMLElement }> {
  const page = new DOMParser().parseFromString(
    xSearchPageHtml({
      query: 'Acme',
      posts: [{ id: '1', displayName: 'Riley Park', handle: 'rileypark', text: '@AcmeAir lost bag', postedAt: '2025-11-20T09:00:00.000Z' }],
    }),
    'text/html',
  );
  document.body.replaceChildren(...[...page.body.childNodes].map((node) => document.adoptNode(node)));
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(xReplyComposerHtml())));
  runPageScript();
  const article = document.querySelector('article')!;
  article.querySelector<HTMLElement>('[data-testid="reply"]')!.click();
  await vi.waitFor(() => expect(state().opened).toBe(1));
  return { article, editor: findXReplyComposer(document, article)! };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
  history.replaceState({}, '', '/');
});

describe('the e2e X reply composer', () => {
  it('is a valid script and is added before </body>', () => {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a syntax check of the page script
    expect(() => new Function(X_REPLY_COMPOSER_SCRIPT)).not.toThrow();
    expect(withXReplyComposer('<html><body><p>x</p></body></html>')).toMatch(/<script>[\s\S]+<\/script>\n<\/body>/);
  });

  it('opens a dialog CareSide finds, focused, at /compose/post, showing the post it replies to', async () => {
    const { editor } = await openComposer();
    expect(editor).not.toBeNull();
    expect(document.activeElement).toBe(editor);
    expect(location.pathname).toBe('/compose/post');
    expect(document.querySelector('.reply-handle')?.textContent).toBe('@rileypark');
  });

  it('ignores text written into its DOM without an input event, as Draft.js does', async () => {
    const { editor } = await openComposer();
    editor.textContent = 'written behind its back';
    expect(state().model).toBe('');
  });

  it('takes text from CareSide into its model, emoji and RTL included', async () => {
    const { editor } = await openComposer();
    const text = '@rileypark آسفون 👨‍👩‍👧‍👦 case CS-7F3K';
    const outcome = await insertIntoEditor(editor, text, { settle: () => Promise.resolve() });
    expect(outcome).toEqual({ ok: true, method: 'beforeinput' });
    expect(state().model).toBe(text);
  });
});
