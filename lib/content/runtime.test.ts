import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import acmeSettings from '../../tests/fixtures/x/acme-settings.json';
import { loadXFixture } from '../../tests/fixtures/x/load';
import type { Case, CaseStatus } from '../domain/case';
import type { Post, PostKey } from '../domain/post';
import { SETTINGS_STORAGE_KEY } from '../settings/schema';
import { xAdapter } from '../sites/x/adapter';
import type { PageUi } from './page-ui';
import { createContentRuntime, type ContentRuntime } from './runtime';
import { onlyTrustedEvents, type EventFilter } from './trusted-events';
import { answerTriageRequests } from '../../tests/support/fake-triage';

// '4' quotes a post that names Acme: a mention through its quoted post.
const MENTION_KEYS = ['1', '2', '3', '4', '6', '7', '10'].map((id) => `x:${'1991000000000000000'.slice(0, -id.length)}${id}`);

/** A stand-in for the background's case store, answering the protocol like the real one. */
class FakeBackground {
  readonly cases = new Map<PostKey, Case>();
  readonly requests: { type: string; payload: unknown }[] = [];
  failLog: string | null = null;
  private next = 0;

  constructor() {
    answerTriageRequests();
    fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (answer: unknown) => void) => {
      const { type, payload } = message as { type: string; payload: Record<string, unknown> };
      if (type === 'cases/changed') return undefined;
      this.requests.push({ type, payload });
      if (type === 'cases/byPostKeys') {
        const keys = payload.postKeys as PostKey[];
        sendResponse({ ok: true, data: { cases: keys.flatMap((key) => this.cases.get(key) ?? []) } });
      } else if (type === 'cases/log') {
        if (this.failLog) {
          sendResponse({ ok: false, error: { code: 'internal', message: this.failLog } });
          return true;
        }
        const post = payload.post as Post;
        const found = this.add(post, 'new', payload.brandIds as string[]);
        sendResponse({ ok: true, data: { case: found, created: true } });
      }
      return true;
    });
  }

  add(post: Post, status: CaseStatus, brandIds = ['acme']): Case {
    const key = `x:${post.postId}`;
    const existing = this.cases.get(key);
    if (existing) return existing;
    this.next += 1;
    const found: Case = {
      id: `00000000-0000-4000-8000-${String(this.next).padStart(12, '0')}`,
      ref: `CS-7F3${'ABCDEFGH'[this.next] ?? 'Z'}`,
      postKey: key,
      platform: 'x',
      post,
      brandIds,
      status,
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    };
    this.cases.set(key, found);
    return found;
  }

  setStatus(key: PostKey, status: CaseStatus) {
    const found = this.cases.get(key);
    if (found) this.cases.set(key, { ...found, status });
  }

  async broadcast(postKeys: PostKey[]) {
    await fakeBrowser.runtime.sendMessage({ type: 'cases/changed', postKeys, at: Date.now() }).catch(() => undefined);
  }
}

function mountTimeline() {
  const fixture = loadXFixture('timeline');
  document.body.replaceChildren(...[...fixture.body.childNodes].map((node) => document.adoptNode(node)));
}

function controls(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('careside-inline')];
}

function controlFor(key: PostKey): HTMLElement | undefined {
  return controls().find((host) => host.getAttribute('data-careside-post-key') === key);
}

function articleFor(id: string): HTMLElement {
  const link = document.querySelector(`article a[href$="/status/${id}"]`);
  const article = link?.closest('article');
  if (!article) throw new Error(`no article ${id}`);
  return article;
}

