import { QueryClient } from '@tanstack/react-query';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onCasesChanged } from '../../lib/messaging/client';
import { invalidateCasesOf } from '../../lib/queries/cases';
import { invalidateSpiralsOnChange } from '../../lib/queries/spirals';

/**
 * The sidebar's react-query cache (case panel, spirals, team notices). It lives in the sidebar's
 * module, not in the content script's first stage: the inline controls read cases from their own
 * small cache (lib/content/case-sync.ts). Both follow the background's change broadcasts.
 */
export function createSidebarQueryClient(ctx: ContentScriptContext): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: 1, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: 0 },
    },
  });
  const stops = [
    onCasesChanged(({ postKeys }) => void invalidateCasesOf(queryClient, postKeys)),
    invalidateSpiralsOnChange(queryClient),
    () => queryClient.clear(),
  ];
  ctx.onInvalidated(() => {
    for (const stop of stops) stop();
  });
  return queryClient;
}
