import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makePost } from '../cases/testing';
import { MessagingError, onCasesChanged, sendMessage } from '../messaging/client';
import type { CasesChangedBroadcast } from '../messaging/protocol';
import { SETTINGS_STORAGE_KEY } from '../settings/schema';
import { startBackground } from './index';
import { contentSender, fakeTabMessaging, POPUP_SENDER, fakeBackgroundWorld, type FakeBackgroundWorld } from './testing';

let world: FakeBackgroundWorld;
const X_TAB_URL = 'https://x.com/acme/status/1';

beforeEach(() => {
  // No tab runs our content script unless a test says so.
  world = fakeBackgroundWorld();
});

function asContentScript(tabId = 1) {
  world.from(contentSender(X_TAB_URL, tabId));
}
function asPopup() {
  world.from(POPUP_SENDER);
}

/** A clock that advances one second per reading. */
function tickingClock(start = Date.UTC(2026, 0, 1)) {
  let time = start;
  return () => (time += 1000);
}

/** The badge follows a reminder pass over fake-indexeddb: seconds when the test run loads both cores. */
const BADGE_WAIT = { timeout: 5_000 };

async function badge() {
  return fakeBrowser.action.getBadgeText({});
}

describe('background (through runtime.sendMessage)', () => {
  it('registers its message listener synchronously', () => {
    startBackground();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
  });

  it('starts reading the settings and opening the case database as it starts, before any message arrives', async () => {
    const read = vi.spyOn(fakeBrowser.storage.local, 'get');
    const open = vi.spyOn(indexedDB, 'open');
    startBackground();
    expect(read).toHaveBeenCalledWith(expect.arrayContaining([SETTINGS_STORAGE_KEY]));
    await vi.waitFor(() => expect(open).toHaveBeenCalled());
  });

  it('logs a case for a content script and answers the same case the second time', async () => {
    startBackground();
    asContentScript();
    const post = makePost('1001');
    const first = await sendMessage('cases/log', { post, brandIds: ['acme'] });
    const second = await sendMessage('cases/log', { post, brandIds: ['acme'] });
    expect(first.created).toBe(true);
    expect(second).toEqual({ case: first.case, created: false });
    expect(first.case.ref).toMatch(/^CS-[0-9A-HJKMNP-TV-Z]{4,8}$/);

    const { cases } = await sendMessage('cases/byPostKeys', { postKeys: ['x:1001', 'x:9999'] });
    expect(cases).toEqual([first.case]);
  });

  it('triages a post logged before its tab had the triage, with the configured brand masked', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_STORAGE_KEY]: {
        version: 1,
        brands: [{ id: 'acme', name: 'Acme Air', handles: { x: ['AcmeAir'], facebook: [], yelp: [] } }],
      },
    });
    startBackground();
    asContentScript();
    const post = { ...makePost('1002'), text: '@AcmeAir lost my bag and nobody answers. Worst airline ever.' };
    const { case: logged } = await sendMessage('cases/log', { post, brandIds: ['acme'] });
    expect(logged.priority).toMatch(/^P[1-4]$/);
    expect(logged.category).toBe('lost_damaged');
    expect(logged.triage?.complaint).toBe(true);
  });

  it('opens the options page for a content script', async () => {
    const openOptionsPage = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    startBackground();
    asContentScript();
    expect(await sendMessage('options/open', {})).toEqual({ opened: true });
    expect(openOptionsPage).toHaveBeenCalledTimes(1);
  });

  it('answers a content script only about cases of its own site', async () => {
    startBackground();
    asPopup();
    const facebookPost = { ...makePost('79'), platform: 'facebook' as const, url: 'https://www.facebook.com/acme/posts/79' };
    await sendMessage('cases/log', { post: facebookPost, brandIds: [] });
    await sendMessage('cases/log', { post: makePost('80'), brandIds: [] });
    asContentScript();
    const { cases } = await sendMessage('cases/byPostKeys', { postKeys: ['facebook:79', 'x:80'] });
    expect(cases.map((found) => found.postKey)).toEqual(['x:80']);
    asPopup();
    expect((await sendMessage('cases/byPostKeys', { postKeys: ['facebook:79', 'x:80'] })).cases).toHaveLength(2);
  });

  it('refuses a content script logging a post from another site', async () => {
    startBackground();
    asContentScript();
    const facebookPost = { ...makePost('77'), platform: 'facebook' as const, url: 'https://www.facebook.com/acme/posts/77' };
    const refused = await sendMessage('cases/log', { post: facebookPost, brandIds: [] }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MessagingError);
    expect((refused as MessagingError).code).toBe('forbidden_sender');
    asPopup();
    expect((await sendMessage('cases/summary', {})).openTotal).toBe(0);
  });

  it('refuses a post whose link leaves its own site, from a tab or a page, and stores nothing', async () => {
    startBackground();
    for (const sender of [asContentScript, asPopup]) {
      sender();
      const phishing = { ...makePost('78'), url: 'https://evil.example/phish' };
      const refused = await sendMessage('cases/log', { post: phishing, brandIds: [] }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(MessagingError);
      expect((refused as MessagingError).code).toBe('bad_request');
      expect((refused as MessagingError).message).toBe(
        'Not logged: the post\'s link must be an https page on X (x.com, twitter.com, mobile.twitter.com), not "https://evil.example/phish".',
      );
    }
    asPopup();
    expect((await sendMessage('cases/summary', {})).openTotal).toBe(0);
  });

  it('gives the popup its summary and refuses it to content scripts', async () => {
    startBackground({ now: tickingClock() }); // distinct createdAt: "newest" order must not hang on a tie
    asContentScript();
    await sendMessage('cases/log', { post: makePost('1'), brandIds: [] });
    const { case: second } = await sendMessage('cases/log', { post: makePost('2'), brandIds: [] });
    await sendMessage('cases/transition', { caseId: second.id, to: 'closed', outcome: 'spam' });

    const refused = await sendMessage('cases/summary', {}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MessagingError);
    expect((refused as MessagingError).code).toBe('forbidden_sender');

    asPopup();
    const summary = await sendMessage('cases/summary', {});
    expect(summary).toMatchObject({ openTotal: 1, byPlatform: { x: 1, facebook: 0, yelp: 0 } });
    expect(summary.byStatus).toMatchObject({ new: 1, closed: 1 });
    expect(summary.newest.map((item) => item.postKey)).toEqual(['x:2', 'x:1']);
    expect(summary.oldestWaiting?.postKey).toBe('x:1');
  });

  it('answers typed errors: not_found, bad_request with issues, and strangers are forbidden', async () => {
    startBackground();
    const missing = await sendMessage('cases/setStatus', { caseId: '00000000-0000-4000-8000-000000000000', status: 'resolved' }).catch(
      (error: unknown) => error,
    );
    expect((missing as MessagingError).code).toBe('not_found');

    const malformed = await fakeBrowser.runtime.sendMessage<unknown, { ok: boolean; error: { code: string; issues: { path: string }[] } }>({
      type: 'cases/log',
      payload: { post: { platform: 'x' }, brandIds: [] },
    });
    expect(malformed.ok).toBe(false);
    expect(malformed.error.code).toBe('bad_request');
    expect(malformed.error.issues.map((issue) => issue.path)).toContain('post.postId');

    world.from({ id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' });
    const stranger = await sendMessage('cases/byPostKeys', { postKeys: [] }).catch((error: unknown) => error);
    expect((stranger as MessagingError).code).toBe('forbidden_sender');
  });

  it('broadcasts each change to content-script tabs and extension pages, and updates the badge', async () => {
    const tab = await fakeBrowser.tabs.create({ url: X_TAB_URL });
    const tabHeard: unknown[] = [];
    fakeTabMessaging(new Map([[tab.id!, (message: unknown) => tabHeard.push(message)]]));
    const pageHeard: CasesChangedBroadcast[] = [];
    onCasesChanged((broadcast) => pageHeard.push(broadcast));
    // A fixed clock, but not in the past: fake-browser fires alarms on the real clock, and reminder alarms planned
    // from a clock years behind it fire at once, each pass planning the next (a loop that starved this test under load).
    const now = Date.now();
    startBackground({ now: () => now });
    await vi.waitFor(async () => expect(await badge()).toBe(''), BADGE_WAIT);

    asContentScript(tab.id);
    const { case: logged } = await sendMessage('cases/log', { post: makePost('55'), brandIds: ['acme'] });
    const expected = { type: 'cases/changed', postKeys: ['x:55'], at: now };
    // Logging also teaches the adaptive triage layer, so tabs hear triage/changed too.
    const tabCaseChanges = () => tabHeard.filter((message) => (message as { type: string }).type === 'cases/changed');
    await vi.waitFor(() => {
      expect(tabCaseChanges()).toEqual([expected]);
      expect(tabHeard).toContainEqual({ type: 'triage/changed', at: now });
      expect(pageHeard).toEqual([expected]);
    });
    await vi.waitFor(async () => expect(await badge()).toBe('1'), BADGE_WAIT);

    // Logging the same post again changes nothing, so nobody is told.
    await sendMessage('cases/log', { post: makePost('55'), brandIds: ['acme'] });
    await sendMessage('cases/setStatus', { caseId: logged.id, status: 'resolved' });
    await vi.waitFor(() => expect(pageHeard).toHaveLength(2));
    expect(tabCaseChanges()).toHaveLength(2);
    await vi.waitFor(async () => expect(await badge()).toBe(''), BADGE_WAIT);
  });

  it('survives a service-worker restart: the new worker sees the stored cases and badges them', async () => {
    startBackground();
    asContentScript();
    const { case: logged } = await sendMessage('cases/log', { post: makePost('77'), brandIds: [] });
    await vi.waitFor(async () => expect(await badge()).toBe('1'), BADGE_WAIT);

    // The worker is killed: its listeners and in-memory state are gone, IndexedDB stays.
    fakeBrowser.runtime.resetState();
    await fakeBrowser.action.setBadgeText({ text: '' });
    startBackground();

    await vi.waitFor(async () => expect(await badge()).toBe('1'), BADGE_WAIT);
    const { cases } = await sendMessage('cases/byPostKeys', { postKeys: ['x:77'] });
    expect(cases).toEqual([logged]);
  });
});
