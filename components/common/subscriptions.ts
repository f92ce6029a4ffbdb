import type { QueryClient } from '@tanstack/react-query';
import { onCasesChanged } from '../../lib/messaging/client';
import { caseKeys } from '../../lib/queries/cases';

/** Re-read everything from the case store whenever the background says it changed; returns unsubscribe. */
export function invalidateCasesOnChange(queryClient: QueryClient): () => void {
  return onCasesChanged(() => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.all });
  });
}
