import { browser, type Browser } from 'wxt/browser';
// Types only from protocol.ts (its schemas are zod): this module is in every content script's first stage.
import type {
  CasesChangedBroadcast,
  MessageError,
  PresenceChangedBroadcast,
  RequestOf,
  ResponseOf,
  TriageChangedBroadcast,
} from './protocol';
import { isIdempotent, type MessageType } from './messages';
import { isPortEnvelope, parseJson, REQUEST_PORT_NAME, type PortEnvelope } from './port';
import { t } from '../i18n/t';
import { CareSideError, ERROR_CODES, plainErrorMessage, type ErrorCode } from '../domain/errors';
import { isPostKey, type PostKey } from '../domain/post';

/** A typed failure from the background (or from the wire itself). */
export class MessagingError extends CareSideError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(code, message);
    this.name = 'MessagingError';
  }
}

/**
 * Send one protocol message to the background and return its typed answer.
 * Throws MessagingError for a typed error, for no answer (service worker gone) and
 * for an answer that does not match the protocol.
 */
export async function sendMessage<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  let raw: unknown;
  try {
    raw = await sendOnce(type, payload);
  } catch (error) {
    // A worker stopped mid-answer closes the channel: a request that is safe to repeat goes once more.
    if (!isIdempotent(type)) throw new MessagingError('internal', plainErrorMessage(error));
    try {
      raw = await sendOnce(type, payload);
    } catch (again) {
      throw new MessagingError('internal', plainErrorMessage(again));
    }
  }
  return readAnswer(type, raw);
}

/**
 * One runtime.sendMessage. The background answers every request with an envelope, so no answer
 * at all means the channel closed first: Chromium usually rejects then, but when the worker is
 * stopped mid-answer it sometimes resolves with undefined instead (seen in the soak,
 * scripts/soak.ts). Both count as the channel closing.
 */
async function sendOnce<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<unknown> {
  const raw: unknown = await browser.runtime.sendMessage({ type, payload });
  if (raw === undefined) throw new Error('The message channel closed before a response was received');
  return raw;
}

/**
 * The typed data of an answer, or the MessagingError it carries. Answers come only from the
 * background, which checked each against the protocol's response schema before sending it
 * (lib/messaging/server.ts): the envelope is checked here, the data is typed, not parsed again.
 */
function readAnswer<K extends MessageType>(type: K, raw: unknown): ResponseOf<K> {
  if (isRecord(raw) && raw.ok === true && Object.hasOwn(raw, 'data')) return raw.data as ResponseOf<K>;
  const error = isRecord(raw) && raw.ok === false ? messageErrorOrNull(raw.error) : null;
  if (!error) throw new MessagingError('internal', `Malformed answer to ${type}`);
  const { code, message, issues } = error;
  throw new MessagingError(code, message.trim() === '' ? plainErrorMessage(undefined) : message, issues);
}

/** An envelope's error as protocol.ts MessageErrorSchema describes it, or null. */
function messageErrorOrNull(value: unknown): MessageError | null {
  if (!isRecord(value) || typeof value.message !== 'string') return null;
  const code = ERROR_CODES.find((known) => known === value.code);
  if (!code) return null;
  const issues = value.issues;
  if (issues === undefined) return { code, message: value.message };
  const wellFormed =
    Array.isArray(issues) &&
    issues.every((issue) => isRecord(issue) && typeof issue.path === 'string' && typeof issue.message === 'string');
  return wellFormed ? { code, message: value.message, issues: issues as { path: string; message: string }[] } : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** sendMessage's shape: how queries send a request (a content script passes its port client's). */