function badgeText(key: PostKey): string | null | undefined {
  return controlFor(key)?.shadowRoot?.querySelector('[data-testid="careside-case-badge"]')?.textContent;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('content runtime on the X search timeline', () => {
  let background: FakeBackground;
  let ctx: ContentScriptContext;
  let pending: (() => void) | undefined;
  let runtime: ContentRuntime;

  /** jsdom cannot make a trusted click, so these tests accept every event unless they say otherwise. */
  const start = async (acceptEvent: EventFilter = () => true) => {
    ctx = new ContentScriptContext('x');
    runtime = createContentRuntime(ctx, xAdapter, { win: window, schedule: (flush) => (pending = flush), acceptEvent });
    await runtime.ready;
  };
  /** Deliver page mutations and run the scanner's batch. */
  const runBatch = async () => {
    await settle();
    const flush = pending;
    pending = undefined;
    flush?.();
  };

  beforeEach(async () => {
    mountTimeline();
    background = new FakeBackground();
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: acmeSettings });
  });

  afterEach(() => {
    ctx.notifyInvalidated();
    document.body.replaceChildren();
  });

  it('reads every post and puts a control on each brand mention not posted by the brand', async () => {
    await start();
    const snapshot = runtime.store.get();
    expect(snapshot.postsRead).toBe(9);
    expect(snapshot.mentions.map((mention) => mention.postKey)).toEqual(MENTION_KEYS);
    expect(snapshot.mentions.filter((mention) => mention.byBrand).map((mention) => mention.postKey)).toEqual(['x:1991000000000000006']);
    expect(controls().map((host) => host.getAttribute('data-careside-post-key'))).toEqual(
      MENTION_KEYS.filter((key) => key !== 'x:1991000000000000006'),
    );
    // The control sits inside its post, after the action bar.
    expect(articleFor('1991000000000000001').contains(controlFor('x:1991000000000000001') ?? null)).toBe(true);
  });

  it('logs a case from the inline control and shows its reference and status', async () => {
    await start();
    const host = controlFor('x:1991000000000000001');
    host?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="careside-log-case"]')?.click();
    await vi.waitFor(() => expect(badgeText('x:1991000000000000001')).toBe('CS-7F3B · New'));
    const logged = background.requests.find((request) => request.type === 'cases/log');
    expect(logged?.payload).toMatchObject({
      brandIds: ['acme'],
      post: { postId: '1991000000000000001', authorHandle: 'jdoe_travels', kind: 'post' },
    });
  });

  it('ignores a click a page script made (isTrusted false): nothing is logged', async () => {
    await start(onlyTrustedEvents);
    controlFor('x:1991000000000000001')?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="careside-log-case"]')?.click();
    await runtime.logCase('x:1991000000000000002'); // A logging the runtime was asked for directly still goes through.
    const loggedIds = background.requests
      .filter((request) => request.type === 'cases/log')
      .map((request) => (request.payload as { post: Post }).post.postId);
    expect(loggedIds).toEqual(['1991000000000000002']);
    expect(badgeText('x:1991000000000000001')).toBeUndefined();
  });

  it("logs the author's numeric id when the page shows it on a follow button (X DMs can then be prefilled)", async () => {
    await start();
    const card = document.createElement('div');
    card.setAttribute('data-testid', 'HoverCard');
    const follow = document.createElement('button');
    follow.setAttribute('data-testid', '987654321-follow');
    follow.setAttribute('aria-label', 'Follow @jdoe_travels');
    follow.textContent = 'Follow';
    card.append(follow);
    document.body.append(card);
    controlFor('x:1991000000000000001')?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="careside-log-case"]')?.click();
    await vi.waitFor(() => expect(background.requests.some((request) => request.type === 'cases/log')).toBe(true));
    const logged = background.requests.find((request) => request.type === 'cases/log');
    expect(logged?.payload).toMatchObject({ post: { postId: '1991000000000000001', authorHandle: 'jdoe_travels', authorId: '987654321' } });
  });

  it('shows cases the store already has, and follows status changes broadcast by the background', async () => {
    const known = xAdapter.readPost(articleFor('1991000000000000002'), window);
    if (!known) throw new Error('fixture post unreadable');
    background.add(known, 'new');
    await start();
    await vi.waitFor(() => expect(badgeText('x:1991000000000000002')).toBe('CS-7F3B · New'));
    background.setStatus('x:1991000000000000002', 'responded');
    await background.broadcast(['x:1991000000000000002']);
    await vi.waitFor(() => expect(badgeText('x:1991000000000000002')).toBe('CS-7F3B · Responded'));
  });

  it('shows a background error plainly in the control instead of throwing', async () => {
    background.failLog = 'database is closed';
    await start();
    const host = controlFor('x:1991000000000000003');
    host?.shadowRoot?.querySelector<HTMLButtonElement>('button')?.click();
    await vi.waitFor(() =>
      expect(host?.shadowRoot?.querySelector('[role="alert"]')?.textContent).toBe('Could not log this case: database is closed'),
    );
    expect(runtime.store.get().logState.get('x:1991000000000000003')).toEqual({
      status: 'error',
      message: 'Could not log this case: database is closed',
    });
  });

  it('treats invalid settings as no brands and says why', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { version: 1, brands: [{ id: 'Bad Id' }] } });
    await start();
    const { settings, postsRead, mentions } = runtime.store.get();
    expect(settings.status).toBe('invalid');
    expect(settings.status === 'invalid' && settings.message).toMatch(/^The stored CareSide settings are invalid \(brands\[0\]\.id: /);
    expect(postsRead).toBe(9);
    expect(mentions).toEqual([]);
    expect(controls()).toHaveLength(0);
  });

  it('re-matches the page when settings change', async () => {
    await start();
    const globexOnly = { ...acmeSettings, brands: acmeSettings.brands.filter((brand) => brand.id === 'globex') };
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: globexOnly });
    await vi.waitFor(() => expect(controls()).toHaveLength(0));
    expect(runtime.store.get().mentions).toEqual([]);
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: acmeSettings });
    await vi.waitFor(() => expect(controls()).toHaveLength(6));
  });

  it('follows a recycled element to its new post and drops the control when the new post has no mention', async () => {
    await start();
    const article = articleFor('1991000000000000001');
    const permalink = article.querySelector('a[href*="/status/"]');
    const text = article.querySelector('[data-testid="tweetText"]');
    permalink?.setAttribute('href', '/someone/status/555');
    text?.replaceChildren(document.createTextNode('Acme delayed us too'));
    await runBatch();
    expect(controlFor('x:1991000000000000001')).toBeUndefined();
    expect(article.contains(controlFor('x:555') ?? null)).toBe(true);
    expect(article.querySelectorAll('careside-inline')).toHaveLength(1);

    permalink?.setAttribute('href', '/someone/status/556');
    text?.replaceChildren(document.createTextNode('lovely weather'));
    await runBatch();
    expect(article.querySelectorAll('careside-inline')).toHaveLength(0);
    expect(runtime.store.get().postsRead).toBe(11);
  });

  it('handles a duplicate post (two elements, one record, two controls)', async () => {
    await start();
    const cell = articleFor('1991000000000000001').closest('[data-testid="cellInnerDiv"]');
    const copy = cell?.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('careside-inline').forEach((host) => host.remove());
    cell?.parentElement?.append(copy);
    await runBatch();
    expect(runtime.store.get().mentions.filter((mention) => mention.postKey === 'x:1991000000000000001')).toHaveLength(1);
    expect(controls().filter((host) => host.getAttribute('data-careside-post-key') === 'x:1991000000000000001')).toHaveLength(2);
  });

  it('puts the control back when the page removes it', async () => {
    await start();
    controlFor('x:1991000000000000002')?.remove();
    await runBatch();
    expect(controlFor('x:1991000000000000002')).toBeDefined();
  });

  it('stops everything when the context is invalidated', async () => {
    await start();
    // A batch may already be queued by then (a late answer from the background updates a control): it is stale.
    const stale = pending;
    ctx.notifyInvalidated();
    pending = undefined;
    expect(controls()).toHaveLength(0);
    const cell = articleFor('1991000000000000001').closest('[data-testid="cellInnerDiv"]');
    cell?.parentElement?.append(cell.cloneNode(true));
    await settle();
    expect(pending).toBeUndefined();
    stale?.();
    expect(controls()).toHaveLength(0);
    expect(runtime.store.get().postsRead).toBe(9);
  });

  it('starts a new page on in-app navigation', async () => {
    await start();
    window.dispatchEvent(new Event(`${fakeBrowser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:locationchange`));
    expect(runtime.store.get().postsRead).toBe(0);
    expect(runtime.store.get().searching).toBe(true);
    expect(controls()).toHaveLength(0);
    await vi.waitFor(() => expect(runtime.store.get().postsRead).toBe(9), { timeout: 2_000 });
    expect(controls()).toHaveLength(6);
  });
});

