import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTriageHandlers } from '../../lib/background/triage';
import type { ParsedRequestOf } from '../../lib/messaging/protocol';
import { createSettingsSource } from '../../lib/settings/source';
import { loadSettings } from '../../lib/settings/store';

/**
 * Answer posts/triage on the fake runtime the way the background does (real models),
 * settings/current (the stored settings, checked) and presence/list (nobody replying), for
 * content-script tests whose fake background answers only the messages they are about. Register it
 * before the test's own listener: the first answer wins. Returns the posts/triage payloads, newest last.
 */
export function answerTriageRequests(): ParsedRequestOf<'posts/triage'>[] {
  answerSettingsRequests();
  answerPresenceRequests();
  const asked: ParsedRequestOf<'posts/triage'>[] = [];
  // The brands to mask come from the stored settings, as in the background.
  const handle = createTriageHandlers(() => Date.now(), { requests: 0, posts: 0, ms: 0 }, createSettingsSource())['posts/triage'];
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (answer: unknown) => void) => {
    const { type, payload } = message as { type: string; payload: ParsedRequestOf<'posts/triage'> };
    if (type !== 'posts/triage') return undefined;
    asked.push(payload);
    handle(payload, { senderKind: 'content' }).then(
      (data) => sendResponse({ ok: true, data }),
      (error: unknown) => sendResponse({ ok: false, error: { code: 'internal', message: String(error) } }),
    );
    return true;
  });
  return asked;
}

/** Answer settings/current on the fake runtime the way the background does: the stored settings, read and checked. */
export function answerSettingsRequests(): void {
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (answer: unknown) => void) => {
    if ((message as { type?: unknown }).type !== 'settings/current') return undefined;
    void loadSettings().then((data) => sendResponse({ ok: true, data }));
    return true;
  });
}

/**
 * Answer presence/list as the background does without a team: nobody else is replying. Every page
 * showing a mention asks it once; unanswered, the tab would warn that it could not read who is replying.
 */
export function answerPresenceRequests(): void {
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (answer: unknown) => void) => {
    if ((message as { type?: unknown }).type !== 'presence/list') return undefined;
    sendResponse({ ok: true, data: { replying: [] } });
    return true;
  });
}
