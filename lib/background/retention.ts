import type { PostKey } from '../domain/post';
import type { SettingsSource } from '../settings/source';
import type { CaseStore } from './case-store';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Batches (of RETENTION_BATCH cases, lib/cases/delete-cases.ts) one run deletes at most; the next tick goes on. */
const MAX_BATCHES_PER_RUN = 10;

export interface RetentionDeps {
  store: CaseStore;
  settings: SettingsSource;
  now: () => number;
  /** Cases were deleted: tell views and re-plan reminders. */
  onDeleted: (postKeys: PostKey[]) => void;
}

export interface Retention {
  /** Delete closed cases past the configured days, in bounded batches; resolves to how many. Never throws. */
  run(): Promise<number>;
}

/** The settings' retention.closedCaseDays applied to the store; runs one at a time. */
export function createRetention({ store, settings, now, onDeleted }: RetentionDeps): Retention {
  let running: Promise<number> | null = null;
  const once = async (): Promise<number> => {
    const days = (await settings.current()).settings.retention.closedCaseDays;
    if (days === null) return 0;
    const cutoff = now() - days * DAY_MS;
    const postKeys: PostKey[] = [];
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch += 1) {
      const deleted = await store.use((repository) => repository.deleteClosedBefore(cutoff));
      postKeys.push(...deleted.map((item) => item.postKey));
      if (deleted.length === 0) break;
    }
    if (postKeys.length > 0) onDeleted(postKeys);
    return postKeys.length;
  };
  return {
    run() {
      running ??= once()
        .catch((error: unknown) => {
          console.warn('CareSide: could not apply the retention setting', error);
          return 0;
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}
