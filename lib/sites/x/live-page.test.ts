// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/search?q=acme&f=live"}
/**
 * The X adapter under the shared content runtime, on a page that changes the way x.com does:
 * recycled and removed virtual-list cells, placeholders that fill in, and in-app route changes.
 * (The same cases run in real Chromium in tests/e2e/x-virtualization.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import acmeSettings from '../../../tests/fixtures/x/acme-settings.json';
import { loadXFixture, readXFixture } from '../../../tests/fixtures/x/load';
import { createContentRuntime, type ContentRuntime } from '../../content/runtime';
import { SETTINGS_STORAGE_KEY } from '../../settings/schema';
import { xAdapter } from './adapter';
import { answerTriageRequests } from '../../../tests/support/fake-triage';

const STATE_WAIT = { timeout: 4_000 };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const key = (n: number, prefix = '1991') => `x:${prefix}${String(n).padStart(19 - prefix.length, '0')}`;

function mount(fixture: 'timeline' | 'status') {
  const doc = loadXFixture(fixture);
  document.body.replaceChildren(...[...doc.body.childNodes].map((node) => document.adoptNode(node)));
}

function cells(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')];
}

function controlKeys(root: ParentNode = document): string[] {
  return [...root.querySelectorAll('careside-inline')].map((host) => host.getAttribute('data-careside-post-key') ?? '');
}

/** A cell from search-timeline.html with its status id and text replaced, as X does when it reuses a cell. */
function showPostIn(article: Element, statusPath: string, text: string) {
  for (const link of article.querySelectorAll('a[href*="/status/"]')) {
    const href = link.getAttribute('href') ?? '';
    link.setAttribute('href', href.replace(/\/[^/]+\/status\/\d+/, statusPath));
  }
  article.querySelector('[data-testid="tweetText"]')?.replaceChildren(document.createTextNode(text));
}

