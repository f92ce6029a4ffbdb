import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { xTweetCellHtml, type XPostSpec } from '../../demo/x/markup';
import type { Case } from '../domain/case';
import type { Post } from '../domain/post';
import { SETTINGS_STORAGE_KEY } from '../settings/schema';
import { xAdapter } from '../sites/x/adapter';
import type * as triageModule from '../triage';
import { triagePost } from '../triage';
import { createContentRuntime, type ContentRuntime } from './runtime';
import { mentionRows, statusText } from './view-model';
import { answerPresenceRequests, answerSettingsRequests, answerTriageRequests } from '../../tests/support/fake-triage';

vi.mock('../triage', async (importOriginal) => {
  const actual = await importOriginal<typeof triageModule>();
  return { ...actual, triagePost: vi.fn(actual.triagePost) };
});

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();

const SETTINGS = {
  version: 1,
  brands: [{ id: 'acme-air', name: 'Acme Air', handles: { x: ['AcmeAir', 'AcmeSupport'], facebook: [], yelp: [] } }],
};

const spec = (id: string, patch: Partial<XPostSpec>): XPostSpec => ({
  id,
  displayName: `Customer ${id}`,
  // X handles are at most 15 characters: the adapter reads no post from a longer one's status link.
  handle: `customer${id.slice(-4)}`,
  text: '',
  postedAt: ago(30),
  ...patch,
});

const POSTS = {
  /** Complaint, 250k views, long wait and a legal threat: P1. */
  urgent: spec('1990000000000000001', {
    text: '@AcmeAir no response for 3 weeks about my lost bag. Filing a complaint with the DOT.',
    views: 250_000,
    postedAt: ago(50),
  }),
  /** Complaints with little reach: P2, the newer one first. */
  olderCancelled: spec('1990000000000000002', {
    text: 'Acme Air cancelled my flight and the rebooking line hangs up. Stuck at the airport.',
    views: 3_000,
    postedAt: ago(40),
  }),
  newerLostBag: spec('1990000000000000003', {
    text: 'Acme Air lost my bag, baggage claim has no idea where it is',
    views: 800,
    postedAt: ago(10),
  }),
  /** Praise: P4, not a complaint. */
  praise: spec('1990000000000000004', { text: 'Thanks @AcmeAir, smooth flight and friendly crew today!', views: 120, postedAt: ago(5) }),
  /** The brand's own reply: listed, not triaged. */
  byBrand: spec('1990000000000000005', {
    handle: 'AcmeSupport',
    text: 'Acme Air here, sorry to hear that. Please DM us.',
    postedAt: ago(1),
  }),
};
const key = (post: XPostSpec) => `x:${post.id}`;

/** Answers the protocol like the background; records what the content script sent. */
function fakeBackground() {
  const requests: { type: string; payload: Record<string, unknown> }[] = [];
  answerTriageRequests();
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (answer: unknown) => void) => {
    const { type, payload } = message as { type: string; payload: Record<string, unknown> };
    if (type.endsWith('/changed') || type === 'posts/triage' || type === 'settings/current') return undefined;
    requests.push({ type, payload });
    if (type === 'cases/byPostKeys') sendResponse({ ok: true, data: { cases: [] } });
    else if (type === 'spirals/observe') sendResponse({ ok: true, data: { accepted: (payload.complaints as unknown[]).length } });
    else if (type === 'spirals/active') sendResponse({ ok: true, data: { spirals: [] } });
    else if (type === 'cases/log') {
      const post = payload.post as Post;
      const logged: Case = {
        id: '00000000-0000-4000-8000-000000000001',
        ref: 'CS-7F3K',
        postKey: `x:${post.postId}`,
        platform: 'x',
        post,
        brandIds: ['acme-air'],
        status: 'new',
        createdAt: 1,
        updatedAt: 1,
      };
      sendResponse({ ok: true, data: { case: logged, created: true } });
    } else sendResponse({ ok: false, error: { code: 'unknown_type', message: type } });
    return true;
  });
  return requests;
}

function control(postKey: string): ShadowRoot | null | undefined {
  return document.querySelector(`careside-inline[data-careside-post-key="${postKey}"]`)?.shadowRoot;
}

