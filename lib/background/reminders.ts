import { browser } from 'wxt/browser';
import type { PostKey } from '../domain/post';
import { parseReminderAlarmName } from '../workflow/alarm-names';
import {
  computeAlarms,
  planAlarmSync,
  remindersDue,
  type AlarmSpec,
  type BrandNames,
  type ReminderNotification,
} from '../workflow/reminders';
import type { CaseStore } from './case-store';
import { showReminderNotifications } from './notifications';
import type { TargetsSource } from './targets';

/** The part of chrome.alarms the reminders use (a fake in unit tests). */
export interface AlarmsApi {
  getAll(): Promise<{ name: string; scheduledTime: number }[]>;
  create(name: string, info: { when?: number; periodInMinutes?: number }): Promise<void>;
  clear(name: string): Promise<boolean>;
}

/** Where the end of the last reminder pass is kept, so the next pass (even after a restart) picks up from there. */
export const CHECKED_AT_KEY = 'careside:reminders:checkedAt';
/** The first pass ever looks back this far. */
export const FIRST_PASS_LOOKBACK_MS = 24 * 60 * 60 * 1000;
/** A safety net: a pass at least this often, also for reminders beyond the scheduled alarms. */
export const TICK_ALARM = 'careside:tick';
export const TICK_MINUTES = 15;
/** Edits touching more cases than this (imports) are not checked case by case. */
const MAX_CHANGED_CHECKED = 200;

export interface ReminderEngineDeps {
  store: CaseStore;
  now: () => number;
  targets: TargetsSource;
  alarms: AlarmsApi;
  /** Cases got reminder marks (timeline entries): let views refresh. */
  onMarked: (postKeys: PostKey[]) => void;
  /** After each pass, also a failed one (the breach count may have changed without any write); must not throw. */
  afterPass: () => Promise<void>;
  show?: (notifications: readonly ReminderNotification[]) => Promise<unknown>;
  /** Brand id -> name from settings, for notification titles (none: titles name no brand). */
  brandNames?: () => Promise<BrandNames>;
}

export interface ReminderEngine {
  /**
   * Run a reminder pass: show what came due since the last pass (and for `changed` posts),
   * mark it shown, then re-schedule chrome.alarms. Passes run one at a time; never throws.
   */
  sync(changed?: readonly PostKey[]): Promise<void>;
  /** chrome.alarms.onAlarm listener. */
  onAlarm(alarm: { name: string }): void;
}

export function createReminderEngine(deps: ReminderEngineDeps): ReminderEngine {
  const show = deps.show ?? ((notifications) => showReminderNotifications(notifications));
  let chain: Promise<void> = Promise.resolve();
  let pending = new Set<PostKey>();
  let queued = false;

  const sync = (changed: readonly PostKey[] = []) => {
    for (const key of changed) pending.add(key);
    // One queued pass covers every request made while another pass runs.
    if (queued) return chain;
    queued = true;
    chain = chain.then(async () => {
      queued = false;
      const postKeys = [...pending];
      pending = new Set();
      try {
        await pass(deps, show, postKeys.length > MAX_CHANGED_CHECKED ? [] : postKeys);
      } catch (error) {
        console.warn('CareSide: reminder pass failed', error);
      }
      // Whatever happened above, the badge shows the store as it is now.
      await deps.afterPass();
    });
    return chain;
  };

  return {
    sync,
    onAlarm(alarm) {
      if (alarm.name === TICK_ALARM || parseReminderAlarmName(alarm.name)) void sync();
    },
  };
}

async function pass(
  deps: ReminderEngineDeps,
  show: (notifications: readonly ReminderNotification[]) => Promise<unknown>,
  changed: readonly PostKey[],
): Promise<void> {
  const now = deps.now();
  const targets = await deps.targets.current();
  const stored = (await browser.storage.local.get(CHECKED_AT_KEY))[CHECKED_AT_KEY];
  const since = Math.min(now, typeof stored === 'number' && Number.isFinite(stored) ? stored : now - FIRST_PASS_LOOKBACK_MS);

  const [windowCases, changedCases] = await Promise.all([
    deps.store.use((repository) => repository.casesWithRemindersDue(since, now, targets)),
    changed.length > 0 ? deps.store.use((repository) => repository.byPostKeys(changed)) : Promise.resolve([]),
  ]);
  const byId = new Map([...windowCases, ...changedCases].map((item) => [item.id, item]));
  const brandNames = deps.brandNames ? await deps.brandNames().catch(() => new Map<string, string>()) : undefined;
  const due = remindersDue(now, [...byId.values()], targets, brandNames);

  if (due.notifications.length > 0) {
    try {
      await show(due.notifications);
    } catch (error) {
      console.warn('CareSide: could not show reminders', error);
    }
  }
  if (due.patches.length > 0) {
    const titles = new Map<string, string[]>();
    for (const notification of due.notifications)
      titles.set(notification.caseId, [...(titles.get(notification.caseId) ?? []), notification.title]);
    const marked = await deps.store.use((repository) =>
      repository.markNotified(
        due.patches.map((patch) => ({ ...patch, shown: titles.get(patch.caseId) ?? [] })),
        now,
      ),
    );
    if (marked.length > 0) deps.onMarked(marked.map((item) => item.postKey));
  }
  await browser.storage.local.set({ [CHECKED_AT_KEY]: now });

  const upcoming = await deps.store.use((repository) => repository.upcomingReminderCases(now, targets));
  await syncAlarms(deps.alarms, computeAlarms(now, upcoming, targets));
}

async function syncAlarms(alarms: AlarmsApi, desired: readonly AlarmSpec[]): Promise<void> {
  const existing = await alarms.getAll();
  const plan = planAlarmSync(existing, desired);
  await Promise.all(plan.clear.map((name) => alarms.clear(name)));
  await Promise.all(plan.create.map((alarm) => alarms.create(alarm.name, { when: alarm.when })));
  if (!existing.some((alarm) => alarm.name === TICK_ALARM)) await alarms.create(TICK_ALARM, { periodInMinutes: TICK_MINUTES });
}
