import { registerCommands } from './commands';
import { registerOnboarding } from './onboarding';
import { browser } from 'wxt/browser';
import { openCaseDb } from '../db/open';
import { CASE_DB_NAME } from '../db/schema';
import type { PostKey } from '../domain/post';
import { createMessageHandler, createPortListener } from '../messaging/server';
import { originOf } from '../messaging/sender';
import { showOpenCount, toolbarBadge } from './badge';
import { broadcastCasesChanged, broadcastToExtensionPages, broadcastToViews } from './broadcast';
import { createCaseStore, type CaseStore } from './case-store';
import { createCaseHandlers } from './handlers';
import { createSpiralService, type SpiralService } from './spirals';
import { createNotificationClickHandlers } from './notification-clicks';
import { createReminderEngine, TICK_ALARM, type ReminderEngine } from './reminders';
import { createRetention, type Retention } from './retention';
import { createTargetsSource } from './targets';
import { createSettingsSource, type SettingsSource } from '../settings/source';
import { loadSettingsOnWake } from '../settings/session-memo';
import { warmTriagePath, type TriageStats } from './triage';
import { createLearningService, type LearningService } from './learning';
import { createTeamService, type TeamPouchFactory, type TeamService } from './team';
import { loadPouchDB, openBrowserReplica, openTeamDatabase } from '../sync/browser-pouch';
import { createAgentSource, type AgentSource } from './agents';
import { createPresenceService, type PresenceService } from './presence';
import { joinTeam } from './team-agents';
import { deferWakeWork } from './wake-work';
import { ensureMessages } from '../i18n/ensure-messages';

export interface BackgroundOptions {
  dbName?: string;
  /** Defaults to the global indexedDB at open time. */
  indexedDB?: IDBFactory;
  now?: () => number;
  /** PouchDB for the team sync; pouchdb-browser by default (tests pass the memory adapter). */
  teamPouch?: TeamPouchFactory;
  /** The longest a start's catch-up work (reminders, retention, team) waits for the first answer (wake-work.ts). */
  wakeWorkDelayMs?: number;
}

/** Longer than a woken worker takes to receive its first message (~30–50 ms on a loaded 2-core machine). */
const WAKE_WORK_DELAY_MS = 250;

export interface Background {
  store: CaseStore;
  /** Re-read the open count and show it on the toolbar badge; never throws. */
  refreshBadge(): Promise<void>;
  spirals: SpiralService;
  reminders: ReminderEngine;
  retention: Retention;
  team: TeamService;
  /** The seam for the team sync: `agents.setTeamUser(user)` when it connects. */
  agents: AgentSource;
  /** The seam for the team sync: `presence.switchChannel(new TeamPresence({ local }))` when it connects. */
  presence: PresenceService;
}

/**
 * Wire the service worker: the message listener is registered synchronously (a worker woken
 * by a message must have its listener before the first await); the database opens as it starts (readAhead).
 */
