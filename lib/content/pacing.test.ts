/**
 * How the content runtime keeps a fast page responsive: reading in time slices, coalesced
 * sidebar updates, a bounded sidebar list, and inline controls that re-render only when the
 * case data they show changes. (Speed itself is measured by scripts/bench/timeline.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import acmeSettings from '../../tests/fixtures/x/acme-settings.json';
import { loadXFixture } from '../../tests/fixtures/x/load';
import type { Case } from '../domain/case';
import type { Post } from '../domain/post';
import { SETTINGS_STORAGE_KEY, SettingsSchema } from '../settings/schema';
import { xAdapter } from '../sites/x/adapter';
import { createContentRuntime, type ContentRuntime, type RuntimeEnvironment } from './runtime';
import { initialSnapshot, MAX_SIDEBAR_ROWS, mentionRows, statusText, type MentionEntry } from './view-model';
import { answerTriageRequests } from '../../tests/support/fake-triage';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const post = (postId: string, postedAt?: string): Post => ({
  platform: 'x',
  postId,
  kind: 'post',
  url: `https://x.com/jane/status/${postId}`,
  authorName: 'Jane',
  authorHandle: 'jane',
  text: 'Acme lost my bag',
  ...(postedAt ? { postedAt } : {}),
  reach: {},
});

/** Answers cases/byPostKeys from `cases`, like the background; returns the keys of each request. */
function answerCases(cases: () => Case[]): string[][] {
  answerTriageRequests();
  const asked: string[][] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (answer: unknown) => void) => {
    const { type, payload } = message as { type: string; payload: { postKeys: string[] } };
    if (type !== 'cases/byPostKeys') return undefined;
    asked.push(payload.postKeys);
    const wanted = new Set(payload.postKeys);
    sendResponse({ ok: true, data: { cases: cases().filter((found) => wanted.has(found.postKey)) } });
    return true;
  });
  return asked;
}

