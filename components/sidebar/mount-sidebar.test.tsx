import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import acmeSettings from '../../tests/fixtures/x/acme-settings.json';
import { loadXFixture } from '../../tests/fixtures/x/load';
import { createContentRuntime } from '../../lib/content/runtime';
import type { Case } from '../../lib/domain/case';
import type { Post } from '../../lib/domain/post';
import { SETTINGS_STORAGE_KEY } from '../../lib/settings/schema';
import { xAdapter } from '../../lib/sites/x/adapter';
import { mountSidebar, SIDEBAR_UI_NAME } from './mount-sidebar';
import { answerTriageRequests } from '../../tests/support/fake-triage';

/**
 * What the sidebar shows, waited on up to 4 s: the first render pays for loading the triage models, which takes
 * longer than vi.waitFor's 1 s default on a loaded machine.
 */
const SHOWN = { timeout: 4_000 };

function sidebarRoot(): ShadowRoot {
  const host = document.querySelector(SIDEBAR_UI_NAME);
  if (!host?.shadowRoot) throw new Error('sidebar not mounted with an open shadow root');
  return host.shadowRoot;
}

describe('sidebar mounted by the runtime', () => {
  let ctx: ContentScriptContext;
  const logged: Case[] = [];

  beforeEach(async () => {
    const fixture = loadXFixture('timeline');
    document.body.replaceChildren(...[...fixture.body.childNodes].map((node) => document.adoptNode(node)));
    logged.length = 0;
    answerTriageRequests();
    fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (answer: unknown) => void) => {
      const { type, payload } = message as { type: string; payload: { postKeys: string[]; post: Post } };
      if (type === 'cases/byPostKeys') {
        sendResponse({ ok: true, data: { cases: logged.filter((found) => payload.postKeys.includes(found.postKey)) } });
        return true;
      }
      if (type === 'cases/log') {
        const found: Case = {
          id: '00000000-0000-4000-8000-000000000001',
          ref: 'CS-7F3K',
          postKey: `x:${payload.post.postId}`,
          platform: 'x',
          post: payload.post,
          brandIds: ['acme'],
          status: 'new',
          createdAt: 1,
          updatedAt: 1,
        };
        logged.push(found);
        sendResponse({ ok: true, data: { case: found, created: true } });
        return true;
      }
      return undefined;
    });
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: acmeSettings });
    ctx = new ContentScriptContext('x');
  });

  afterEach(() => {
    ctx.notifyInvalidated();
    document.body.replaceChildren();
  });

  it('shows status and mentions, logs from a row, and updates the inline control too', async () => {
    const runtime = createContentRuntime(ctx, xAdapter, {
      win: window,
      schedule: () => {},
      // jsdom cannot make a trusted click: accept this test's.
      acceptEvent: () => true,
      mountUi: (ui) => mountSidebar(ctx, { ...ui, onOpenOptions: () => undefined }),
    });
    await runtime.ready;
    await vi.waitFor(() => expect(sidebarRoot().querySelectorAll('[data-testid="careside-mention"]')).toHaveLength(7), SHOWN);
    expect(sidebarRoot().querySelector('[data-testid="careside-sidebar-status"]')?.textContent).toBe(
      'X / Twitter: read 9 posts, 7 mention a brand (1 post by the brand itself).',
    );
    const row = sidebarRoot().querySelector<HTMLElement>('[data-post-key="x:1991000000000000003"]');
    row?.querySelector<HTMLButtonElement>('[data-testid="careside-mention-log"]')?.click();
    await vi.waitFor(() => expect(row?.querySelector('[data-testid="careside-mention-case"]')?.textContent).toBe('CS-7F3K · New'), SHOWN);
    const control = document.querySelector('careside-inline[data-careside-post-key="x:1991000000000000003"]');
    expect(control?.shadowRoot?.querySelector('[data-testid="careside-case-badge"]')?.textContent).toBe('CS-7F3K · New');
  });

  it("ignores a page script's click() on a row's Log button: only the user's own clicks log", async () => {
    const runtime = createContentRuntime(ctx, xAdapter, {
      win: window,
      schedule: () => {},
      mountUi: (ui) => mountSidebar(ctx, { ...ui, onOpenOptions: () => undefined }),
    });
    await runtime.ready;
    await vi.waitFor(() => expect(sidebarRoot().querySelectorAll('[data-testid="careside-mention"]')).toHaveLength(7), SHOWN);
    const row = sidebarRoot().querySelector<HTMLElement>('[data-post-key="x:1991000000000000003"]');
    row?.querySelector<HTMLButtonElement>('[data-testid="careside-mention-log"]')?.click();
    // A click the guard let through would have marked the post as logging at once (the handler is synchronous).
    expect(runtime.store.get().logState.size).toBe(0);
    expect(logged).toEqual([]);
    expect(row?.querySelector('[data-testid="careside-mention-log"]')?.textContent).toBe('Log case');
  });

  it('works from the keyboard: j / k move between rows, l logs, and the focus shortcut lands on the first row', async () => {
    let focusRequest: (() => void) | undefined;
    const runtime = createContentRuntime(ctx, xAdapter, {
      win: window,
      schedule: () => {},
      // jsdom cannot make a trusted key press: accept this test's.
      acceptEvent: () => true,
      mountUi: (ui) =>
        mountSidebar(ctx, {
          ...ui,
          onFocusRequest: (listener) => {
            focusRequest = listener;
            return () => undefined;
          },
          onOpenOptions: () => undefined,
        }),
    });
    await runtime.ready;
    await vi.waitFor(() => expect(sidebarRoot().querySelectorAll('[data-testid="careside-mention"]')).toHaveLength(7), SHOWN);
    const rows = [...sidebarRoot().querySelectorAll<HTMLElement>('[data-testid="careside-mention"]')];
    const press = (key: string) =>
      sidebarRoot().activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));

    // The sidebar subscribes in an effect, which runs after the rows are on screen.
    await vi.waitFor(() => expect(focusRequest).toBeDefined(), SHOWN);
    focusRequest?.();
    await vi.waitFor(() => expect(sidebarRoot().activeElement).toBe(rows[0]), SHOWN);
    press('j');
    press('j');
    press('k');
    expect(sidebarRoot().activeElement).toBe(rows[1]);
    press('l');
    await vi.waitFor(() => expect(logged.map((found) => found.postKey)).toEqual([rows[1]?.dataset.postKey]), SHOWN);
  });

  it('is removed when the content script context is invalidated', async () => {
    const runtime = createContentRuntime(ctx, xAdapter, {
      win: window,
      schedule: () => {},
      mountUi: (ui) => mountSidebar(ctx, { ...ui, onOpenOptions: () => undefined }),
    });
    await runtime.ready;
    await vi.waitFor(() => expect(document.querySelector(SIDEBAR_UI_NAME)).not.toBeNull(), SHOWN);
    ctx.notifyInvalidated();
    expect(document.querySelector(SIDEBAR_UI_NAME)).toBeNull();
  });
});
