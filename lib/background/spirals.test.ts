import type { Browser } from 'wxt/browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makePost } from '../cases/testing';
import { MessagingError, sendMessage } from '../messaging/client';
import { onSpiralsChanged } from '../queries/spirals';
import { SETTINGS_STORAGE_KEY } from '../settings/schema';
import { SpiralStateSchema } from '../spirals/schema';
import { complaints, LOST_BAG, MINUTE, NOW, UNRELATED } from '../spirals/testing';
import { startBackground } from './index';
import { SPIRAL_STATE_KEY } from './spirals';
import { contentSender, fakeTabMessaging, injectSender, POPUP_SENDER } from './testing';

let sender: Browser.runtime.MessageSender;
let clock = NOW;
const now = () => clock;

beforeEach(() => {
  clock = NOW;
  sender = contentSender('https://x.com/search?q=acme', 1);
  injectSender(() => sender);
  fakeTabMessaging(new Map());
});

async function seedSpiralSettings(minSimilar: number, windowMinutes: number) {
  await fakeBrowser.storage.local.set({
    [SETTINGS_STORAGE_KEY]: { version: 1, brands: [], spirals: { minSimilar, windowMinutes } },
  });
}

describe('background spirals', () => {
  it('raises a spiral from complaints reported by several tabs and tells every view', async () => {
    await seedSpiralSettings(5, 60);
    const heard: unknown[] = [];
    onSpiralsChanged((broadcast) => heard.push(broadcast));
    startBackground({ now });

    const lostBag = complaints(LOST_BAG.slice(0, 5));
    expect(
      await sendMessage('spirals/observe', { complaints: [...lostBag.slice(0, 3), ...complaints(UNRELATED, { prefix: 'u' })] }),
    ).toEqual({
      accepted: 3 + UNRELATED.length,
    });
    expect((await sendMessage('spirals/active', {})).spirals).toEqual([]);
    expect(heard).toEqual([]);

    sender = contentSender('https://x.com/home', 2); // another tab
    await sendMessage('spirals/observe', { complaints: lostBag.slice(3) });
    const { spirals } = await sendMessage('spirals/active', {});
    expect(spirals).toHaveLength(1);
    expect(spirals[0]).toMatchObject({ size: 5, postKeys: lostBag.map((complaint) => complaint.postKey), platforms: ['x'] });
    expect(spirals[0]?.label).toContain('baggage claim');
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'spirals/changed', at: NOW }]));

    sender = POPUP_SENDER;
    expect((await sendMessage('spirals/active', {})).spirals).toEqual(spirals);
  });

  it('keeps the window across a service-worker restart', async () => {
    await seedSpiralSettings(5, 60);
    startBackground({ now });
    await sendMessage('spirals/observe', { complaints: complaints(LOST_BAG.slice(0, 4)) });
    const saved = SpiralStateSchema.parse((await fakeBrowser.storage.session.get(SPIRAL_STATE_KEY))[SPIRAL_STATE_KEY]);
    expect(saved.members.map((member) => member.postKey)).toEqual(['x:p0', 'x:p1', 'x:p2', 'x:p3']);

    // The worker is killed: listeners and memory are gone, storage.session stays.
    fakeBrowser.runtime.resetState();
    clock = NOW + 2 * MINUTE;
    startBackground({ now });
    await sendMessage('spirals/observe', { complaints: complaints(LOST_BAG.slice(4, 5), { prefix: 'later', lastAt: clock }) });
    const [spiral] = (await sendMessage('spirals/active', {})).spirals;
    expect(spiral?.size).toBe(5);
    expect(spiral?.postKeys).toEqual(['x:p0', 'x:p1', 'x:p2', 'x:p3', 'x:later0']);

    // And again: same spiral, same id, without any new report.
    fakeBrowser.runtime.resetState();
    startBackground({ now });
    expect((await sendMessage('spirals/active', {})).spirals).toEqual([spiral]);
  });

  it('starts an empty window when the saved one is damaged', async () => {
    await fakeBrowser.storage.session.set({ [SPIRAL_STATE_KEY]: { version: 1, members: 'nope' } });
    await seedSpiralSettings(2, 60);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    startBackground({ now });
    expect((await sendMessage('spirals/active', {})).spirals).toEqual([]);
    await sendMessage('spirals/observe', { complaints: complaints(LOST_BAG.slice(0, 2)) });
    expect((await sendMessage('spirals/active', {})).spirals).toHaveLength(1);
    expect(warn).toHaveBeenCalled();
  });

  it('follows the spiral settings, also when they change', async () => {
    await seedSpiralSettings(5, 60);
    startBackground({ now });
    await sendMessage('spirals/observe', { complaints: complaints(LOST_BAG.slice(0, 3)) });
    expect((await sendMessage('spirals/active', {})).spirals).toEqual([]);
    const heard: unknown[] = [];
    onSpiralsChanged((broadcast) => heard.push(broadcast));

    await seedSpiralSettings(3, 60);
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect((await sendMessage('spirals/active', {})).spirals[0]?.size).toBe(3);
  });

  it('drops a complaint from its spiral once its case is resolved', async () => {
    await seedSpiralSettings(5, 60);
    startBackground({ now });
    const lostBag = complaints(LOST_BAG.slice(0, 5));
    await sendMessage('spirals/observe', { complaints: lostBag });
    expect((await sendMessage('spirals/active', {})).spirals).toHaveLength(1);
    const heard: unknown[] = [];
    onSpiralsChanged((broadcast) => heard.push(broadcast));

    const { case: logged } = await sendMessage('cases/log', { post: makePost('p0', { text: LOST_BAG[0] }), brandIds: [] });
    expect((await sendMessage('spirals/active', {})).spirals).toHaveLength(1); // still open
    await sendMessage('cases/setStatus', { caseId: logged.id, status: 'resolved' });
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect((await sendMessage('spirals/active', {})).spirals).toEqual([]);
  });

  it('ends a spiral as time passes', async () => {
    await seedSpiralSettings(5, 60);
    startBackground({ now });
    await sendMessage('spirals/observe', { complaints: complaints(LOST_BAG.slice(0, 5), { everyMinutes: 1 }) });
    expect((await sendMessage('spirals/active', {})).spirals).toHaveLength(1);
    clock = NOW + 57 * MINUTE;
    expect((await sendMessage('spirals/active', {})).spirals).toEqual([]);
  });

  it('refuses a content script reporting another site’s posts, and malformed reports', async () => {
    startBackground({ now });
    const yelp = complaints(['lost my bag at baggage claim'], { platform: 'yelp' });
    const refused = await sendMessage('spirals/observe', { complaints: yelp }).catch((error: unknown) => error);
    expect((refused as MessagingError).code).toBe('forbidden_sender');

    const mismatched = [{ postKey: 'facebook:1', text: 'lost bag', at: NOW, platform: 'x' as const }];
    const bad = await sendMessage('spirals/observe', { complaints: mismatched }).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(MessagingError);
    expect((bad as MessagingError).code).toBe('bad_request');
    expect((bad as MessagingError).issues[0]?.path).toBe('complaints.0.postKey');

    const tooMany = complaints(Array.from({ length: 101 }, () => 'lost bag at baggage claim'));
    expect(((await sendMessage('spirals/observe', { complaints: tooMany }).catch((error: unknown) => error)) as MessagingError).code).toBe(
      'bad_request',
    );
    const huge = complaints(['x'.repeat(10_001)]);
    expect(((await sendMessage('spirals/observe', { complaints: huge }).catch((error: unknown) => error)) as MessagingError).code).toBe(
      'bad_request',
    );
    expect((await sendMessage('spirals/active', {})).spirals).toEqual([]);
  });
});
