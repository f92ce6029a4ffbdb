import { MutationObserver as MutationRunner, QueryClient } from '@tanstack/react-query';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PostKey } from '../domain/post';
import { createBrandMatcher, type BrandMatcher } from '../match/brand-matcher';
import { onCasesChanged } from '../messaging/client';
import { caseKeys } from '../queries/cases';
import type { SiteAdapter } from '../sites/types';
import { createCaseSync } from './case-sync';
import { createInlineControls } from './inline-controls';
import { describeError, logCaseMutation, type LogCaseInput } from './log-case';
import { PostRegistry } from './post-registry';
import { createScanner } from './scanner';
import { loadSettings, watchSettings, type SettingsState } from './settings-source';
import { createStore, type Store } from './store';
import { inlineViewFor, initialSnapshot, type ContentSnapshot, type LogState, type MentionEntry } from './view-model';

/** How long an empty page counts as "still loading" before the sidebar says it found nothing. */
export const SEARCH_GRACE_MS = 5_000;
export const RESCAN_AFTER_NAVIGATION_MS = 600;

export interface RuntimeEnvironment {
  win: Window;
  /** Batch mutations; default: next animation frame. */
  schedule?: (flush: () => void) => void;
  /** Mount the sidebar UI; tests may pass their own. */
  mountUi?: (store: Store<ContentSnapshot>, queryClient: QueryClient, onLog: (postKey: PostKey) => void) => Promise<unknown>;
}

export interface ContentRuntime {
  readonly store: Store<ContentSnapshot>;
  readonly queryClient: QueryClient;
  /** Settled once settings are loaded and the first scan ran. */
  readonly ready: Promise<void>;
  /** Process pending page mutations now. */
  flush: () => void;
  logCase: (postKey: PostKey) => Promise<void>;
}

/**
 * The shared content-script runtime: settings → matcher, page scanning, inline controls, the
 * sidebar and case updates from the background. Site knowledge stays behind `adapter`.
 */
export function createContentRuntime(ctx: ContentScriptContext, adapter: SiteAdapter, env: RuntimeEnvironment): ContentRuntime {
  const { win } = env;
  const doc = win.document;
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
    const input: LogCaseInput = { post: record.post, brandIds: record.match.brandIds };
    try {
      const { case: logged } = await new MutationRunner(queryClient, logCaseMutation(queryClient)).mutate(input);
      setLogState(postKey, { status: 'logged', case: logged });
    } catch (error) {
      setLogState(postKey, { status: 'error', message: `Could not log this case: ${describeError(error)}` });
    }
  };

  const controls = createInlineControls(doc, adapter, (postKey) => void logCase(postKey));
  const caseSync = createCaseSync(queryClient, () => refreshControls());

  function viewFor(postKey: PostKey) {
    return inlineViewFor(postKey, caseSync.current(), store.get().logState);
  }

  function refreshControls() {
    controls.refresh(viewFor);
  }

  const wantsControl = (match: { brandIds: string[]; byBrand: boolean }) => match.brandIds.length > 0 && !match.byBrand;

  /** Publish registry contents to the sidebar and the case watcher (only when they changed). */
  let published = '';
  const publish = () => {
    const records = registry.records();
    const mentions: MentionEntry[] = records
      .filter((record) => record.match.brandIds.length > 0)
      .map((record) => ({
        postKey: record.postKey,
        post: record.post,
        brandIds: record.match.brandIds,
        byBrand: record.match.byBrand,
      }));
    // Sites rewrite posts constantly (relative times, counts); skip re-rendering when nothing shown changed.
    const signature = JSON.stringify([
      records.length,
      mentions.map(({ postKey, post, brandIds, byBrand }) => [postKey, post.authorName, post.text, brandIds, byBrand]),
    ]);
    if (signature === published) return;
    published = signature;
    store.update((snapshot) => ({ ...snapshot, postsRead: records.length, mentions }));
    caseSync.setPostKeys(mentions.map((mention) => mention.postKey));
  };

  const readPosts = (elements: Element[]) => {
    for (const element of elements) {
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
        continue;
      }
      const match = matcher.match(post.text, post.authorHandle);
      const { record } = registry.record(element, post, match);
      if (wantsControl(match)) controls.place(element, record.postKey, viewFor(record.postKey));
      else controls.remove(element);
    }
    publish();
  };

  const scanner = createScanner({
    root: doc,
    adapter,
    isPostElement: (element) => registry.isPostElement(element),
    onPosts: readPosts,
    onRemoved: () => {
      registry.pruneDisconnected();
      controls.prune();
      publish();
    },
    schedule: env.schedule ?? ((flush) => void win.requestAnimationFrame(() => flush())),
  });

  /** Show "looking for posts" for a while after load/navigation, then say plainly what we found. */
  let graceGeneration = 0;
  const startGracePeriod = () => {
    const generation = ++graceGeneration;
    store.update((snapshot) => ({ ...snapshot, searching: true, expectsPosts: safeExpectsPosts(adapter, win) }));
    ctx.setTimeout(() => {
      if (generation === graceGeneration) store.update((snapshot) => ({ ...snapshot, searching: false }));
    }, SEARCH_GRACE_MS);
  };

  const applySettings = (state: SettingsState) => {
    matcher = createBrandMatcher(state.status === 'ok' ? state.settings.brands : []);
    store.update((snapshot) => ({ ...snapshot, settings: state }));
    registry.rematch((post) => matcher.match(post.text, post.authorHandle));
    for (const record of registry.records()) {
      for (const element of record.elements) {
        if (wantsControl(record.match)) controls.place(element, record.postKey, viewFor(record.postKey));
        else controls.remove(element);
      }
    }
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
  });

  const stopCaseBroadcasts = onCasesChanged(() => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.all });
  });

  // In-app navigation: start a new page. The event fires as navigation starts, while the old
  // posts may still be on screen, so new posts arrive through the observer and one delayed
  // rescan picks up whatever the site kept.
  ctx.addEventListener(win, 'wxt:locationchange', () => {
    registry.clear();
    controls.removeAll();
    startGracePeriod();
    publish();
    ctx.setTimeout(() => scanner.rescan(), RESCAN_AFTER_NAVIGATION_MS);
  });

  ctx.onInvalidated(() => {
    scanner.stop();
    stopWatchingSettings();
    stopCaseBroadcasts();
    caseSync.destroy();
    controls.removeAll();
    queryClient.clear();
  });

  const mountUi = env.mountUi;
  if (mountUi) {
    void mountUi(store, queryClient, (postKey) => void logCase(postKey)).catch((error: unknown) => {
      // The page keeps working without our sidebar; say why in the console only.
      console.warn('[CareSide] sidebar could not be shown:', error);
    });
  }

  return { store, queryClient, ready, flush: () => scanner.flush(), logCase };
}

function safeExpectsPosts(adapter: SiteAdapter, win: Window): boolean {
  try {
    return adapter.expectsPosts(new URL(win.location.href));
  } catch {
    return false;
  }
}

