import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PostKey } from '../domain/post';
import { createPortClient, onCasesChanged, onPresenceChanged, onSidebarFocusRequest, onTriageChanged } from '../messaging/client';
import type { SiteAdapter } from '../sites/types';
import { createBrandReplyReporter } from './brand-reply-reporter';
import { createCaseSync } from './case-sync';
import { collectDiagnostics, diagnosticsText } from './diagnostics';
import { PageLifecycle } from './lifecycle';
import type { MountUi, PageUi } from './page-ui';
import { showPost } from './page-look';
import { createCaseLogger, createFullTextRefresher, forgetLoggedCases } from './log-case';
import { PageIndex } from './page-index';
import { PageUpdates } from './page-updates';
import { createPresenceWatch, replyingLabel } from './presence-watch';
import { createReadShareCheck } from './read-share-check';
import { PostControls } from './post-controls';
import { Publisher } from './publisher';
import { ReadQueue } from './read-queue';
import { createReplyActions, type ReplyActions } from './reply/actions';
import { createScanner } from './scanner';
import { followSettings } from './settings-source';
import { createFocusRelay, showWhenSomethingToShow } from './sidebar-trigger';
import { createSpiralReporter, reportComplaintsAmong } from './spiral-reporter';
import { createStore, notifiedInOwnTask, type Store } from './store';
import { createTaskQueue } from './task-queue';
import { createTriageRequests } from './triage-requests';
import { createCorrector } from './correct-triage';
import { onlyTrustedEvents, type EventFilter } from './trusted-events';
import { dueClockNow, msUntilNextDueTick } from './due-label';
import { inlineViewFor, initialSnapshot, type ContentSnapshot, type MentionEntry } from './view-model';

export { RESCAN_AFTER_NAVIGATION_MS, SEARCH_GRACE_MS } from './lifecycle';

export interface RuntimeEnvironment {
  win: Window;
  /** Batch mutations; default: a task of our own right after the page's (see task-queue.ts). */
  schedule?: (flush: () => void) => void;
  /**
   * While posts stream in, publish to the sidebar at most once per this many ms (the first batch
   * at once, the rest together). Default 0: after every batch. startContentScript sets it.
   */
  publishIntervalMs?: number;
  /**
   * Read posts for at most this many ms per task, continuing in the next batch slot, so a page
   * that shows hundreds of posts at once never makes a long task. Default: no limit.
   */
  readBudgetMs?: number;
  /** Ask the background to triage at most once per this many ms (default 0: at once). */
  triageIntervalMs?: number;
  /** Mount the sidebar UI, once the page has something to show or the user asks for it; tests may pass their own. */
  mountUi?: MountUi;
  /**
   * Which clicks and keystrokes on CareSide's controls count. Default: only the user's own
   * (trusted) ones; unit tests pass `() => true` because jsdom cannot make a trusted event.
   */
  acceptEvent?: EventFilter;
  /** The extension's version, for "Copy diagnostics" (startContentScript reads it from the manifest). */
  extensionVersion?: string;
}

export interface ContentRuntime {
  readonly store: Store<ContentSnapshot>;
  /** Settled once settings are loaded, the first scan ran and its posts' triage came back. */
  readonly ready: Promise<void>;
  /** Process pending page mutations now. */
  flush: () => void;
  logCase: (postKey: PostKey) => Promise<void>;
  /** Insert/copy/handoff actions the case panel uses on this page. */
  readonly replies: ReplyActions;
}

/**
 * The shared content-script runtime: settings → matcher, page scanning, inline controls, the
 * sidebar and case updates from the background. Site knowledge stays behind `adapter`. This
 * function only wires the units together; each owns its state (see the files it imports).
 */
