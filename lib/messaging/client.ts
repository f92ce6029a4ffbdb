import { browser } from 'wxt/browser';
import {
  CasesChangedBroadcastSchema,
  MessageErrorSchema,
  protocol,
  type CasesChangedBroadcast,
  type ErrorCode,
  type MessageType,
  type RequestOf,
  type ResponseOf,
} from './protocol';
import { z } from '../validation/zod';

/** A typed failure from the background (or from the wire itself). */
export class MessagingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'MessagingError';
  }
}

const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: MessageErrorSchema }),
]);

/**
 * Send one protocol message to the background and return its typed answer.
 * Throws MessagingError for a typed error, for no answer (service worker gone) and
 * for an answer that does not match the protocol.
 */
export async function sendMessage<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ type, payload });
  } catch (error) {
    throw new MessagingError('internal', `CareSide background unreachable: ${String(error)}`);
  }
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw new MessagingError('internal', `Malformed answer to ${type}`);
  if (!envelope.data.ok) {
    const { code, message, issues } = envelope.data.error;
    throw new MessagingError(code, message, issues);
  }
  const data = protocol[type].response.safeParse(envelope.data.data);
  if (!data.success) throw new MessagingError('internal', `Answer to ${type} does not match the protocol`);
  return data.data as ResponseOf<K>;
}

/** Listen for the background's store-change broadcast; returns the unsubscribe function. */
export function onCasesChanged(listener: (broadcast: CasesChangedBroadcast) => void): () => void {
  const handler = (message: unknown) => {
    const parsed = CasesChangedBroadcastSchema.safeParse(message);
    if (parsed.success) listener(parsed.data);
    // Not ours to answer: return nothing so other listeners may respond.
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
