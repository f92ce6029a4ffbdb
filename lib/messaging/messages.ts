/**
 * Every protocol message's name, who may send it and whether it is safe to send twice: the zod-free
 * half of the protocol map, so a content script's first stage can name messages without loading
 * zod. Their schemas are in protocol.ts, keyed by the same names (the compiler and
 * messages.test.ts hold the two lists equal); the background checks both before a handler runs.
 */
export type SenderKind = 'content' | 'extension';

interface MessageRules {
  senders: readonly SenderKind[];
  /** Sending it twice does what sending it once does: clients send it once more when the channel closes mid-answer. */
  idempotent?: true;
}

export const MESSAGES = {
  'posts/triage': { senders: ['content', 'extension'], idempotent: true },
  'triage/correct': { senders: ['content', 'extension'], idempotent: true },
  'learning/status': { senders: ['extension'], idempotent: true },
  'learning/reset': { senders: ['extension'], idempotent: true },
  'learning/export': { senders: ['extension'], idempotent: true },
  'learning/import': { senders: ['extension'], idempotent: true },
  'cases/log': { senders: ['content', 'extension'], idempotent: true },
  'cases/byPostKeys': { senders: ['content', 'extension'], idempotent: true },
  'cases/summary': { senders: ['extension'], idempotent: true },
  'cases/setStatus': { senders: ['content', 'extension'] },
  'options/open': { senders: ['content', 'extension'], idempotent: true },
  'cases/recordEvent': { senders: ['content', 'extension'] },
  'cases/brandReplySeen': { senders: ['content', 'extension'], idempotent: true },
  'cases/transition': { senders: ['content', 'extension'] },
  'cases/resolve': { senders: ['extension'] },
  'cases/undoResolve': { senders: ['extension'] },
  'cases/attention': { senders: ['extension'], idempotent: true },
  'cases/query': { senders: ['extension'], idempotent: true },
  'cases/stats': { senders: ['extension'], idempotent: true },
  'cases/get': { senders: ['extension'], idempotent: true },
  'cases/edit': { senders: ['extension'] },
  'cases/import': { senders: ['extension'] },
  'cases/bulkUpdate': { senders: ['extension'] },
  'cases/delete': { senders: ['extension'], idempotent: true },
  'data/deleteAll': { senders: ['extension'], idempotent: true },
  'agents/me': { senders: ['extension'], idempotent: true },
  'agents/saveMe': { senders: ['extension'], idempotent: true },
  'agents/roster': { senders: ['extension'], idempotent: true },
  'cases/mine': { senders: ['extension'], idempotent: true },
  'cases/assignToMe': { senders: ['content', 'extension'], idempotent: true },
  'cases/teamView': { senders: ['content', 'extension'], idempotent: true },
  'presence/set': { senders: ['content', 'extension'], idempotent: true },
  'presence/list': { senders: ['content', 'extension'], idempotent: true },
  'spirals/observe': { senders: ['content', 'extension'] },
  'spirals/active': { senders: ['content', 'extension'], idempotent: true },
  'team/status': { senders: ['extension'], idempotent: true },
  'team/test': { senders: ['extension'], idempotent: true },
  'team/connect': { senders: ['extension'], idempotent: true },
  'team/disconnect': { senders: ['extension'], idempotent: true },
  'team/refused': { senders: ['extension'], idempotent: true },
  'team/discardRefused': { senders: ['extension'], idempotent: true },
  'settings/current': { senders: ['content'], idempotent: true },
} as const satisfies Record<string, MessageRules>;

export type MessageType = keyof typeof MESSAGES;

/** Most posts in one posts/triage request (content scripts split what they queued at this). */
export const MAX_TRIAGE_BATCH = 100;

/** Most cases one cases/delete request names (the dashboard splits larger deletions). */
export const MAX_DELETE_BATCH = 1000;

export function isMessageType(type: string): type is MessageType {
  // Own keys only: "toString" or "__proto__" must not find Object.prototype members.
  return Object.hasOwn(MESSAGES, type);
}

export function isIdempotent(type: MessageType): boolean {
  return 'idempotent' in MESSAGES[type];
}
