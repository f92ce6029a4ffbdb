import { postKeyOf, type Post, type PostKey } from '../domain/post';
import { plainErrorMessage } from '../domain/errors';
import { MessagingError, type SendRequest } from '../messaging/client';
import type { SiteAdapter } from '../sites/types';
import type { PageCase } from '../domain/page-case';
import type { PageIndex } from './page-index';
import type { Store } from './store';
import type { ContentSnapshot, LogState } from './view-model';
import { t } from '../i18n/t';

/** What a tab sends to log a post; the background triages it again itself (the tab's triage is only a hint on the page). */
export interface LogCaseInput {
  post: Post;
  brandIds: string[];
}

/** Where a tab logs posts: the background answers with the case, then this tab's case cache asks again about the post. */
export interface CaseLogging {
  send: SendRequest;
  /** Ask again about this post's case (case-sync.ts refresh); other tabs hear the background's broadcast. */
  refresh: (postKeys: readonly PostKey[]) => Promise<void>;
}

/** Log one post as a case through the background; this tab's cases re-read it afterwards. */
async function logPost({ send, refresh }: CaseLogging, input: LogCaseInput) {
  const answer = await send('cases/log', input);
  await refresh([postKeyOf(input.post.platform, input.post.postId)]);
  return answer;
}

/** A sentence for the user, never an exception thrown into the page. */
export function describeError(error: unknown): string {
  const issue = error instanceof MessagingError ? error.issues[0] : undefined;
  const sentence = plainErrorMessage(error);
  return issue ? `${sentence} (${issue.path}: ${issue.message})` : sentence;
}

export interface CaseLoggerDeps {
  adapter: Pick<SiteAdapter, 'completeForLog'>;
  doc: Document;
  index: Pick<PageIndex, 'get'>;
  logging: CaseLogging;
  /** Holds each post's log state for the controls and the sidebar. */
  store: Store<ContentSnapshot>;
  /** A log state changed: re-render the controls. */
  onLogStateChanged: () => void;
}

/** Logs a post on this page as a case (once at a time per post), tracking where that stands in the page store. */
export function createCaseLogger({ adapter, doc, index, logging, store, onLogStateChanged }: CaseLoggerDeps) {
  const setLogState = (postKey: PostKey, state: LogState | undefined) => {
    store.update((snapshot) => {
      const logState = new Map(snapshot.logState);
      if (state) logState.set(postKey, state);
      else logState.delete(postKey);
      return { ...snapshot, logState };
    });
    onLogStateChanged();
  };

  return async (postKey: PostKey): Promise<void> => {
    const record = index.get(postKey);
    if (!record || store.get().logState.get(postKey)?.status === 'pending') return;
    setLogState(postKey, { status: 'pending' });
    const input: LogCaseInput = { post: completeForLog(adapter, record.post, doc), brandIds: record.match.brandIds };
    try {
      const { case: logged } = await logPost(logging, input);
      setLogState(postKey, { status: 'logged', case: logged });
    } catch (error) {
      setLogState(postKey, { status: 'error', message: t('sidebar.logFailed', { error: describeError(error) }) });
    }
  };
}

export interface FullTextRefresherDeps {
  adapter: Pick<SiteAdapter, 'completeForLog'>;
  doc: Document;
  index: Pick<PageIndex, 'get'>;
  logging: CaseLogging;
}

/**
 * Cases logged from a cut text (X's "Show more": post.truncated) take the whole text once this
 * page shows the post whole (its status page, or expanded in place): the post is logged again,
 * which the background answers with the same case, its text refreshed (CaseRepository.logPost).
 * Asked once per post and page; the page's log state is not touched (nothing to click).
 */
export function createFullTextRefresher({ adapter, doc, index, logging }: FullTextRefresherDeps) {
  const asked = new Set<PostKey>();
  return (cases: ReadonlyMap<PostKey, Pick<PageCase, 'post'>>): void => {
    for (const [postKey, found] of cases) {
      if (!found.post.truncated || asked.has(postKey)) continue;
      const record = index.get(postKey);
      if (!record || record.post.truncated || !/\S/.test(record.post.text)) continue;
      asked.add(postKey);
      const input: LogCaseInput = { post: completeForLog(adapter, record.post, doc), brandIds: record.match.brandIds };
      logPost(logging, input).catch(() => {
        asked.delete(postKey); // Try again on the next sighting.
      });
    }
  };
}

/** The post with what the page shows about it elsewhere (adapter.completeForLog); as read if that fails. */
function completeForLog(adapter: Pick<SiteAdapter, 'completeForLog'>, post: Post, doc: Document): Post {
  try {
    return adapter.completeForLog?.(post, doc) ?? post;
  } catch {
    return post; // Logging must not fail over an extra detail.
  }
}

/**
 * Drop the page's own copy of the cases it logged for these posts (all posts when none are
 * named), once the case cache has been re-read: the cache is the truth, the copy only bridged
 * the moment after logging. A case deleted elsewhere then goes back to "Log case" here too.
 */
export function forgetLoggedCases(store: Store<ContentSnapshot>, postKeys: readonly PostKey[]): boolean {
  const { logState } = store.get();
  const named = new Set(postKeys);
  const gone = [...logState].filter(([postKey, state]) => state.status === 'logged' && (named.size === 0 || named.has(postKey)));
  if (gone.length === 0) return false;
  store.update((snapshot) => {
    const next = new Map(snapshot.logState);
    for (const [postKey] of gone) next.delete(postKey);
    return { ...snapshot, logState: next };
  });
  return true;
}
