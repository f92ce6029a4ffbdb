import type { Browser } from 'wxt/browser';
import { CareSideError, plainErrorMessage, type ErrorCode } from '../domain/errors';
import type { Platform } from '../domain/post';
import { platformForUrl } from '../sites/origins';
import { isMessageType, MESSAGES, type MessageType, type SenderKind } from './messages';
import { protocol, type Envelope, type MessageError, type ParsedRequestOf, type ResponseOf } from './protocol';
import { classifySender, type ExtensionIdentity } from './sender';
import { isPortEnvelope, parseJson, REQUEST_PORT_NAME, type PortEnvelope } from './port';

export interface HandlerContext {
  senderKind: SenderKind;
  /** The sending tab, for content scripts and extension pages open in a tab. */
  tabId?: number;
  /** For content scripts: the site the sending tab is on (a content script speaks only for its own site). */
  sitePlatform?: Platform;
}

/** One handler per protocol message, receiving the payload as the request schema parsed it. */
export type MessageHandlers = {
  [K in MessageType]: (payload: ParsedRequestOf<K>, ctx: HandlerContext) => Promise<ResponseOf<K>>;
};

export type RuntimeMessageListener = (
  message: unknown,
  sender: Browser.runtime.MessageSender,
  sendResponse: (response: Envelope<unknown>) => void,
) => true | undefined;

export interface ServerHooks {
  /** Told after each answer is sent (the background starts its deferred wake-up work on the first). */
  onAnswered?: () => void;
  /** Awaited before any handler runs: the worker's UI messages are in place (lib/i18n/ensure-messages.ts). */
  ready?: Promise<void>;
}

/** Most issues we send back for one bad payload (a 100k-item array must not produce a 100k-item answer). */
const MAX_ISSUES = 20;
const BROADCAST_TYPE = 'cases/changed';

/**
 * The background's runtime.onMessage listener: checks the sender, the message type and the
 * payload against the protocol map before any handler runs, and always answers with an
 * Envelope via sendResponse (returning true keeps the channel open for the async answer).
 */
export function createMessageHandler(
  handlers: MessageHandlers,
  identity: ExtensionIdentity,
  hooks: ServerHooks = {},
): RuntimeMessageListener {
  const { onAnswered } = hooks;
  return (message, sender, sendResponse) => {
    // Our own change broadcast: nobody answers it.
    if (isRecord(message) && message.type === BROADCAST_TYPE) return undefined;
    void answer(handlers, identity, message, sender, hooks.ready).then((envelope) => {
      try {
        sendResponse(envelope);
      } catch {
        // The sender went away (tab closed, popup dismissed): nothing left to tell.
      }
      onAnswered?.();
    });
    return true;
  };
}

/**
 * The background's runtime.onConnect listener for REQUEST_PORT_NAME: the same checks and
 * handlers as createMessageHandler, for requests sent over a long-lived port. The sender is
 * the one the browser recorded when the port opened.
 */
export function createPortListener(
  handlers: MessageHandlers,
  identity: ExtensionIdentity,
  hooks: ServerHooks = {},
): (port: Browser.runtime.Port) => void {
  const { onAnswered } = hooks;
  return (port) => {
    if (port.name !== REQUEST_PORT_NAME) return;
    const sender = port.sender ?? {};
    port.onMessage.addListener((message: unknown) => {
      // Without an id there is nobody to answer.
      if (!isPortEnvelope(message)) return;
      const { id } = message;
      const request = parseJson(message.json);
      const answered = request
        ? answer(handlers, identity, request.value, sender, hooks.ready)
        : Promise.resolve(failure('bad_request', 'A request must be JSON'));
      void answered.then((envelope) => {
        try {
          const reply: PortEnvelope = { id, json: JSON.stringify(envelope) };
          port.postMessage(reply);
        } catch {
          // The tab went away: nothing left to tell.
        }
        onAnswered?.();
      });
    });
  };
}

async function answer(
  handlers: MessageHandlers,
  identity: ExtensionIdentity,
  message: unknown,
  sender: Browser.runtime.MessageSender,
  ready: Promise<void> | undefined,
): Promise<Envelope<unknown>> {
  if (!isRecord(message) || !Object.hasOwn(message, 'type') || typeof message.type !== 'string') {
    return failure('bad_request', 'A message must be an object with a string "type"');
  }
  const type = message.type;
  if (!isMessageType(type)) return failure('unknown_type', `Unknown message type "${clip(type)}"`);

  const senderKind = classifySender(sender, identity);
  const allowed: readonly SenderKind[] = MESSAGES[type].senders;
  if (senderKind === null || !allowed.includes(senderKind)) {
    return failure('forbidden_sender', `${type} may not be sent from ${senderKind ?? 'an unknown sender'}`);
  }

  const parsed = protocol[type].request.safeParse(Object.hasOwn(message, 'payload') ? message.payload : undefined);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    }));
    const first = issues[0];
    return {
      ok: false,
      error: {
        code: 'bad_request',
        message: `Invalid payload for ${type}${first ? `: ${first.path}: ${first.message}` : ''}`,
        issues,
      },
    };
  }

  const sitePlatform = senderKind === 'content' && sender.url ? platformForUrl(sender.url) : null;
  const ctx: HandlerContext = {
    senderKind,
    ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}),
    ...(sitePlatform ? { sitePlatform } : {}),
  };
  try {
    await ready;
    const data = await run(handlers, type, parsed.data as ParsedRequestOf<typeof type>, ctx);
    // The wire contract holds both ways: never send what the client would reject.
    const checked = protocol[type].response.safeParse(data);
    if (!checked.success) return failure('internal', `The answer to ${type} did not match the protocol`);
    return { ok: true, data: checked.data };
  } catch (error) {
    // Storage and database failures become sentences (lib/domain/errors.ts), never browser-internal text.
    return failure(error instanceof CareSideError ? error.code : 'internal', plainErrorMessage(error));
  }
}

function run<K extends MessageType>(
  handlers: MessageHandlers,
  type: K,
  payload: ParsedRequestOf<K>,
  ctx: HandlerContext,
): Promise<ResponseOf<K>> {
  const handler: MessageHandlers[K] = handlers[type];
  return handler(payload, ctx);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function failure(code: ErrorCode, message: string): { ok: false; error: MessageError } {
  return { ok: false, error: { code, message } };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
