import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessagingError, onCasesChanged, sendMessage } from '../messaging/client';
import type { CasesChangedBroadcast } from '../messaging/protocol';
import { SETTINGS_STORAGE_KEY } from '../settings/schema';
import { DISMISSED_POSTS_KEY } from '../settings/dismissed-posts';
import { SIDEBAR_WIDTH_KEY } from '../settings/sidebar-layout';
import { SIDEBAR_POSITION_KEY } from '../settings/sidebar-position';
import { REMINDER_ALARM_PREFIX } from '../workflow/alarm-names';
import { reminderNotificationId } from './notifications';
import { SPIRAL_STATE_KEY } from './spirals';
import {
  contentSender,
  logP1Case,
  POPUP_SENDER,
  startWorker,
  fakeBackgroundWorld,
  type FakeAlarms,
  type FakeBackgroundWorld,
} from './testing';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
let world: FakeBackgroundWorld;
let alarms: FakeAlarms;

beforeEach(() => {
  // Only Date is faked: fake-indexeddb schedules its work on real timers.
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
  world = fakeBackgroundWorld();
  alarms = world.alarms;
});
afterEach(() => {
  vi.useRealTimers();
});

async function failureOf(work: Promise<unknown>): Promise<MessagingError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MessagingError);
  return error as MessagingError;
}

const reminderAlarms = () => alarms.scheduled().filter((alarm) => alarm.name.startsWith(REMINDER_ALARM_PREFIX));

describe('cases/delete', () => {
  it('deletes the cases, tells every view which posts lost theirs, and drops their reminders, notifications and badge count', async () => {
    const background = await startWorker();
    const [first, second] = [await logP1Case('1'), await logP1Case('2')];
    await background.reminders.sync();
    expect(reminderAlarms().some((alarm) => alarm.name.endsWith(first.id))).toBe(true);
    const heard: CasesChangedBroadcast[] = [];
    onCasesChanged((broadcast) => heard.push(broadcast));
    const shown = (caseId: string) => reminderNotificationId({ kind: 'breached', caseId });
    for (const item of [first, second])
      await fakeBrowser.notifications.create(shown(item.id), { type: 'basic', iconUrl: '', title: 't', message: 'm' });

    expect(await sendMessage('cases/delete', { caseIds: [first.id] })).toEqual({ deleted: 1 });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([shown(second.id)]);
    await vi.waitFor(() => expect(heard.map((broadcast) => broadcast.postKeys)).toEqual([['x:1']]));
    await background.reminders.sync();
    expect(reminderAlarms().some((alarm) => alarm.name.endsWith(first.id))).toBe(false);
    expect(reminderAlarms().some((alarm) => alarm.name.endsWith(second.id))).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect((await sendMessage('cases/summary', {})).openTotal).toBe(1);

    // Again: nothing left to delete, nobody told.
    expect(await sendMessage('cases/delete', { caseIds: [first.id] })).toEqual({ deleted: 0 });
    expect(heard).toHaveLength(1);
  });

  it('is refused to content scripts, and nothing is deleted', async () => {
    await startWorker();
    const logged = await logP1Case('3');
    world.from(contentSender('https://x.com/acme/status/3', 7));
    expect((await failureOf(sendMessage('cases/delete', { caseIds: [logged.id] }))).code).toBe('forbidden_sender');
    expect((await failureOf(sendMessage('data/deleteAll', { settings: true }))).code).toBe('forbidden_sender');
    world.from(POPUP_SENDER);
    expect((await sendMessage('cases/summary', {})).openTotal).toBe(1);
  });

  it('refuses an empty list, more than 1000 ids and ids that are not case ids', async () => {
    await startWorker();
    const ids = (count: number) => Array.from({ length: count }, () => crypto.randomUUID());
    for (const caseIds of [[], ids(1001), ['CS-ABCD']]) {
      expect((await failureOf(sendMessage('cases/delete', { caseIds }))).code).toBe('bad_request');
    }
    expect(await sendMessage('cases/delete', { caseIds: ids(1000) })).toEqual({ deleted: 0 });
  });
});

