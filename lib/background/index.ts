import { browser } from 'wxt/browser';
import { openCaseDb } from '../db/open';
import { CASE_DB_NAME } from '../db/schema';
import type { PostKey } from '../domain/post';
import { createMessageHandler } from '../messaging/server';
import { originOf } from '../messaging/sender';
import { showOpenCount } from './badge';
import { broadcastCasesChanged } from './broadcast';
import { createCaseStore, type CaseStore } from './case-store';
import { createCaseHandlers } from './handlers';

export interface BackgroundOptions {
  dbName?: string;
  /** Defaults to the global indexedDB at open time. */
  indexedDB?: IDBFactory;
  now?: () => number;
}

export interface Background {
  store: CaseStore;
  /** Re-read the open count and show it on the toolbar badge; never throws. */
  refreshBadge(): Promise<void>;
}

/**
 * Wire the service worker: the message listener is registered synchronously (a worker woken
 * by a message must have its listener before the first await); the database opens lazily.
 */
export function startBackground(options: BackgroundOptions = {}): Background {
  const now = options.now ?? (() => Date.now());
  const store = createCaseStore((onClose) =>
    openCaseDb(options.dbName ?? CASE_DB_NAME, options.indexedDB ?? indexedDB, { onClose }),
  );

  const refreshBadge = async () => {
    try {
      await showOpenCount(await store.use((repository) => repository.openCount()));
    } catch (error) {
      console.warn('CareSide: could not update the badge', error);
    }
  };
  const onChanged = (postKeys: PostKey[]) => {
    void broadcastCasesChanged(postKeys, now());
    void refreshBadge();
  };

  const identity = {
    runtimeId: browser.runtime.id,
    extensionOrigin: originOf(new URL(browser.runtime.getURL('/'))),
  };
  browser.runtime.onMessage.addListener(createMessageHandler(createCaseHandlers({ store, onChanged, now, openOptionsPage: () => browser.runtime.openOptionsPage() }), identity));

  void refreshBadge();
  return { store, refreshBadge };
}