describe('loading the sidebar', () => {
  let ctx: ContentScriptContext;

  beforeEach(() => {
    mountTimeline();
    new FakeBackground();
    ctx = new ContentScriptContext('x');
  });

  afterEach(() => {
    ctx.notifyInvalidated();
    document.body.replaceChildren();
  });

  /** A runtime whose sidebar, once mounted, listens to the focus shortcut as the real one does. */
  const start = async (settings: unknown) => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: settings });
    const focused = vi.fn();
    const mountUi = vi.fn((ui: PageUi) => {
      ui.onFocusRequest(focused);
      return Promise.resolve();
    });
    const runtime = createContentRuntime(ctx, xAdapter, { win: window, schedule: () => {}, mountUi });
    await runtime.ready;
    return { runtime, mountUi, focused };
  };
  // The fake background never answers this broadcast; the content script only listens.
  const pressFocusShortcut = () => void fakeBrowser.runtime.sendMessage({ type: 'sidebar/focus' });

  it('mounts the sidebar once the page shows a brand mention, and only once', async () => {
    const { runtime, mountUi, focused } = await start(acmeSettings);
    expect(runtime.store.get().mentions).toHaveLength(MENTION_KEYS.length);
    await vi.waitFor(() => expect(mountUi).toHaveBeenCalledTimes(1));
    pressFocusShortcut();
    await vi.waitFor(() => expect(focused).toHaveBeenCalledTimes(1));
    expect(mountUi).toHaveBeenCalledTimes(1);
  });

  it('leaves a page without mentions alone until the user asks for the sidebar, then focuses it', async () => {
    const initech = { version: 1, brands: [{ id: 'initech', name: 'Initech', aliases: [], handles: { x: [], facebook: [], yelp: [] } }] };
    const { runtime, mountUi, focused } = await start(initech);
    expect(runtime.store.get().postsRead).toBe(9);
    expect(runtime.store.get().mentions).toEqual([]);
    expect(mountUi).not.toHaveBeenCalled();
    pressFocusShortcut();
    await vi.waitFor(() => expect(focused).toHaveBeenCalledTimes(1));
    expect(mountUi).toHaveBeenCalledTimes(1);
  });
});