describe('data/deleteAll', () => {
  const BRANDS = { version: 1, brands: [{ id: 'acme', name: 'Acme' }] };

  async function seed() {
    await fakeBrowser.storage.local.set({
      [SETTINGS_STORAGE_KEY]: BRANDS,
      [DISMISSED_POSTS_KEY]: ['x:10'],
      [SIDEBAR_WIDTH_KEY]: { x: 420 },
      [SIDEBAR_POSITION_KEY]: { x: { right: 40, top: 90 } },
    });
    await fakeBrowser.storage.session.set({ [SPIRAL_STATE_KEY]: { saved: true } });
    const background = await startWorker();
    await logP1Case('10');
    await logP1Case('11');
    await fakeBrowser.notifications.create('careside:summary', { type: 'basic', iconUrl: '', title: 't', message: 'm' });
    await background.reminders.sync();
    return background;
  }

  it('empties the case database, session state, alarms and notifications, and keeps the settings unless asked', async () => {
    await seed();
    const heard: CasesChangedBroadcast[] = [];
    onCasesChanged((broadcast) => heard.push(broadcast));

    const deleted = await sendMessage('data/deleteAll', { settings: false });
    expect(deleted).toMatchObject({ cases: 2, notifications: 1, settings: false });
    expect(deleted.alarms).toBeGreaterThan(0);
    expect((await sendMessage('cases/summary', {})).openTotal).toBe(0);
    expect(await sendMessage('cases/query', { filter: {}, offset: 0, limit: 10 })).toMatchObject({ total: 0 });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(reminderAlarms()).toEqual([]);
    expect((await fakeBrowser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]).toEqual(BRANDS);
    // Dismissed posts name posts: they go with the cases; the panel's width is a setting.
    expect(await fakeBrowser.storage.local.get([DISMISSED_POSTS_KEY, SIDEBAR_WIDTH_KEY])).toEqual({ [SIDEBAR_WIDTH_KEY]: { x: 420 } });
    // Views re-read everything; the badge shows the empty store.
    await vi.waitFor(() => expect(heard.map((broadcast) => broadcast.postKeys)).toEqual([[]]));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
  });

  it('deletes the settings too when asked', async () => {
    await seed();
    expect(await sendMessage('data/deleteAll', { settings: true })).toMatchObject({ cases: 2, settings: true });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('retention', () => {
  it('deletes closed cases closed more than N days ago, keeps newer ones, never open or resolved ones', async () => {
    const background = await startWorker();
    const [old, recent, resolved, open] = [await logP1Case('20'), await logP1Case('21'), await logP1Case('22'), await logP1Case('23')];
    await sendMessage('cases/transition', { caseId: old.id, to: 'closed', outcome: 'resolved' });
    await sendMessage('cases/transition', { caseId: resolved.id, to: 'resolved' });
    vi.setSystemTime(T0 + 2 * DAY);
    await sendMessage('cases/transition', { caseId: recent.id, to: 'closed', outcome: 'spam' });

    // Off by default: nothing goes, however old.
    vi.setSystemTime(T0 + 400 * DAY);
    expect(await background.retention.run()).toBe(0);

    // Turned on 4 days after the first close (N+1) and 2 days after the second (N-1): applied at once.
    vi.setSystemTime(T0 + 4 * DAY);
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { version: 1, brands: [], retention: { closedCaseDays: 3 } } });
    const keys = [old, recent, resolved, open].map((item) => item.postKey);
    const refsLeft = async () => (await sendMessage('cases/byPostKeys', { postKeys: keys })).cases.map((item) => item.ref).sort();
    await vi.waitFor(async () => expect(await refsLeft()).toEqual([recent.ref, resolved.ref, open.ref].sort()));
    // (The first call may join the run the settings change started.) The next tick finds nothing more.
    await background.retention.run();
    expect(await background.retention.run()).toBe(0);

    // Much later the second one goes too; open and resolved cases stay for good.
    vi.setSystemTime(T0 + 60 * DAY);
    expect(await background.retention.run()).toBe(1);
    expect((await sendMessage('cases/summary', {})).byStatus).toMatchObject({ closed: 0, resolved: 1, new: 1 });
  });
});
