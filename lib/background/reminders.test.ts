import type { Browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makePost } from '../cases/testing';
import type { Case } from '../domain/case';
import { sendMessage } from '../messaging/client';
import { SETTINGS_STORAGE_KEY } from '../settings/schema';
import { reminderAlarmName } from '../workflow/alarm-names';
import type { Background } from './index';
import { dashboardUrl } from './notification-clicks';
import { OPEN_CASE_BUTTON, reminderNotificationId, SNOOZE_BUTTON } from './notifications';
import { CHECKED_AT_KEY, TICK_ALARM } from './reminders';
import { fakeTabMessaging, injectSender, installFakeAlarms, logP1Case, POPUP_SENDER, startWorker, type FakeAlarms } from './testing';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
let alarms: FakeAlarms;

beforeEach(() => {
  // Only Date is faked: fake-indexeddb schedules its work on real timers.
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
  injectSender((): Browser.runtime.MessageSender => POPUP_SENDER);
  fakeTabMessaging(new Map());
  alarms = installFakeAlarms();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Move the clock, let Chrome fire what is due, and wait for the pass it triggers. */
async function advanceTo(background: Background, at: number): Promise<string[]> {
  vi.setSystemTime(at);
  const fired = alarms.fireDue(at);
  await background.reminders.sync();
  return fired;
}

/** Trigger a notification event and wait for what its listeners started (vi.waitFor would tick the fake clock). */
async function click(trigger: () => Promise<unknown[]>) {
  await Promise.all(await trigger());
}

async function notificationIds(): Promise<string[]> {
  return Object.keys(await fakeBrowser.notifications.getAll()).sort();
}

describe('reminders through chrome.alarms and notifications', () => {
  it('schedules nearing and breach alarms for a new P1 case, notifies at each (naming priority and brand), and turns the badge red', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { version: 1, brands: [{ id: 'acme', name: 'Acme Air' }] } });
    const background = await startWorker();
    const logged = await logP1Case('9001');
    await background.reminders.sync();

    // P1 = 15 min; nearing = the last 10 min (a quarter of 15 min is under the 10 min floor).
    expect(alarms.scheduled().map((alarm) => [alarm.name, alarm.scheduledTime])).toEqual([
      [reminderAlarmName('nearing', logged.id), T0 + 5 * MIN],
      [TICK_ALARM, T0 + 15 * MIN],
      [reminderAlarmName('breached', logged.id), T0 + 15 * MIN + 1],
    ]);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x47, 0x54, 0x67, 255]);

    expect(await advanceTo(background, T0 + 5 * MIN)).toEqual([reminderAlarmName('nearing', logged.id)]);
    const nearingId = reminderNotificationId({ kind: 'nearing', caseId: logged.id });
    expect(await notificationIds()).toEqual([nearingId]);
    expect(fakeBrowser.notifications.getAllCreateOptions?.()[nearingId]).toMatchObject({
      title: `${logged.ref} · P1 · Acme Air: first response due in 10 min`,
    });

    await advanceTo(background, T0 + 15 * MIN + 1);
    const breachedId = reminderNotificationId({ kind: 'breached', caseId: logged.id });
    expect(await notificationIds()).toContain(breachedId);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xb4, 0x23, 0x18, 255]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');

    const { case: stored } = await sendMessage('cases/get', { caseId: logged.id });
    expect(stored?.notified).toEqual({ nearing: T0 + 15 * MIN, breached: T0 + 15 * MIN });
    expect(stored?.events?.filter((event) => event.type === 'reminder_shown')).toHaveLength(2);
    // Nothing left to schedule for this case.
    expect(alarms.scheduled().map((alarm) => alarm.name)).toEqual([TICK_ALARM]);
  });

  it('responding in time clears the breach alarm and never notifies', async () => {
    const background = await startWorker();
    const logged = await logP1Case('9002');
    vi.setSystemTime(T0 + 3 * MIN);
    await sendMessage('cases/recordEvent', { caseId: logged.id, event: { type: 'reply_inserted' }, transitionTo: 'responded' });
    await background.reminders.sync();
    expect(alarms.scheduled().map((alarm) => alarm.name)).toEqual([TICK_ALARM]);
    await advanceTo(background, T0 + 60 * MIN);
    expect(await notificationIds()).toEqual([]);
  });

  it('survives the worker being stopped and the browser being closed past a deadline: the breach only, once', async () => {
    let background = await startWorker();
    const logged = await logP1Case('9003');
    await background.reminders.sync();

    // The worker is stopped and the browser closed; IndexedDB, storage and alarms stay.
    fakeBrowser.runtime.resetState();
    alarms.dropListeners();
    vi.setSystemTime(T0 + 2 * 60 * MIN);

    background = await startWorker();
    const breachedId = reminderNotificationId({ kind: 'breached', caseId: logged.id });
    expect(await notificationIds()).toEqual([breachedId]);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xb4, 0x23, 0x18, 255]);
    expect((await fakeBrowser.storage.local.get(CHECKED_AT_KEY))[CHECKED_AT_KEY]).toBe(T0 + 2 * 60 * MIN);

    // The stale alarms fire late: nothing is shown twice.
    await fakeBrowser.notifications.clear(breachedId);
    await advanceTo(background, T0 + 2 * 60 * MIN + 1);
    expect(await notificationIds()).toEqual([]);
  });

  it('a follow-up date reminds once; "Snooze 1 hour" moves it and re-arms the reminder', async () => {
    const background = await startWorker();
    const { case: logged } = await sendMessage('cases/log', { post: makePost('9004'), brandIds: [] });
    await sendMessage('cases/transition', { caseId: logged.id, to: 'responded' });
    await sendMessage('cases/edit', { caseId: logged.id, edit: { kind: 'followUp', followUpAt: T0 + 30 * MIN } });
    await background.reminders.sync();
    expect(alarms.scheduled().map((alarm) => alarm.name)).toContain(reminderAlarmName('followUp', logged.id));

    await advanceTo(background, T0 + 30 * MIN);
    const followUpId = reminderNotificationId({ kind: 'followUp', caseId: logged.id });
    expect(await notificationIds()).toEqual([followUpId]);

    await click(() => fakeBrowser.notifications.onButtonClicked.trigger(followUpId, SNOOZE_BUTTON));
    const { case: snoozed } = await sendMessage('cases/get', { caseId: logged.id });
    expect(snoozed?.followUpAt).toBe(T0 + 90 * MIN);
    await background.reminders.sync();
    expect(await notificationIds()).toEqual([]);
    expect(alarms.scheduled().find((alarm) => alarm.name === reminderAlarmName('followUp', logged.id))?.scheduledTime).toBe(T0 + 90 * MIN);

    await advanceTo(background, T0 + 90 * MIN);
    expect(await notificationIds()).toEqual([followUpId]);
  });

  it('a click opens the post; "Open case" opens the dashboard at the case', async () => {
    const background = await startWorker();
    const logged = await logP1Case('9005');
    await advanceTo(background, T0 + 16 * MIN);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const breachedId = reminderNotificationId({ kind: 'breached', caseId: logged.id });

    await click(() => fakeBrowser.notifications.onClicked.trigger(breachedId));
    expect(create).toHaveBeenCalledWith({ url: logged.post.url });
    expect(await notificationIds()).toEqual([]);

    await fakeBrowser.notifications.create(breachedId, { type: 'basic', iconUrl: '', title: '', message: '' });
    await click(() => fakeBrowser.notifications.onButtonClicked.trigger(breachedId, OPEN_CASE_BUTTON));
    expect(create).toHaveBeenLastCalledWith({ url: dashboardUrl(logged.ref) });
    expect(dashboardUrl(logged.ref)).toBe(`chrome-extension://${fakeBrowser.runtime.id}/dashboard.html#case=${logged.ref}`);
  });

  it('a backlog shows three notifications and one summary, and configured targets move the deadlines', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_STORAGE_KEY]: { version: 1, brands: [], responseTargets: { P1: 30, P2: 60, P3: 240, P4: 1440 } },
    });
    const background = await startWorker();
    const logged: Case[] = [];
    for (let i = 0; i < 5; i += 1) logged.push(await logP1Case(`91${i}`));
    await background.reminders.sync();
    expect(alarms.scheduled().find((alarm) => alarm.name === reminderAlarmName('breached', logged[0]!.id))?.scheduledTime).toBe(
      T0 + 30 * MIN + 1,
    );
    await advanceTo(background, T0 + 31 * MIN);
    const ids = await notificationIds();
    expect(ids).toHaveLength(4);
    expect(ids).toContain('careside:summary');
    const { breachingCount } = await sendMessage('cases/attention', {});
    expect(breachingCount).toBe(5);
  });
});
