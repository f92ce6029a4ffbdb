import { MutationObserver as MutationRunner, QueryClient } from '@tanstack/react-query';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Post, PostKey } from '../domain/post';
import { createBrandMatcher, type BrandMatcher } from '../match/brand-matcher';
import { createPortClient, onCasesChanged } from '../messaging/client';
import { MAX_TRIAGE_BATCH } from '../messaging/protocol';
import { invalidateCasesOf } from '../queries/cases';
import { invalidateSpiralsOnChange } from '../queries/spirals';
import type { SiteAdapter } from '../sites/types';
import { createCaseSync } from './case-sync';
import { createInlineControls } from './inline-controls';
import { describeError, logCaseMutation, type LogCaseInput } from './log-case';
import { PostRegistry, type PostRecord } from './post-registry';
import { createReplyActions, type ReplyActions } from './reply/actions';
import { createScanner } from './scanner';
import { createSpiralReporter, spiralComplaintOf } from './spiral-reporter';
import { loadSettings, watchSettings, type SettingsState } from './settings-source';
import { createStore, type Store } from './store';
import { createTaskQueue } from './task-queue';
import { createDelay, createStoppedCheck } from './timers';
import { triageAtLog } from '../domain/triage-at-log';
import { createTriageClient, triageLabel } from './triage';
import { TRIAGE_PENDING, type InlineView } from './inline-control';
import { inlineViewFor, initialSnapshot, type ContentSnapshot, type LogState, type MentionEntry } from './view-model';

/** How long an empty page counts as "still loading" before the sidebar says it found nothing. */
export const SEARCH_GRACE_MS = 5_000;
export const RESCAN_AFTER_NAVIGATION_MS = 600;

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
  /** Mount the sidebar UI; tests may pass their own. */
  mountUi?: (
    store: Store<ContentSnapshot>,
    queryClient: QueryClient,
    onLog: (postKey: PostKey) => void,
    replies: ReplyActions,
  ) => Promise<unknown>;
}

export interface ContentRuntime {
  readonly store: Store<ContentSnapshot>;
  readonly queryClient: QueryClient;
  /** Settled once settings are loaded, the first scan ran and its posts' triage came back. */
  readonly ready: Promise<void>;
  /** Process pending page mutations now. */
  flush: () => void;
  logCase: (postKey: PostKey) => Promise<void>;
  /** Insert/copy/handoff actions the case panel uses on this page. */
  readonly replies: ReplyActions;
}

/** The post with what the page shows about it elsewhere (adapter.completeForLog); as read if that fails. */
function completeForLog(adapter: SiteAdapter, post: Post, doc: Document): Post {
  try {
    return adapter.completeForLog?.(post, doc) ?? post;
  } catch {
    return post; // Logging must not fail over an extra detail.
  }
}

/**
 * The shared content-script runtime: settings → matcher, page scanning, inline controls, the
 * sidebar and case updates from the background. Site knowledge stays behind `adapter`.
 */
