/**
 * How the content runtime keeps a fast page responsive: reading in time slices, coalesced
 * sidebar updates, a bounded sidebar list, and inline controls that re-render only when the
 * case data they show changes. (Speed itself is measured by scripts/bench/timeline.ts.)
 */
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import acmeSettings from '../../tests/fixtures/x/acme-settings.json';
import { loadXFixture } from '../../tests/fixtures/x/load';
import type { Case } from '../domain/case';
import type { Post } from '../domain/post';
import { SETTINGS_STORAGE_KEY, SettingsSchema } from '../settings/schema';
import { xAdapter } from '../sites/x/adapter';
import { CASE_CHUNK_SIZE, createCaseSync, type CaseSync } from './case-sync';
import { invalidateCasesOf } from '../queries/cases';
import type { SendRequest } from '../messaging/client';
import { createContentRuntime, type ContentRuntime, type RuntimeEnvironment } from './runtime';
import { initialSnapshot, MAX_SIDEBAR_ROWS, mentionRows, statusText, type MentionEntry } from './view-model';
import { answerTriageRequests } from '../../tests/support/fake-triage';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

const caseOf = (postId: string, status: Case['status'], updatedAt: number): Case => ({
  id: `00000000-0000-4000-8000-${postId.padStart(12, '0')}`,
  ref: 'CS-7F3K',
  postKey: `x:${postId}`,
  platform: 'x',
  post: post(postId),
  brandIds: ['acme'],
  status,
  createdAt: 1,
  updatedAt,
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

/** Calls `onChange` with the watched cases each time the sync says they changed. */
function watchCases(sync: CaseSync, onChange: (cases: ReadonlyMap<string, Case>) => void): CaseSync {
  sync.subscribe(() => onChange(sync.get().cases));
  return sync;
}

describe('case sync', () => {
  it('tells the controls only when the cases they show change, not on every refetch', async () => {
    let stored: Case[] = [];
    answerCases(() => stored);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 0, staleTime: 0 } } });
    const changes: number[] = [];
    let latest: ReadonlyMap<string, Case> = new Map();
    const sync = watchCases(createCaseSync(queryClient), (cases) => {
      latest = cases;
      changes.push(cases.size);
    });
    sync.setPostKeys(['x:1', 'x:2']);
    await expect.poll(() => changes).toEqual([0]);

    // New keys, same (no) cases: nothing to re-render.
    sync.setPostKeys(['x:1', 'x:2', 'x:3']);
    await queryClient.refetchQueries();
    await sleep(20);
    expect(changes).toEqual([0]);

    stored = [caseOf('2', 'new', 5)];
    await queryClient.refetchQueries();
    await expect.poll(() => changes).toEqual([0, 1]);
    await queryClient.refetchQueries();
    await sleep(20);
    expect(changes).toEqual([0, 1]);

    stored = [caseOf('2', 'responded', 6)];
    await queryClient.refetchQueries();
    await expect.poll(() => changes).toEqual([0, 1, 1]);
    expect(latest.get('x:2')?.status).toBe('responded');
    sync.destroy();
  });
});

describe('case sync on a page with thousands of mentions', () => {
  it('asks in chunks, again only for the chunk that grew or holds a changed post', async () => {
    let stored: Case[] = [];
    const asked = answerCases(() => stored);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 0, staleTime: 30_000 } } });
    let latest: ReadonlyMap<string, Case> = new Map();
    const sync = watchCases(createCaseSync(queryClient), (cases) => (latest = cases));
    const keys = Array.from({ length: 250 }, (_, index) => `x:${5000 + index}`);
    sync.setPostKeys(keys);
    await expect.poll(() => asked.map((chunk) => chunk.length)).toEqual([CASE_CHUNK_SIZE, CASE_CHUNK_SIZE, 50]);

    // Ten more posts stream in: only the last chunk is asked again.
    sync.setPostKeys([...keys, ...Array.from({ length: 10 }, (_, index) => `x:${6000 + index}`)]);
    await expect.poll(() => asked.length).toBe(4);
    expect(asked[3]).toHaveLength(60);

    // A case changed for a post in the first chunk: that chunk alone is refetched.
    stored = [caseOf('5003', 'new', 2)];
    await invalidateCasesOf(queryClient, ['x:5003']);
    await expect.poll(() => latest.get('x:5003')?.status).toBe('new');
    expect(asked).toHaveLength(5);
    expect(asked[4]).toContain('x:5003');
    sync.destroy();
  });
});

describe('case sync transport', () => {
  it('asks through the request function it is given (a content script passes its port client)', async () => {
    const asked: unknown[] = [];
    const send = ((type: string, payload: unknown) => {
      asked.push([type, payload]);
      return Promise.resolve({ cases: [caseOf('7', 'new', 1)] });
    }) as unknown as SendRequest;
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 0 } } });
    let latest: ReadonlyMap<string, Case> = new Map();
    const sync = watchCases(createCaseSync(queryClient, send), (cases) => (latest = cases));
    sync.setPostKeys(['x:7', 'x:8']);
    await expect.poll(() => latest.get('x:7')?.status).toBe('new');
    expect(asked).toEqual([['cases/byPostKeys', { postKeys: ['x:7', 'x:8'] }]]);

    // Fewer posts (a new page): the chunks past the end are dropped, the first asked anew.
    sync.setPostKeys(['x:9']);
    await expect.poll(() => asked).toHaveLength(2);
    expect(asked[1]).toEqual(['cases/byPostKeys', { postKeys: ['x:9'] }]);
    sync.destroy();
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