describe('content runtime: triage and spiral reports', () => {
  let ctx: ContentScriptContext;
  let runtime: ContentRuntime;
  let requests: ReturnType<typeof fakeBackground>;

  beforeEach(async () => {
    // Test markup from the demo builder (it escapes every piece of post text).
    const page = new DOMParser().parseFromString(Object.values(POSTS).map(xTweetCellHtml).join(''), 'text/html');
    document.body.replaceChildren(...[...page.body.childNodes].map((node) => document.adoptNode(node)));
    requests = fakeBackground();
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: SETTINGS });
    ctx = new ContentScriptContext('x');
    // jsdom cannot make a trusted click: accept the test's.
    runtime = createContentRuntime(ctx, xAdapter, { win: window, schedule: () => undefined, acceptEvent: () => true });
    await runtime.ready;
  });

  afterEach(() => {
    ctx.notifyInvalidated();
    document.body.replaceChildren();
  });

  it('triages every brand mention except the brand’s own posts', () => {
    const byKey = new Map(runtime.store.get().mentions.map((mention) => [mention.postKey, mention]));
    expect(byKey.get(key(POSTS.urgent))?.triage?.priority.priority).toBe('P1');
    expect(byKey.get(key(POSTS.urgent))?.triage?.complaint.isComplaint).toBe(true);
    expect(byKey.get(key(POSTS.praise))?.triage?.complaint.isComplaint).toBe(false);
    expect(byKey.get(key(POSTS.byBrand))?.byBrand).toBe(true);
    expect(byKey.get(key(POSTS.byBrand))?.triage).toBeUndefined();
  });

  it('orders sidebar rows by priority, then newest first, with the one-line explanation', () => {
    const rows = mentionRows(runtime.store.get(), new Map());
    expect(rows.map((row) => row.postKey)).toEqual([
      key(POSTS.urgent),
      key(POSTS.newerLostBag),
      key(POSTS.olderCancelled),
      key(POSTS.praise),
      key(POSTS.byBrand),
    ]);
    expect(rows.map((row) => row.triage?.priority)).toEqual(['P1', 'P2', 'P2', 'P4', undefined]);
    expect(rows[0]?.triage).toMatchObject({ priority: 'P1', category: 'Lost or damaged item', complaint: true });
    expect(rows[0]?.triage?.explanation).toMatch(/^P1: complaint, 250K views, "no response for 3 weeks"/);
    expect(rows[3]?.triage?.explanation).toMatch(/^P4: not a complaint/);
  });

  it('shows priority and category on the inline control, before and after logging', async () => {
    const shadow = control(key(POSTS.urgent));
    const triage = shadow?.querySelector('[data-testid="careside-triage"]');
    expect(triage?.textContent).toBe('P1 · Lost or damaged item');
    // The reason shows as the label's tooltip once hovered (the document sees the event at the host).
    shadow?.host.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(triage?.getAttribute('title')).toMatch(/^P1: complaint/);
    expect(control(key(POSTS.byBrand))).toBeUndefined();

    shadow?.querySelector<HTMLButtonElement>('[data-testid="careside-log-case"]')?.click();
    await vi.waitFor(() => expect(shadow?.querySelector('[data-testid="careside-case-badge"]')?.textContent).toBe('CS-7F3K · New'));
    expect(shadow?.querySelector('[data-testid="careside-triage"]')?.textContent).toBe('P1 · Lost or damaged item');
  });

  it('shows a new post’s control at once, its triage filling in when the background answers', async () => {
    const late = spec('1990000000000000009', { text: 'Acme Air cancelled my flight, rebooking line hangs up', views: 2_000 });
    document.body.insertAdjacentHTML('beforeend', xTweetCellHtml(late));
    await new Promise((resolve) => setTimeout(resolve, 0)); // MutationObserver records
    runtime.flush();
    const shadow = control(key(late));
    expect(shadow?.querySelector('[data-testid="careside-log-case"]')?.textContent).toBe('Log case');
    expect(shadow?.querySelector('[data-testid="careside-triage"]')?.textContent).toBe('Triaging…');
    await vi.waitFor(() => expect(shadow?.querySelector('[data-testid="careside-triage"]')?.textContent).toBe('P2 · Cancellation'));
    expect(shadow?.querySelector('[data-testid="careside-triage"]')?.className).toBe('triage');
  });

  it('asks again about every post with a control when the background says corrections moved verdicts', async () => {
    const triaged = vi.mocked(triagePost);
    const before = triaged.mock.calls.length;
    await fakeBrowser.runtime.sendMessage({ type: 'triage/changed', at: Date.now() });
    // The four mentions by others (not the brand's own reply) are asked about again…
    await vi.waitFor(() =>
      expect(
        triaged.mock.calls
          .slice(before)
          .map(([post]) => post.text)
          .sort(),
      ).toHaveLength(4),
    );
    expect(new Set(triaged.mock.calls.slice(before).map(([post]) => post.text))).not.toContain(POSTS.byBrand.text);
    // …while their controls keep showing the verdict they had (no "Triaging…" flash).
    expect(control(key(POSTS.urgent))?.querySelector('[data-testid="careside-triage"]')?.textContent).toBe('P1 · Lost or damaged item');
  });

  it('logs the post and its brands only: the background triages it again for the store', async () => {
    await runtime.logCase(key(POSTS.olderCancelled));
    const logged = requests.find((request) => request.type === 'cases/log');
    expect(Object.keys(logged?.payload ?? {}).sort()).toEqual(['brandIds', 'post']);
    expect(logged?.payload.post).toMatchObject({ postId: POSTS.olderCancelled.id });
  });

  it('reports complaints (not praise, not the brand’s own posts) once, with brand mentions blanked', async () => {
    await vi.waitFor(() => expect(requests.filter((request) => request.type === 'spirals/observe')).toHaveLength(1), { timeout: 3_000 });
    const [observe] = requests.filter((request) => request.type === 'spirals/observe');
    const complaints = observe?.payload.complaints as { postKey: string; text: string; at: number; platform: string }[];
    expect(complaints.map((complaint) => complaint.postKey).sort()).toEqual(
      [POSTS.urgent, POSTS.olderCancelled, POSTS.newerLostBag].map(key).sort(),
    );
    const urgent = complaints.find((complaint) => complaint.postKey === key(POSTS.urgent));
    expect(urgent?.text).not.toMatch(/acme/i);
    expect(urgent?.text).toContain('no response for 3 weeks');
    expect(urgent?.at).toBe(Date.parse(POSTS.urgent.postedAt));
    expect(urgent?.platform).toBe('x');

    // The page re-renders the same posts: nothing new to report.
    runtime.store.update((snapshot) => ({ ...snapshot }));
    document.body.insertAdjacentHTML('beforeend', xTweetCellHtml(POSTS.praise));
    runtime.flush();
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(requests.filter((request) => request.type === 'spirals/observe')).toHaveLength(1);
  });

  it('triages a post once per version of it, however often the page re-renders it', async () => {
    // MutationObserver records arrive after a task; then run the scanner's batch.
    const reread = async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      runtime.flush();
    };
    const calls = () => vi.mocked(triagePost).mock.calls.length;
    const triaged = calls();
    expect(triaged).toBeGreaterThanOrEqual(4);
    const article = document.querySelector(`article a[href$="/status/${POSTS.urgent.id}"]`)?.closest('article');
    // X re-renders a post (its relative time ticks): same post, no new triage.
    const time = article?.querySelector('time');
    if (time) time.textContent = '1h';
    await reread();
    expect(calls()).toBe(triaged);
    // The post itself changed: triaged again.
    const text = article?.querySelector('[data-testid="tweetText"]');
    if (text) text.textContent = 'Acme Air thanks for the quick reply, all sorted now';
    await reread();
    // The answer comes back from the background a moment later.
    await vi.waitFor(() =>
      expect(runtime.store.get().mentions.find((mention) => mention.postKey === key(POSTS.urgent))?.triage?.complaint.isComplaint).toBe(
        false,
      ),
    );
    // Once everything asked was answered: the changed post once more, the re-rendered one never.
    expect(calls()).toBe(triaged + 1);
  });
});

