import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/client';
import { SpiralsChangedBroadcastSchema, type SpiralsChangedBroadcast } from '../messaging/protocol';

/** Key root for spirals; invalidate it on `spirals/changed`. */
export const spiralKeys = {
  all: ['spirals'] as const,
  active: () => [...spiralKeys.all, 'active'] as const,
};

/** A spiral also ends when its complaints get old, which no message announces: re-read this often. */
export const SPIRAL_REFRESH_MS = 60_000;

export const activeSpiralsQuery = () =>
  queryOptions({
    queryKey: spiralKeys.active(),
    queryFn: async () => (await sendMessage('spirals/active', {})).spirals,
    refetchInterval: SPIRAL_REFRESH_MS,
  });

/** Listen for the background's spiral broadcast; returns the unsubscribe function. */
export function onSpiralsChanged(listener: (broadcast: SpiralsChangedBroadcast) => void): () => void {
  const handler = (message: unknown) => {
    const parsed = SpiralsChangedBroadcastSchema.safeParse(message);
    if (parsed.success) listener(parsed.data);
    // Not ours to answer: return nothing so other listeners may respond.
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/** Re-read spirals whenever the background says they changed; returns unsubscribe. */
export function invalidateSpiralsOnChange(queryClient: QueryClient): () => void {
  return onSpiralsChanged(() => {
    void queryClient.invalidateQueries({ queryKey: spiralKeys.all });
  });
}
