import type { PostKey } from '../domain/post';
import type { MessageHandlers } from '../messaging/server';
import type { CaseStore } from './case-store';
import { clearCaseNotifications, deleteAllData, type DeleteAllDeps } from './delete-data';
import type { SpiralService } from './spirals';
import type { LearningService } from './learning';

export interface DataHandlerDeps {
  store: CaseStore;
  spirals: Pick<SpiralService, 'reset'>;
  learning: Pick<LearningService, 'reset'>;
  team?: DeleteAllDeps['team'];
  /** After a deletion: tell views (no post keys: everything), re-plan reminders, refresh the badge. */
  onChanged: (postKeys: PostKey[]) => void;
}

/** Deleting cases and all data; the protocol lets only extension pages send these. */
export function createDataHandlers({
  store,
  spirals,
  learning,
  team,
  onChanged,
}: DataHandlerDeps): Pick<MessageHandlers, 'cases/delete' | 'data/deleteAll'> {
  return {
    'cases/delete': async ({ caseIds }) => {
      const deleted = await store.use((repository) => repository.deleteCases(caseIds));
      if (deleted.length > 0) {
        onChanged(deleted.map((item) => item.postKey));
        await clearCaseNotifications(deleted.map((item) => item.id));
      }
      return { deleted: deleted.length };
    },
    'data/deleteAll': async ({ settings }) => {
      try {
        return await deleteAllData({ store, spirals, learning, team }, { settings });
      } finally {
        // Also after a partial failure: views must not show what is gone.
        onChanged([]);
      }
    },
  };
}