export type SendRequest = <K extends MessageType>(type: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

export interface PortClient {
  /** Like sendMessage, over one long-lived connection. */
  request: SendRequest;
  disconnect: () => void;
}

interface PendingRequest {
  type: MessageType;
  payload: unknown;
  resolve: (raw: unknown) => void;
  reject: (error: MessagingError) => void;
  resent: boolean;
}

/**
 * Requests over one runtime port instead of a runtime.sendMessage each: a tab reading a fast
 * timeline asks many times a second, and each sendMessage opens and closes a channel (about
 * 0.2 ms of the page's main thread in Chromium). Protocol, validation and answers are the same
 * (lib/messaging/server.ts answers both). When the worker restarts the port closes: requests in
 * flight are sent once more on a new port, then fail. Where no port can be opened, falls back
 * to sendMessage.
 */
export function createPortClient(
  connect: () => Browser.runtime.Port = () => browser.runtime.connect({ name: REQUEST_PORT_NAME }),
): PortClient {
  let port: Browser.runtime.Port | null = null;
  let usable = true;
  let nextId = 1;
  const pending = new Map<number, PendingRequest>();

  const post = (id: number, request: PendingRequest) => {
    const open = portOrNull();
    if (!open) return false;
    try {
      const message: PortEnvelope = { id, json: JSON.stringify({ type: request.type, payload: request.payload }) };
      open.postMessage(message);
      return true;
    } catch {
      return false;
    }
  };

  const onMessage = (message: unknown) => {
    if (!isPortEnvelope(message)) return;
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    // Unparsable JSON resolves to undefined, which readAnswer reports as a malformed answer.
    request.resolve(parseJson(message.json)?.value);
  };

  const onDisconnect = () => {
    port = null;
    const interrupted = [...pending];
    for (const [id, request] of interrupted) {
      if (!request.resent) {
        request.resent = true;
        if (post(id, request)) continue;
      }
      pending.delete(id);
      request.reject(new MessagingError('internal', t('plainError.backgroundStopped')));
    }
  };

  function portOrNull(): Browser.runtime.Port | null {
    if (port || !usable) return port;
    try {
      port = connect();
      port.onMessage.addListener(onMessage);
      port.onDisconnect.addListener(onDisconnect);
    } catch {
      usable = false; // e.g. a test double without ports: one-off messages from now on
      port = null;
    }
    return port;
  }

  return {
    async request(type, payload) {
      if (!portOrNull()) return sendMessage(type, payload);
      const id = nextId++;
      const raw = await new Promise<unknown>((resolve, reject) => {
        const request: PendingRequest = { type, payload, resolve, reject, resent: false };
        pending.set(id, request);
        if (!post(id, request)) {
          pending.delete(id);
          reject(new MessagingError('internal', t('plainError.backgroundUnreachable')));
        }
      });
      return readAnswer(type, raw);
    },
    disconnect() {
      port?.disconnect();
      port = null;
      // Only a page whose CareSide was stopped (updated, reloaded, removed) disconnects with requests in flight.
      for (const request of pending.values()) request.reject(new MessagingError('internal', t('plainError.reloaded')));
      pending.clear();
    },
  };
}

/*
 * Broadcasts reach runtime.onMessage only from this extension's own background and pages (a web
 * page cannot send to it), so they are checked by hand for the fields their listeners read.
 */

/** Call `listener` when the user pressed the focus-sidebar shortcut on this tab. */
export function onSidebarFocusRequest(listener: () => void): () => void {
  return onBroadcast((message) => (message.type === 'sidebar/focus' ? listener() : undefined));
}

/** Listen for the background's store-change broadcast; returns the unsubscribe function. */
export function onCasesChanged(listener: (broadcast: CasesChangedBroadcast) => void): () => void {
  return onPostKeysBroadcast('cases/changed', listener);
}

/** Listen for a broadcast of `type` naming post keys at a time, checked by hand (no zod in the first stage). */
function onPostKeysBroadcast<T extends string>(type: T, listener: (broadcast: { type: T; postKeys: PostKey[]; at: number }) => void) {
  return onBroadcast((message) => {
    const { postKeys, at } = message;
    if (message.type !== type || typeof at !== 'number' || !Array.isArray(postKeys) || !postKeys.every(isPostKey)) return;
    listener({ type, postKeys, at });
  });
}

/** Listen for `triage/changed` (the team's corrections moved verdicts); returns the unsubscribe function. */
export function onTriageChanged(listener: (broadcast: TriageChangedBroadcast) => void): () => void {
  return onBroadcast(({ type, at }) => (type === 'triage/changed' && typeof at === 'number' ? listener({ type, at }) : undefined));
}

/** Listen for runtime messages that are objects; returns the unsubscribe function. */
export function onBroadcast(listener: (message: Record<string, unknown>) => void): () => void {
  const handler = (message: unknown) => {
    if (isRecord(message)) listener(message);
    // Not ours to answer: return nothing so other listeners may respond.
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/** Listen for `presence/changed` (who is replying to these posts changed); returns the unsubscribe function. */
export function onPresenceChanged(listener: (broadcast: PresenceChangedBroadcast) => void): () => void {
  return onPostKeysBroadcast('presence/changed', listener);
}