describe('X pages that change under the runtime', () => {
  let ctx: ContentScriptContext;
  let runtime: ContentRuntime;
  let pending: (() => void) | undefined;

  const runBatch = async () => {
    await settle();
    const flush = pending;
    pending = undefined;
    flush?.();
    // New posts' controls appear once the (fake) background answers their triage.
    await settle();
  };

  beforeEach(async () => {
    answerTriageRequests();
    fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (answer: unknown) => void) => {
      const { type } = message as { type: string };
      if (type !== 'cases/byPostKeys') return undefined;
      sendResponse({ ok: true, data: { cases: [] } });
      return true;
    });
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: acmeSettings });
    mount('timeline');
    history.replaceState({}, '', '/search?q=acme&f=live');
    ctx = new ContentScriptContext('x');
    runtime = createContentRuntime(ctx, xAdapter, { win: window, schedule: (flush) => (pending = flush) });
    await runtime.ready;
  });

  afterEach(() => {
    ctx.notifyInvalidated();
    document.body.replaceChildren();
  });

  it('keys the control by status id when a cell is reused for another post', async () => {
    const cell = cells()[0] as HTMLElement;
    const article = cell.querySelector('article') as HTMLElement;
    expect(controlKeys(article)).toEqual([key(1)]);

    // Same cell and article nodes, now showing another post that also mentions the brand.
    showPostIn(article, '/someone/status/1991000000000000077', 'Acme lost my stroller');
    await runBatch();
    expect(controlKeys(article)).toEqual([key(77)]);
    expect(controlKeys()).not.toContain(key(1));

    // The old post moves into a different cell: its control goes with it, not with the node.
    const other = cells()[1]?.querySelector('article') as HTMLElement;
    showPostIn(other, '/jdoe_travels/status/1991000000000000001', '@AcmeSupport my flight was cancelled AGAIN');
    await runBatch();
    expect(controlKeys(other)).toEqual([key(1)]);
    expect(controlKeys(article)).toEqual([key(77)]);
    const mentions = runtime.store.get().mentions.map((mention) => mention.postKey);
    expect(mentions.filter((postKey) => postKey === key(1))).toHaveLength(1);
  });

  it('replaces the article inside a reused cell without leaving the old control behind', async () => {
    const cell = cells()[0] as HTMLElement;
    const fresh = (cells()[2]?.querySelector('article') as HTMLElement).cloneNode(true) as HTMLElement;
    fresh.querySelectorAll('careside-inline').forEach((host) => host.remove());
    showPostIn(fresh, '/kim/status/1991000000000000088', 'Acme app crashed at checkout');
    cell.querySelector('article')?.replaceWith(fresh);
    await runBatch();
    expect(controlKeys(cell)).toEqual([key(88)]);
    expect(controlKeys()).not.toContain(key(1));
  });

  it('drops the controls of removed cells but keeps their posts in the sidebar', async () => {
    const before = runtime.store.get();
    cells()[0]?.remove();
    cells()[0]?.remove(); // the second cell, now first
    await runBatch();
    expect(controlKeys()).not.toContain(key(1));
    expect(controlKeys()).not.toContain(key(2));
    expect(runtime.store.get().postsRead).toBe(before.postsRead);
    expect(runtime.store.get().mentions.map((mention) => mention.postKey)).toContain(key(1));
  });

  it('reads a placeholder cell once X fills it in', async () => {
    const placeholder = document.createElement('div');
    placeholder.setAttribute('data-testid', 'cellInnerDiv');
    placeholder.append(document.createElement('div'));
    cells().at(-1)?.after(placeholder);
    await runBatch();
    const postsBefore = runtime.store.get().postsRead;

    const article = (cells()[0]?.querySelector('article') as HTMLElement).cloneNode(true) as HTMLElement;
    article.querySelectorAll('careside-inline').forEach((host) => host.remove());
    showPostIn(article, '/late/status/1991000000000000099', 'Acme gate agent was rude');
    placeholder.firstElementChild?.append(article);
    await runBatch();
    expect(runtime.store.get().postsRead).toBe(postsBefore + 1);
    expect(controlKeys(placeholder)).toEqual([key(99)]);
  });

  it('reads an article that arrives empty and gets its permalink later', async () => {
    const article = document.createElement('article');
    article.setAttribute('data-testid', 'tweet');
    const cell = document.createElement('div');
    cell.setAttribute('data-testid', 'cellInnerDiv');
    cell.append(article);
    cells().at(-1)?.after(cell);
    await runBatch();
    expect(controlKeys(cell)).toEqual([]);

    const filled = cells()[0]?.querySelector('article')?.cloneNode(true) as HTMLElement;
    filled.querySelectorAll('careside-inline').forEach((host) => host.remove());
    showPostIn(filled, '/late/status/1991000000000000098', 'Acme refund still missing');
    article.append(...filled.childNodes);
    await runBatch();
    expect(controlKeys(cell)).toEqual([key(98)]);
  });

  it('starts over on an in-app route change to a status page and reads its replies', async () => {
    expect(runtime.store.get().postsRead).toBe(9);
    history.pushState({}, '', '/rileypark/status/1996000000000000003');
    window.dispatchEvent(new Event(`${fakeBrowser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:locationchange`));
    const statusPage = new DOMParser().parseFromString(readXFixture('status'), 'text/html');
    const timeline = document.querySelector('[aria-label^="Timeline"] > div') as HTMLElement;
    timeline.replaceChildren(...[...statusPage.querySelectorAll('[data-testid="cellInnerDiv"]')].map((node) => document.adoptNode(node)));
    // The new page's posts reach the runtime through its MutationObserver, which may deliver after a
    // first batch (it read 0 once under load): run batches until the store says the page was read.
    await vi.waitFor(async () => {
      await runBatch();
      expect(runtime.store.get().postsRead).toBe(7);
    }, STATE_WAIT);

    const { mentions, expectsPosts } = runtime.store.get();
    expect(expectsPosts).toBe(true);
    expect(mentions.map((mention) => [mention.postKey.slice(-1), mention.post.kind])).toEqual([
      ['1', 'post'],
      ['3', 'reply'],
      ['4', 'reply'],
      ['5', 'reply'],
      ['6', 'reply'],
      ['7', 'post'],
    ]);
    expect(controlKeys().every((postKey) => postKey.startsWith('x:1996'))).toBe(true);
  });
});
