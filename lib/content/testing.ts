// Test-only helpers for the content side.
import type { SendRequest } from '../messaging/client';
import { createTriageRequests, type TriageRequestsOptions } from './triage-requests';

/** A posts/triage request that never answers: its posts stay "triaging" (for tests about reading, not verdicts). */
export const NEVER_ANSWERS = (() => new Promise(() => undefined)) as unknown as SendRequest;

/** The tab's triage requests for a unit test: asked through `send` at once, with no pacing. */
export function testTriageRequests(send: SendRequest = NEVER_ANSWERS, onTriaged: TriageRequestsOptions['onTriaged'] = () => undefined) {
  return createTriageRequests({ send, intervalMs: 0, delay: (run, ms) => setTimeout(run, ms), onTriaged, onTriageError: () => undefined });
}