export function createContentRuntime(ctx: ContentScriptContext, adapter: SiteAdapter, env: RuntimeEnvironment): ContentRuntime {
  const { win } = env;
  const doc = win.document;
  // One liveness check (it asks the browser at most once a second) for timers and reads.
  const stopped = createStoppedCheck(ctx);
  const delay = createDelay(ctx, win, stopped);
  const store = createStore(initialSnapshot(adapter.name));
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: 1, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: 0 },
    },
  });
  const registry = new PostRegistry();
  let matcher: BrandMatcher = createBrandMatcher([]);
  let settingsLoaded = false;
  // Triage requests are many and small: one long-lived port instead of a message each.
  const requests = createPortClient();
  const triage = createTriageClient({
    send: async (brandTerms, posts) => (await requests.request('posts/triage', { brandTerms, posts })).results,
    batchSize: MAX_TRIAGE_BATCH,
    minIntervalMs: env.triageIntervalMs ?? 0,
    delay,
    onSettled: (postKeys) => {
      shownChanged();
      for (const postKey of postKeys) {
        const record = registry.get(postKey);
        if (!record || !wantsControl(record.match)) continue;
        for (const element of record.elements) if (element.isConnected) controls.place(element, postKey, viewFor(postKey));
      }
      publishSoon();
    },
    onError: (message) => {
      if (store.get().triageError !== message) store.update((snapshot) => ({ ...snapshot, triageError: message }));
    },
  });
  // Complaints go to the background, which looks for spirals across every tab.
  const spiralReporter = createSpiralReporter({
    send: (complaints) => requests.request('spirals/observe', { complaints }),
    delay,
  });

  const setLogState = (postKey: PostKey, state: LogState | undefined) => {
    store.update((snapshot) => {
      const logState = new Map(snapshot.logState);
      if (state) logState.set(postKey, state);
      else logState.delete(postKey);
      return { ...snapshot, logState };
    });
    refreshControls();
  };

  const logCase = async (postKey: PostKey): Promise<void> => {
    const record = registry.get(postKey);
    if (!record || store.get().logState.get(postKey)?.status === 'pending') return;
    setLogState(postKey, { status: 'pending' });
    const triaged = triage.peek(postKey);
    const input: LogCaseInput = {
      post: completeForLog(adapter, record.post, doc),
      brandIds: record.match.brandIds,
      ...(triaged ? { triage: triageAtLog(triaged) } : {}),
    };
    try {
      const { case: logged } = await new MutationRunner(queryClient, logCaseMutation(queryClient)).mutate(input);
      setLogState(postKey, { status: 'logged', case: logged });
    } catch (error) {
      setLogState(postKey, { status: 'error', message: `Could not log this case: ${describeError(error)}` });
    }
  };

  const controls = createInlineControls(doc, adapter, (postKey) => void logCase(postKey));
  const caseSync = createCaseSync(
    queryClient,
    (cases, casesError) => {
      store.update((snapshot) => ({ ...snapshot, cases, casesError }));
      refreshControls();
    },
    requests.request,
  );

  function viewFor(postKey: PostKey): InlineView {
    const view = inlineViewFor(postKey, store.get().cases, store.get().logState);
    const triaged = triageOf(postKey);
    if (triaged) return { ...view, triage: { label: triageLabel(triaged), explanation: triaged.priority.explanation } };
    // The control shows at once; its triage fills in when the background answers.
    return triage.settled(postKey) ? view : { ...view, triage: TRIAGE_PENDING };
  }

  function refreshControls() {
    controls.refresh(viewFor);
  }

  const wantsControl = (match: { brandIds: string[]; byBrand: boolean }) => match.brandIds.length > 0 && !match.byBrand;

  /** Triage of a post that mentions a brand (not the brand's own), computed once per version of the post. */
  function triageOf(postKey: PostKey) {
    const record = registry.get(postKey);
    return record && wantsControl(record.match) ? triage.of(postKey, record.post) : undefined;
  }

  /** New complaints to the background's spiral window (each post once per page). */
  const reportComplaints = (mentions: readonly MentionEntry[]) => {
    const at = Date.now();
    const complaints = mentions
      .filter((mention) => mention.triage?.complaint.isComplaint && spiralReporter.wants(mention.postKey))
      .map((mention) => spiralComplaintOf(mention.postKey, mention.post, registry.get(mention.postKey)?.match.hits ?? [], at));
    spiralReporter.report(complaints);
  };

  /**
   * Bumped whenever something the sidebar shows changed: a post read for the first time or
   * showing different text, author or brands, a triage answer, new settings, a new page. Sites
   * re-render posts constantly; publish() skips the rebuild when nothing moved this counter.
   */
  let version = 0;
  let publishedVersion = -1;
  /** Posts read (new or changed) since the last publish: while they stream in, publishing is coalesced. */
  let postsReadSincePublish = 0;
  const shownChanged = () => {
    version++;
  };

  /**
   * The sidebar's entry for a mention; the same object while its post, match and triage are
   * the same, so publishing a page of thousands allocates only for what changed and the
   * sidebar's memoised rows see unchanged entries as unchanged.
   */
  const mentionEntries = new WeakMap<PostRecord, MentionEntry>();
  const mentionOf = (record: PostRecord): MentionEntry => {
    const triaged = triageOf(record.postKey);
    const known = mentionEntries.get(record);
    if (known?.post === record.post && known.brandIds === record.match.brandIds && known.byBrand === record.match.byBrand && known.triage === triaged) {
      return known;
    }
    const entry: MentionEntry = {
      postKey: record.postKey,
      post: record.post,
      brandIds: record.match.brandIds,
      byBrand: record.match.byBrand,
      ...(triaged ? { triage: triaged } : {}),
    };
    mentionEntries.set(record, entry);
    return entry;
  };

  /** Publish registry contents to the sidebar and the case watcher (only when they changed). */
  const publish = () => {
    if (publishedVersion === version) return;
    publishedVersion = version;
    postsReadSincePublish = 0;
    const records = registry.records();
    const mentions: MentionEntry[] = records.filter((record) => record.match.brandIds.length > 0).map(mentionOf);
    store.update((snapshot) => ({ ...snapshot, postsRead: records.length, mentions }));
    reportComplaints(mentions);
    caseSync.setPostKeys(mentions.map((mention) => mention.postKey));
  };

  /**
   * publish(), coalesced while posts stream in (env.publishIntervalMs): it re-sorts every mention
   * and the sidebar re-renders, so publishing after every batch of a fast timeline costs O(n²).
   * The first batch publishes at once, later ones together at the end of the interval.
   */
  let lastPublishAt = Number.NEGATIVE_INFINITY;
  let publishQueued = false;
  const publishSoon = () => {
    const interval = env.publishIntervalMs ?? 0;
    // Nothing new read since the last publish (a triage or case answer): the page is not
    // streaming posts, so the sidebar follows at once.
    if (interval <= 0 || postsReadSincePublish === 0) {
      lastPublishAt = Date.now();
      return publish();
    }
    if (publishQueued) return;
    const wait = lastPublishAt + interval - Date.now();
    if (wait <= 0) {
      lastPublishAt = Date.now();
      publish();
      return;
    }
    publishQueued = true;
    delay(() => {
      publishQueued = false;
      lastPublishAt = Date.now();
      publish();
    }, wait);
  };

  const scheduleBatch = env.schedule ?? createTaskQueue(win);

  const readPost = (element: Element) => {
    registry.markPostElement(element);
    let post = null;
    try {
      post = adapter.readPost(element, win);
    } catch {
      post = null; // An adapter bug on one odd post must not stop the page scan.
    }
    if (!post) {
      registry.forget(element);
      controls.remove(element);
      return;
    }
    const match = matcher.match(post.text, post.authorHandle);
    const { record, changed } = registry.record(element, post, match);
    if (changed) {
      shownChanged();
      postsReadSincePublish++;
    }
    if (!wantsControl(match)) {
      controls.remove(element);
      return;
    }
    triage.of(record.postKey, post);
    controls.place(element, record.postKey, viewFor(record.postKey));
  };

  /** Posts waiting to be read; a batch stops after env.readBudgetMs and continues in the next slot. */
  const toRead = new Set<Element>();
  const readBudgetMs = env.readBudgetMs ?? Number.POSITIVE_INFINITY;
  let continuationQueued = false;
  const readQueued = () => {
    continuationQueued = false;
    if (stopped()) return;
    const started = performance.now();
    for (const element of toRead) {
      toRead.delete(element);
      if (element.isConnected) readPost(element);
      if (toRead.size > 0 && performance.now() - started > readBudgetMs) {
        continuationQueued = true;
        scheduleBatch(readQueued);
        break;
      }
    }
    triage.flush();
    publishSoon();
  };
  const readPosts = (elements: Element[]) => {
    for (const element of elements) toRead.add(element);
    if (!continuationQueued) readQueued();
  };

  const scanner = createScanner({
    root: doc,
    adapter,
    isPostElement: (element) => registry.isPostElement(element),
    onPosts: readPosts,
    onRemoved: () => {
      registry.pruneDisconnected();
      controls.prune();
      publishSoon();
    },
    schedule: scheduleBatch,
  });

  /** Show "looking for posts" for a while after load/navigation, then say plainly what we found. */
  let graceGeneration = 0;
  const startGracePeriod = () => {
    const generation = ++graceGeneration;
    store.update((snapshot) => ({ ...snapshot, searching: true, expectsPosts: safeExpectsPosts(adapter, win) }));
    delay(() => {
      if (generation === graceGeneration) store.update((snapshot) => ({ ...snapshot, searching: false }));
    }, SEARCH_GRACE_MS);
  };

  const applySettings = (state: SettingsState) => {
    matcher = createBrandMatcher(state.status === 'ok' ? state.settings.brands : []);
    triage.setBrands(state.status === 'ok' ? state.settings.brands : []);
    store.update((snapshot) => ({ ...snapshot, settings: state }));
    registry.rematch((post) => matcher.match(post.text, post.authorHandle));
    shownChanged();
    for (const record of registry.records()) {
      for (const element of record.elements) {
        if (wantsControl(record.match)) controls.place(element, record.postKey, viewFor(record.postKey));
        else controls.remove(element);
      }
    }
    triage.flush();
    publish();
  };

  startGracePeriod();
  // A change that lands while the first read is in flight is newer than what that read returns.
  let changedBeforeLoad: SettingsState | undefined;
  const stopWatchingSettings = watchSettings((state) => {
    if (settingsLoaded) applySettings(state);
    else changedBeforeLoad = state;
  });
  const ready = loadSettings().then((state) => {
    if (ctx.isInvalid) return;
    settingsLoaded = true;
    applySettings(changedBeforeLoad ?? state);
    scanner.start();
    // Ready once the posts found at start show their controls (their triage answered or failed).
    return triage.idle();
  });

  const stopCaseBroadcasts = onCasesChanged((broadcast) => {
    void invalidateCasesOf(queryClient, broadcast.postKeys);
  });
  const stopSpiralBroadcasts = invalidateSpiralsOnChange(queryClient);

  // In-app navigation: start a new page. The event fires as navigation starts, while the old
  // posts may still be on screen, so new posts arrive through the observer and one delayed
  // rescan picks up whatever the site kept.
  ctx.addEventListener(win, 'wxt:locationchange', () => {
    registry.clear();
    shownChanged();
    controls.removeAll();
    startGracePeriod();
    publish();
    delay(() => scanner.rescan(), RESCAN_AFTER_NAVIGATION_MS);
  });

  ctx.onInvalidated(() => {
    scanner.stop();
    stopWatchingSettings();
    stopCaseBroadcasts();
    stopSpiralBroadcasts();
    caseSync.destroy();
    requests.disconnect();
    controls.removeAll();
    queryClient.clear();
  });

  const replies = createReplyActions({
    win,
    adapter,
    elementOf: (postKey) => [...(registry.get(postKey)?.elements ?? [])].find((element) => element.isConnected),
  });

  const mountUi = env.mountUi;
  if (mountUi) {
    void mountUi(store, queryClient, (postKey) => void logCase(postKey), replies).catch((error: unknown) => {
      // The page keeps working without our sidebar; say why in the console only.
      console.warn('[CareSide] sidebar could not be shown:', error);
    });
  }

  return { store, queryClient, ready, flush: () => scanner.flush(), logCase, replies };
}

function safeExpectsPosts(adapter: SiteAdapter, win: Window): boolean {
  try {
    return adapter.expectsPosts(new URL(win.location.href));
  } catch {
    return false;
  }
}