export function createContentRuntime(ctx: ContentScriptContext, adapter: SiteAdapter, env: RuntimeEnvironment): ContentRuntime {
  const { win } = env;
  const doc = win.document;
  const store = createStore(initialSnapshot(adapter.name));
  const lifecycle = new PageLifecycle(ctx, win, adapter, store);
  const { delay } = lifecycle;
  // Triage, case and spiral requests are many and small: one long-lived port instead of a message each.
  const requests = createPortClient();
  const triage = createTriageRequests({
    send: requests.request,
    intervalMs: env.triageIntervalMs ?? 0,
    delay,
    onTriaged: (postKeys) => updates.triaged(postKeys),
    onTriageError: (triageError) =>
      store.update((snapshot) => (snapshot.triageError === triageError ? snapshot : { ...snapshot, triageError })),
  });
  const index = new PageIndex(adapter, win, triage);
  const caseSync = createCaseSync(requests.request);
  const logging = { send: requests.request, refresh: caseSync.refresh };
  const logCase = createCaseLogger({ adapter, doc, index, logging, store, onLogStateChanged: () => controls.refresh() });
  // A case logged from a cut text ("Show more") takes the whole text when this page shows it whole.
  const refreshFullText = createFullTextRefresher({ adapter, doc, index, logging });
  // A logged case's post that the brand answered on this page: its timeline says so, once.
  const reportBrandReplies = createBrandReplyReporter(requests.request);
  const reportAnswered = () => reportBrandReplies(store.get().mentions, caseSync.get().cases);
  caseSync.subscribe(() => {
    controls.refresh();
    refreshFullText(caseSync.get().cases);
    reportAnswered();
  });
  const dueClock = () => {
    const { settings } = store.get();
    return { now: dueClockNow(), targets: settings.status === 'ok' ? settings.settings.responseTargets : undefined };
  };
  const caseViewOf = (postKey: PostKey) => inlineViewFor(postKey, caseSync.get().cases, store.get().logState, dueClock);
  // Logged posts' badges count down to their first-response target (only controls whose text changed are written).
  const tickDue = () => {
    if (caseSync.get().cases.size > 0) controls.refresh();
    delay(tickDue, msUntilNextDueTick());
  };
  delay(tickDue, msUntilNextDueTick());
  const acceptEvent = env.acceptEvent ?? onlyTrustedEvents;
  const onLog = (postKey: PostKey, click: Event) => void (acceptEvent(click) && logCase(postKey));
  // Who is replying (a teammate's open reply panel), followed from the background's broadcast.
  const presence = createPresenceWatch({
    platform: adapter.platform,
    list: async () => (await requests.request('presence/list', {})).replying,
    onChanged: (listener) => onPresenceChanged(({ postKeys }) => listener(postKeys)),
  });
  presence.subscribe(() => controls.refresh());
  const replyingOf = (postKey: PostKey) => replyingLabel(presence.get().get(postKey));
  const controls = new PostControls({ doc, adapter, index, caseViewOf, replyingOf, onLog });
  // Complaints go to the background, which looks for spirals across every tab.
  const spirals = createSpiralReporter({ send: (complaints) => requests.request('spirals/observe', { complaints }), delay });
  // Health: how many of the page's post containers yielded a post, looked at once the page settles.
  const readShare = createReadShareCheck({
    store,
    sample: () => index.readShareOf(adapter.postContainers?.(doc) ?? []),
    readsPending: () => reads.pending(),
    loading: () => store.get().searching,
    delay,
  });
  const onPublished = (mentions: readonly MentionEntry[]) => {
    reportComplaintsAmong(spirals, mentions, (postKey) => index.hitsOf(postKey));
    caseSync.setPostKeys(mentions.map((mention) => mention.postKey));
    if (mentions.length > 0) presence.start();
    reportAnswered();
    readShare.soon();
  };
  const readsPending = (): boolean => reads.pending();
  const publisher = new Publisher({
    store,
    facts: () => index.facts(),
    onPublished,
    intervalMs: env.publishIntervalMs ?? 0,
    delay,
    readsPending,
  });
  const updates = new PageUpdates(index, controls, publisher, store);
  const schedule = env.schedule ?? createTaskQueue(win);
  const budgetMs = env.readBudgetMs ?? Number.POSITIVE_INFINITY;
  const reads = new ReadQueue({ read: updates.read, afterSlice: updates.sliceRead, schedule, budgetMs, stopped: lifecycle.stopped });
  const isPostElement = (element: Element) => index.isPostElement(element);
  const scanner = createScanner({
    root: doc,
    adapter,
    isPostElement,
    onPosts: reads.add,
    onRemoved: updates.removed,
    onChanged: readShare.soon,
    schedule,
  });

  lifecycle.startGracePeriod();
  const settings = followSettings(updates.settingsChanged, () => ctx.isInvalid, requests.request);
  // Ready once the posts found at start show their controls (their triage answered or failed).
  const ready = settings.loaded.then((live) => {
    if (!live) return;
    scanner.start();
    return index.triageIdle();
  });
  const clearPage = () => {
    updates.newPage();
    readShare.reset();
  };
  lifecycle.onNavigation({ clearPage, publish: () => publisher.publish(), rescan: () => scanner.rescan() });
  lifecycle.onStop(
    scanner.stop,
    settings.stop,
    onCasesChanged(({ postKeys }) => {
      void caseSync.refresh(postKeys).then(() => forgetLoggedCases(store, postKeys) && controls.refresh());
    }),
    // Another tab (or this one) corrected a verdict: every post's triage may have moved.
    onTriageChanged(() => {
      index.retriage();
      index.flushTriage();
    }),
    caseSync.destroy,
    presence.stop,
    requests.disconnect,
    () => controls.removeAll(),
  );
  const replies = createReplyActions({ win, adapter, elementOf: (postKey) => index.elementOf(postKey) });
  // The shortcut pressed before the sidebar is there loads it, and then focuses it.
  const focusRelay = createFocusRelay(onSidebarFocusRequest, () => mountUi());
  const ui: PageUi = {
    // The sidebar renders in a task of its own after the reads that changed what it shows.
    store: notifiedInOwnTask(store, createTaskQueue(win)),
    cases: caseSync,
    presence,
    onLog: (postKey) => void logCase(postKey),
    onCorrect: createCorrector({ index, send: requests.request }),
    showPost: (postKey) => {
      const element = index.elementOf(postKey);
      if (element) showPost(element, delay);
    },
    onFocusRequest: focusRelay.subscribe,
    platform: adapter.platform,
    replies,
    acceptEvent,
    copyDiagnostics: () => {
      const diagnostics = collectDiagnostics({
        adapter,
        doc,
        snapshot: store.get(),
        href: win.location.href,
        userAgent: win.navigator.userAgent,
        extensionVersion: env.extensionVersion ?? 'unknown',
        now: Date.now(),
      });
      return replies.copy(diagnosticsText(diagnostics));
    },
  };
  let mounting: Promise<unknown> | undefined;
  // The page keeps working without our sidebar; say why in the console only.
  const mountUi = () => {
    mounting ??= env.mountUi?.(ui).catch((error: unknown) => console.warn('[CareSide] sidebar could not be shown:', error));
  };
  lifecycle.onStop(focusRelay.stop, showWhenSomethingToShow(store, mountUi));
  return { store, ready, flush: () => scanner.flush(), logCase, replies };
}