describe('content runtime when the background cannot triage', () => {
  it('still shows usable controls, says why in the sidebar, and logs without waiting', async () => {
    const page = new DOMParser().parseFromString([POSTS.urgent, POSTS.praise].map(xTweetCellHtml).join(''), 'text/html');
    document.body.replaceChildren(...[...page.body.childNodes].map((node) => document.adoptNode(node)));
    const logged: unknown[] = [];
    answerSettingsRequests();
    answerPresenceRequests();
    fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (answer: unknown) => void) => {
      const { type, payload } = message as { type: string; payload: unknown };
      if (type === 'posts/triage') sendResponse({ ok: false, error: { code: 'internal', message: 'model failed to load' } });
      else if (type === 'cases/byPostKeys') sendResponse({ ok: true, data: { cases: [] } });
      else if (type === 'cases/log') {
        logged.push(payload);
        sendResponse({ ok: false, error: { code: 'internal', message: 'stop here' } });
      } else return undefined;
      return true;
    });
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: SETTINGS });
    const ctx = new ContentScriptContext('x');
    const runtime = createContentRuntime(ctx, xAdapter, { win: window, schedule: () => undefined });
    await runtime.ready;

    expect(statusText(runtime.store.get())).toContain('Triage is unavailable: model failed to load');
    const shadow = control(key(POSTS.urgent));
    // Settled without an answer: no "Triaging…" forever, just the button.
    expect(shadow?.querySelector('[data-testid="careside-triage"]')).toBeNull();
    expect(shadow?.querySelector('[data-testid="careside-log-case"]')?.textContent).toBe('Log case');
    await runtime.logCase(key(POSTS.urgent));
    // No triage from the tab: the background triages the post when it stores the case.
    expect(logged).toHaveLength(1);
    expect((logged[0] as { triage?: unknown }).triage).toBeUndefined();
    ctx.notifyInvalidated();
    document.body.replaceChildren();
  });
});
