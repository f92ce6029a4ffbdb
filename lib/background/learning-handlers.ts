import type { MessageHandlers } from '../messaging/server';
import type { LearningService } from './learning';

/** Options' view of the adaptive layer: status, reset, and the layer in settings export/import. */
export function createLearningHandlers(
  learning: LearningService,
): Pick<MessageHandlers, 'learning/status' | 'learning/reset' | 'learning/export' | 'learning/import'> {
  return {
    'learning/status': () => learning.status(),
    'learning/reset': async () => ({ removed: await learning.reset() }),
    'learning/export': () => learning.exportLayer(),
    'learning/import': ({ learning: imported }) => learning.importLayer(imported),
  };
}
