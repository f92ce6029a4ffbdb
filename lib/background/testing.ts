// Test-only helpers for driving the background through fake-browser.
import type { Browser } from 'wxt/browser';
import { expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makePost } from '../cases/testing';
import type { PageCase } from '../domain/page-case';
import { sendMessage } from '../messaging/client';
import { startBackground, type Background } from './index';

export const EXTENSION_ID = fakeBrowser.runtime.id;

export const POPUP_SENDER: Browser.runtime.MessageSender = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/popup.html`,
};

export function contentSender(url: string, tabId: number): Browser.runtime.MessageSender {
  return {
    id: EXTENSION_ID,
    url,
    frameId: 0,
    tab: { id: tabId, url, index: 0, windowId: 1, highlighted: false, active: true, pinned: false, incognito: false } as Browser.tabs.Tab,
  };
}

/**
 * fake-browser's runtime.sendMessage hands every listener an empty sender `{}`; a real browser
 * fills it in. Wrap listeners registered from now on so they see `current()` instead.
 * Call before the code under test registers its listener.
 */
export function injectSender(current: () => Browser.runtime.MessageSender): void {
  const event = fakeBrowser.runtime.onMessage;
  const addListener = event.addListener.bind(event);
  vi.spyOn(event, 'addListener').mockImplementation((listener) =>
    addListener((message: unknown, _emptySender: unknown, sendResponse: (response?: unknown) => void) =>
      listener(message, current(), sendResponse),
    ),
  );
}

/**
 * fake-browser has no tabs.sendMessage. Model tabs where our content script listens (their
 * listeners get the message) and tabs where it does not (the browser's "no receiving end").
 */
export function fakeTabMessaging(listenersByTab: Map<number, (message: unknown) => void>) {
  const send = (tabId: number, message: unknown): Promise<unknown> => {
    const listener = listenersByTab.get(tabId);
    if (!listener) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    listener(structuredClone(message));
    return Promise.resolve(undefined);
  };
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the mock is typed by the callback overload; our code uses the promise one
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(send);
}

export interface FakeAlarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

/**
 * fake-browser has no chrome.alarms. This in-memory one is installed on fakeBrowser.alarms so
 * the background's own `browser.alarms` calls reach it; `fireDue(now)` plays the browser
 * firing every alarm whose time has come (one-shot alarms are removed, as Chrome does).
 */
export function installFakeAlarms() {
  const alarms = new Map<string, FakeAlarm>();
  const listeners = new Set<(alarm: FakeAlarm) => void>();
  const api = {
    create: vi.fn((name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }) => {
      const scheduledTime = info.when ?? Date.now() + (info.delayInMinutes ?? info.periodInMinutes ?? 0) * 60_000;
      alarms.set(name, { name, scheduledTime, ...(info.periodInMinutes ? { periodInMinutes: info.periodInMinutes } : {}) });
      return Promise.resolve();
    }),
    get: vi.fn((name: string) => Promise.resolve(alarms.get(name))),
    getAll: vi.fn(() => Promise.resolve([...alarms.values()].map((alarm) => ({ ...alarm })))),
    clear: vi.fn((name: string) => Promise.resolve(alarms.delete(name))),
    clearAll: vi.fn(() => {
      const had = alarms.size > 0;
      alarms.clear();
      return Promise.resolve(had);
    }),
    onAlarm: {
      addListener: (listener: (alarm: FakeAlarm) => void) => listeners.add(listener),
      removeListener: (listener: (alarm: FakeAlarm) => void) => listeners.delete(listener),
      hasListener: (listener: (alarm: FakeAlarm) => void) => listeners.has(listener),
      hasListeners: () => listeners.size > 0,
    },
  };
  Object.assign(fakeBrowser.alarms, api);
  return {
    ...api,
    /** Alarms currently scheduled, earliest first. */
    scheduled: () => [...alarms.values()].sort((a, b) => a.scheduledTime - b.scheduledTime),
    /** Fire every alarm due at `now`, earliest first; returns the names fired. */
    fireDue(now: number): string[] {
      const due = [...alarms.values()].filter((alarm) => alarm.scheduledTime <= now).sort((a, b) => a.scheduledTime - b.scheduledTime);
      for (const alarm of due) {
        if (alarm.periodInMinutes) alarms.set(alarm.name, { ...alarm, scheduledTime: now + alarm.periodInMinutes * 60_000 });
        else alarms.delete(alarm.name);
        for (const listener of listeners) listener({ ...alarm });
      }
      return due.map((alarm) => alarm.name);
    },
    /** The worker was stopped: its listeners are gone, the alarms stay (as in Chrome). */
    dropListeners: () => listeners.clear(),
  };
}
export type FakeAlarms = ReturnType<typeof installFakeAlarms>;

/** A post the background's own triage ranks P1 (a safety cue, two million views): reminders run on a 15 min target. */
export const P1_POST = {
  text: '@AcmeAir my son had an allergic reaction on the plane and the crew refused to help. Still no response after 3 days.',
  reach: { views: 2_000_000 },
};

/** Start the worker and wait for its start-up pass (reminders planned, badge set). */
export async function startWorker(): Promise<Background> {
  const background = startBackground();
  await background.reminders.sync();
  return background;
}

/** Log post `postId` as a P1 case for brand "acme", as the current sender. */
export async function logP1Case(postId: string): Promise<PageCase> {
  const { case: logged } = await sendMessage('cases/log', { post: makePost(postId, P1_POST), brandIds: ['acme'] });
  expect(logged.priority).toBe('P1');
  return logged;
}

/** The fake browser a background test talks through: see `fakeBackgroundWorld`. */
export interface FakeBackgroundWorld {
  alarms: FakeAlarms;
  /** Messages sent from now on come from `sender` (they start from the popup). */
  from(sender: Browser.runtime.MessageSender): void;
}

/**
 * Call in `beforeEach`: messages come from the popup until `from` says otherwise, tabs hear
 * messages only through `tabListeners` (none by default: "no receiving end"), alarms are faked.
 */
export function fakeBackgroundWorld(tabListeners = new Map<number, (message: unknown) => void>()): FakeBackgroundWorld {
  let sender = POPUP_SENDER;
  injectSender(() => sender);
  fakeTabMessaging(tabListeners);
  return {
    alarms: installFakeAlarms(),
    from: (next) => {
      sender = next;
    },
  };
}