describe('runtime pacing on the X search timeline', () => {
  let ctx: ContentScriptContext;
  let runtime: ContentRuntime;
  let pending: (() => void)[];

  const start = async (env: Partial<RuntimeEnvironment>) => {
    ctx = new ContentScriptContext('x');
    runtime = createContentRuntime(ctx, xAdapter, { win: window, schedule: (flush) => pending.push(flush), ...env });
    await runtime.ready;
  };
  const runScheduled = async () => {
    await settle();
    const flushes = pending;
    pending = [];
    for (const flush of flushes) flush();
    // New posts' controls appear once the (fake) background answers their triage.
    await settle();
  };
  const appendCopyOfFirstCell = (statusId: string) => {
    const cell = document.querySelector('[data-testid="cellInnerDiv"]') as HTMLElement;
    const copy = cell.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('careside-inline').forEach((host) => host.remove());
    copy.querySelectorAll('a[href*="/status/"]').forEach((link) => link.setAttribute('href', `/someone/status/${statusId}`));
    cell.parentElement?.append(copy);
  };

  beforeEach(async () => {
    pending = [];
    answerCases(() => []);
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: acmeSettings });
    const doc = loadXFixture('timeline');
    document.body.replaceChildren(...[...doc.body.childNodes].map((node) => document.adoptNode(node)));
  });

  afterEach(() => {
    ctx.notifyInvalidated();
    document.body.replaceChildren();
  });

  it('reads a big page in slices, continuing in the next batch slot', async () => {
    await start({ readBudgetMs: 0 });
    // A zero budget reads one post per slice.
    expect(runtime.store.get().postsRead).toBe(1);
    let slices = 1;
    while (pending.length > 0) {
      await runScheduled();
      slices += 1;
    }
    expect(runtime.store.get().postsRead).toBe(9);
    expect(slices).toBe(9);
    expect(document.querySelectorAll('careside-inline')).toHaveLength(6);
  });

  it('without a budget reads everything at once', async () => {
    await start({});
    expect(runtime.store.get().postsRead).toBe(9);
    expect(pending).toEqual([]);
  });

  it('coalesces sidebar updates while posts stream in, but places controls at once', async () => {
    // An interval no test run outlasts: when the queued publish fires is publisher.test.ts's job (fake clock).
    await start({ publishIntervalMs: 60_000 });
    expect(runtime.store.get().postsRead).toBe(9);

    appendCopyOfFirstCell('1991000000000000101');
    await runScheduled();
    appendCopyOfFirstCell('1991000000000000102');
    await runScheduled();
    expect(document.querySelectorAll('careside-inline[data-careside-post-key^="x:19910000000000001"]')).toHaveLength(2);
    // The sidebar has not caught up yet, and says so: it publishes once at the end of the interval.
    expect(runtime.store.get().postsRead).toBe(9);
    expect(runtime.store.get().updating).toBe(true);
  });

  it('shows triage answers in the sidebar at once when no posts are streaming in', async () => {
    await start({ publishIntervalMs: 60_000 });
    const mentions = runtime.store.get().mentions.filter((mention) => !mention.byBrand);
    expect(mentions.length).toBeGreaterThan(0);
    expect(mentions.every((mention) => mention.triage !== undefined)).toBe(true);
  });

  it('updates the sidebar when a post shows new text, not when a re-read shows the same', async () => {
    await start({});
    const article = document.querySelector('careside-inline')?.closest('article');
    const postKey = article?.querySelector('careside-inline')?.getAttribute('data-careside-post-key');
    const text = article?.querySelector('[data-testid="tweetText"]');
    const before = runtime.store.get().mentions;
    expect(before.some((mention) => mention.postKey === postKey)).toBe(true);

    text?.append(document.createTextNode(''));
    await runScheduled();
    expect(runtime.store.get().mentions).toBe(before);

    text?.replaceChildren(document.createTextNode('Acme lost my bag and nobody answers'));
    await runScheduled();
    const after = runtime.store.get().mentions.find((mention) => mention.postKey === postKey);
    expect(after?.post.text).toBe('Acme lost my bag and nobody answers');
  });
});

describe('sidebar list on a page with thousands of mentions', () => {
  const entry = (index: number, priority?: 'P1' | 'P2'): MentionEntry => ({
    postKey: `x:${1000 + index}`,
    post: post(String(1000 + index), new Date(Date.UTC(2025, 10, 1, 0, index)).toISOString()),
    brandIds: ['acme'],
    byBrand: false,
    ...(priority
      ? {
          triage: {
            priority: { priority, explanation: priority },
            category: { category: 'other', label: 'Other' },
            complaint: { isComplaint: true, confidence: 0.9, cues: [] },
          } as unknown as NonNullable<MentionEntry['triage']>,
        }
      : {}),
  });

  it('lists the most urgent rows only and says so in the status line', () => {
    const mentions = Array.from({ length: MAX_SIDEBAR_ROWS + 50 }, (_, index) => entry(index, index === 3 ? 'P1' : undefined));
    const snapshot = {
      ...initialSnapshot('X / Twitter'),
      settings: { status: 'ok' as const, settings: SettingsSchema.parse({ version: 1, brands: [{ id: 'acme', name: 'Acme' }] }) },
      searching: false,
      postsRead: 200,
      readQuality: { withText: 200, withAuthor: 200 },
      mentions,
    };
    const rows = mentionRows(snapshot, new Map());
    expect(rows).toHaveLength(MAX_SIDEBAR_ROWS);
    expect(rows[0]?.postKey).toBe('x:1003'); // the one P1
    expect(rows[1]?.postKey).toBe(`x:${1000 + MAX_SIDEBAR_ROWS + 49}`); // then newest first
    expect(statusText(snapshot)).toBe(
      `X / Twitter: read 200 posts, ${MAX_SIDEBAR_ROWS + 50} mention a brand. Listing the ${MAX_SIDEBAR_ROWS} most urgent.`,
    );
  });
});