export function startBackground(options: BackgroundOptions = {}): Background {
  const now = options.now ?? (() => Date.now());
  // The worker's one view of the settings: targets, spirals, triage and logging read it.
  const settings = createSettingsSource(loadSettingsOnWake);
  const store = createCaseStore((onClose) => openCaseDb(options.dbName ?? CASE_DB_NAME, options.indexedDB ?? indexedDB, { onClose }));

  // Resolved once: a worker writes only its own badge (in tests, a worker left from an earlier test
  // must not overwrite the badge of the one under test).
  const badge = toolbarBadge();
  // Answers and the badge's tooltip are worded through i18n.getMessage: the worker must have its message bundle first.
  const messagesReady = ensureMessages();
  const refreshBadge = async () => {
    try {
      await messagesReady;
      const current = await targets.current();
      const [open, breaching] = await store.use((repository) =>
        Promise.all([repository.openCount(), repository.breachingCount(now(), current)]),
      );
      await showOpenCount(open, breaching, badge);
    } catch (error) {
      console.warn('CareSide: could not update the badge', error);
    }
  };
  // New targets move every deadline: re-plan the alarms (the callback runs later, on a storage change).
  const targets = createTargetsSource(settings, () => void reminders.sync());
  const reminders = createReminderEngine({
    store,
    now,
    targets,
    alarms: browser.alarms,
    onMarked: (postKeys) => void broadcastCasesChanged(postKeys, now()),
    afterPass: refreshBadge,
    brandNames: async () => new Map((await settings.current()).settings.brands.map((brand) => [brand.id, brand.name])),
  });
  const spirals = createSpiralService({
    store,
    settings,
    now,
    onChanged: () => void broadcastToViews({ type: 'spirals/changed', at: now() }),
  });
  // A change to the store, local or from the team: every view re-reads, reminders and spirals follow.
  const onStoreChanged = (postKeys: PostKey[]) => {
    void broadcastCasesChanged(postKeys, now());
    // The pass ends by refreshing the badge (open count and breach colour).
    void reminders.sync(postKeys);
    // A resolved or closed case leaves its spiral.
    void spirals.refresh().catch((error: unknown) => console.warn('CareSide: could not re-check spirals', error));
  };
  let leaveTeam = () => undefined as void;
  const team = createTeamService({
    store,
    now,
    pouch: options.teamPouch ?? { load: loadPouchDB, replica: openBrowserReplica, remote: openTeamDatabase },
    onCasesChanged: onStoreChanged,
    onStatus: (status) => void broadcastToExtensionPages({ type: 'team/statusChanged', status, at: now() }),
    // Runs on a later turn (resume, Connect, Disconnect), once agents and presence below exist.
    onRunning: (running) => {
      leaveTeam();
      leaveTeam = joinTeam(agents, presence, running, now);
    },
  });
  // A local change also goes to the team (when one is configured), after the views are told.
  const onChanged = (postKeys: PostKey[]) => {
    onStoreChanged(postKeys);
    team.pushChanged(postKeys);
  };

  const identity = {
    runtimeId: browser.runtime.id,
    extensionOrigin: originOf(new URL(browser.runtime.getURL('/'))),
  };
  const triageStats: TriageStats = { requests: 0, posts: 0, ms: 0, startedAt: performance.now() };
  // Only in the timeline bench's own build (WXT_BENCH=1): it reads the background's triage cost
  // through worker.evaluate. The shipped build drops this branch.
  if (import.meta.env.WXT_BENCH === '1') (globalThis as { careSideTriageStats?: TriageStats }).careSideTriageStats = triageStats;
  // A correction moves verdicts in every tab: they triage what they show again.
  const learning = createLearningService({ store, now, onChanged: () => void broadcastToViews({ type: 'triage/changed', at: now() }) });
  const agents = createAgentSource();
  // Tabs and pages showing those posts ask who is replying again: nobody polls.
  const presence = createPresenceService({
    agents,
    now,
    onChanged: (postKeys) => void broadcastToViews({ type: 'presence/changed', postKeys, at: now() }),
  });
  const handlers = createCaseHandlers({
    agents,
    presence,
    learning,
    store,
    onChanged,
    now,
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    spirals,
    targets,
    triageStats,
    settings,
    team,
  });
  // Every worker start (browser start, wake-up after being stopped) catches up on reminders that fell
  // due meanwhile and re-creates the alarms, then badges the store; runs retention; resumes team sync.
  // All after the first answer: the request that woke the worker is not kept waiting for them.
  const wakeWork = deferWakeWork(() => {
    void reminders.sync();
    void retention.run();
    void team.resume();
  }, options.wakeWorkDelayMs ?? WAKE_WORK_DELAY_MS);
  const hooks = { onAnswered: wakeWork.answered, ready: messagesReady };
  browser.runtime.onMessage.addListener(createMessageHandler(handlers, identity, hooks));
  browser.runtime.onConnect.addListener(createPortListener(handlers, identity, hooks));
  registerReminderListeners(reminders, createNotificationClickHandlers({ store, now, onChanged }));
  registerCommands();
  registerOnboarding();
  const retention = createRetention({ store, settings, now, onDeleted: onChanged });
  registerRetentionListeners(retention, settings);
  readAhead(settings, learning);
  return { store, refreshBadge, spirals, reminders, retention, team, agents, presence };
}

/**
 * Start the reads a first triage answer needs (the settings, the team's corrections in IndexedDB) as the
 * worker starts, and warm its schemas and model (warmTriagePath): most wakes are a tab asking for triage,
 * and its message is still on its way meanwhile. The handler then finds them done or in flight. A failure
 * is the handler's to report (both sources read again on their next use).
 */
function readAhead(settings: SettingsSource, learning: LearningService): void {
  void settings.current();
  learning.current().catch(() => undefined);
  warmTriagePath();
}

/** Retention runs on the reminders' periodic tick and as soon as its setting changes. */
function registerRetentionListeners(retention: Retention, settings: SettingsSource): void {
  try {
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === TICK_ALARM) void retention.run();
    });
  } catch (error) {
    console.warn('CareSide: alarms unavailable, retention runs only at start and on settings changes', error);
  }
  settings.subscribe(() => void retention.run());
}

/**
 * Alarms, notification clicks, browser start-up and install/update, registered synchronously
 * so a worker woken by one of them has its listener. An API the browser lacks turns reminders
 * off with a warning instead of stopping the worker.
 */
function registerReminderListeners(reminders: ReminderEngine, clicks: ReturnType<typeof createNotificationClickHandlers>): void {
  const register = (what: string, add: () => void) => {
    try {
      add();
    } catch (error) {
      console.warn(`CareSide: ${what} unavailable, reminders are limited`, error);
    }
  };
  register('alarms', () => browser.alarms.onAlarm.addListener((alarm) => reminders.onAlarm(alarm)));
  // The click handlers return their promise only so tests can wait for it; they never reject.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  register('notifications', () => browser.notifications.onClicked.addListener(clicks.onClicked));
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  register('notification buttons', () => browser.notifications.onButtonClicked.addListener(clicks.onButtonClicked));
  register('start-up', () => browser.runtime.onStartup.addListener(() => void reminders.sync()));
  register('install', () => browser.runtime.onInstalled.addListener(() => void reminders.sync()));
}
