import type { PageCase } from '../domain/page-case';
import type { PostKey } from '../domain/post';
import type { SendRequest } from '../messaging/client';
import { describeError } from './log-case';
import { createStore } from './store';

/** Most posts one cases/byPostKeys request names. */
export const CASE_CHUNK_SIZE = 100;

/** The cases of the posts a tab watches, as the tab last heard them from the background. */
export interface PageCases {
  cases: ReadonlyMap<PostKey, PageCase>;
  /** Why they could not be read just now, if so. */
  error: string | null;
}

export interface CaseSync {
  /** Watch the cases of these posts (posts no longer named are forgotten); asks only about posts not yet known. */
  setPostKeys: (postKeys: readonly PostKey[]) => void;
  /**
   * Ask again about these watched posts, or about every watched post when none are named (a
   * `cases/changed` broadcast, a case logged here); settles once the answers are in.
   */
  refresh: (postKeys: readonly PostKey[]) => Promise<void>;
  /** The watched cases now: a new object only when a watched case or the error changed. */
  get: () => PageCases;
  subscribe: (listener: () => void) => () => void;
  destroy: () => void;
}

/**
 * The cases of the posts a tab shows, for its inline controls and the sidebar: a cache keyed by
 * post key, without react-query (the first stage of the content script stays small; the sidebar
 * module keeps react-query for its own reads). A post is asked about once when first watched
 * and again only when a broadcast names it; an answer that a newer question overtook is dropped.
 */
export function createCaseSync(send: SendRequest): CaseSync {
  /** Answered posts: their case, or null for none. Only watched posts are kept. */
  const known = new Map<PostKey, PageCase | null>();
  /** Posts with a question in flight: the number of the latest question about each. */
  const asking = new Map<PostKey, number>();
  let watched = new Set<PostKey>();
  let lastQuestion = 0;
  let error: string | null = null;
  let destroyed = false;
  const view = createStore<PageCases>({ cases: new Map(), error: null });
  // Controls re-render only when what they show changed.
  let shown = signatureOf(view.get());

  const report = () => {
    const cases = new Map<PostKey, PageCase>();
    for (const postKey of watched) {
      const found = known.get(postKey);
      if (found) cases.set(postKey, found);
    }
    const signature = signatureOf({ cases, error });
    if (signature === shown) return;
    shown = signature;
    view.update(() => ({ cases, error }));
  };

  const askChunk = async (postKeys: PostKey[], question: number) => {
    try {
      const { cases } = await send('cases/byPostKeys', { postKeys });
      if (destroyed) return;
      const byKey = new Map(cases.map((found) => [found.postKey, found]));
      for (const postKey of postKeys) {
        if (asking.get(postKey) !== question) continue; // a newer question will answer it
        asking.delete(postKey);
        if (watched.has(postKey)) known.set(postKey, byKey.get(postKey) ?? null);
      }
      error = null;
    } catch (failure) {
      if (destroyed) return;
      // Unanswered posts are asked again on the next publish or broadcast.
      for (const postKey of postKeys) if (asking.get(postKey) === question) asking.delete(postKey);
      error = describeError(failure);
    }
    report();
  };

  const ask = (postKeys: readonly PostKey[]): Promise<void> => {
    if (postKeys.length === 0) return Promise.resolve();
    const question = ++lastQuestion;
    for (const postKey of postKeys) asking.set(postKey, question);
    const chunks: Promise<void>[] = [];
    for (let start = 0; start < postKeys.length; start += CASE_CHUNK_SIZE) {
      chunks.push(askChunk(postKeys.slice(start, start + CASE_CHUNK_SIZE), question));
    }
    return Promise.all(chunks).then(() => undefined);
  };

  return {
    setPostKeys(postKeys) {
      watched = new Set(postKeys);
      for (const postKey of known.keys()) if (!watched.has(postKey)) known.delete(postKey);
      void ask([...watched].filter((postKey) => !known.has(postKey) && !asking.has(postKey)));
      report();
    },
    refresh(postKeys) {
      const again = postKeys.length === 0 ? [...watched] : postKeys.filter((postKey) => watched.has(postKey));
      return ask(again);
    },
    get: view.get,
    subscribe: view.subscribe,
    destroy: () => {
      destroyed = true;
      known.clear();
      asking.clear();
    },
  };
}

function signatureOf({ cases, error }: PageCases): string {
  return JSON.stringify([error, [...cases.values()].map((found) => [found.id, found.ref, found.status, found.updatedAt])]);
}
