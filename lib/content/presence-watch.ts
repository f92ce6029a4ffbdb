import { replyingByPost } from '../agents/presence';
import type { Platform, PostKey } from '../domain/post';
import type { Replying } from '../domain/presence';
import { t } from '../i18n/t';
import { createStore } from './store';

/** Who is replying to this site's posts: names per post key, for the inline controls and the sidebar rows. */
export interface PagePresence {
  get: () => ReadonlyMap<PostKey, readonly string[]>;
  subscribe: (listener: () => void) => () => void;
}

export interface PresenceWatch extends PagePresence {
  /** Read who is replying once, then follow the broadcasts (call when the page shows a mention; again is a no-op). */
  start: () => void;
  /** Stop following the broadcasts. */
  stop: () => void;
}

export interface PresenceWatchDeps {
  platform: Platform;
  /** `presence/list` through the tab's port: other agents replying to this site's posts. */
  list: () => Promise<Replying[]>;
  /** Subscribe to the background's `presence/changed` broadcast (the post keys it names); returns unsubscribe. */
  onChanged: (listener: (postKeys: readonly PostKey[]) => void) => () => void;
}

const NOBODY: ReadonlyMap<PostKey, readonly string[]> = new Map();

/**
 * Follows who is replying without polling: one `presence/list` when the page first shows a
 * mention, and one more each time the background names a post of this site as changed. A read
 * asked for while one is on its way runs once after it, so the last answer is the newest; a
 * failed read keeps what was shown.
 */
export function createPresenceWatch({ platform, list, onChanged }: PresenceWatchDeps): PresenceWatch {
  const store = createStore(NOBODY);
  let shown = '';
  let started = false;
  let reading = false;
  let readAgain = false;
  let unsubscribe: (() => void) | undefined;

  const read = async () => {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    try {
      do {
        readAgain = false;
        const byPost = replyingByPost(await list());
        const signature = JSON.stringify([...byPost]);
        if (signature !== shown) {
          shown = signature;
          store.update(() => (byPost.size === 0 ? NOBODY : byPost));
        }
      } while (readAgain && started);
    } catch (error) {
      console.warn('CareSide: could not read who is replying', error);
    } finally {
      reading = false;
    }
  };
  const prefix = `${platform}:`;
  return {
    get: store.get,
    subscribe: store.subscribe,
    start() {
      if (started) return;
      started = true;
      unsubscribe = onChanged((postKeys) => {
        if (postKeys.some((postKey) => postKey.startsWith(prefix))) void read();
      });
      void read();
    },
    stop() {
      started = false;
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
}

/** "Priya is replying" / "Priya, Sam are replying", or undefined when nobody is. */
export function replyingLabel(names: readonly string[] | undefined): string | undefined {
  if (!names?.length) return undefined;
  return names.length === 1 ? t('agents.replying', { names: names[0]! }) : t('agents.replyingMany', { names: names.join(', ') });
}
