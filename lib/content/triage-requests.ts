import type { PostKey } from '../domain/post';
import type { SendRequest } from '../messaging/client';
import { MAX_TRIAGE_BATCH } from '../messaging/messages';
import type { Delay } from './timers';
import { createTriageClient, type TriageClient } from './triage';

export interface TriageRequestsOptions {
  /** How the tab asks the background (its request port). */
  send: SendRequest;
  /** Ask at most once per this many ms. */
  intervalMs: number;
  delay: Delay;
  /** Triage answered (or failed) for these posts. */
  onTriaged: (postKeys: PostKey[]) => void;
  /** Why triage failed just now, or null once it answers again. */
  onTriageError: (message: string | null) => void;
}

/** The tab's triage client, asking the background (posts/triage) in batches over the request port. */
export function createTriageRequests({ send, intervalMs, delay, onTriaged, onTriageError }: TriageRequestsOptions): TriageClient {
  return createTriageClient({
    send: async (posts) => (await send('posts/triage', { posts })).results,
    batchSize: MAX_TRIAGE_BATCH,
    minIntervalMs: intervalMs,
    delay,
    onSettled: onTriaged,
    onError: onTriageError,
  });
}
