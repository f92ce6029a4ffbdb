import { t } from '../i18n/t';

/** The codes every typed failure carries, in the store, on the wire and in the views. */
export const ERROR_CODES = ['bad_request', 'forbidden_sender', 'unknown_type', 'not_found', 'conflict', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Base of CareSide's typed errors: `code` is for code (the background answers with it), the
 * message is a sentence for people. Subclasses say where the failure arose.
 */
export class CareSideError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'CareSideError';
  }
}

/** Text of the browser's own messaging failures, as Chrome and Firefox word them. */
const CHANNEL_CLOSED = /message channel closed|message port closed|receiving end does not exist|could not establish connection/i;
const CONTEXT_INVALIDATED = /extension context invalidated/i;

/**
 * A sentence for people about any failure: CareSide's own errors keep their message; storage,
 * database and browser-messaging failures (quota, schema version, aborted writes, a worker
 * stopped mid-answer) get plain words instead of the browser's internal text; nothing is empty.
 */
export function plainErrorMessage(error: unknown): string {
  if (error instanceof CareSideError && error.message.trim() !== '') return error.message;
  const rawName = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  const name = typeof rawName === 'string' ? rawName : '';
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return t('plainError.storageFull');
  }
  if (name === 'VersionError') {
    return t('plainError.newerVersion');
  }
  if (name === 'AbortError') return t('plainError.aborted');
  if (name === 'InvalidStateError') return t('plainError.closed');
  if (CONTEXT_INVALIDATED.test(message)) return t('plainError.reloaded');
  if (CHANNEL_CLOSED.test(message)) return t('plainError.backgroundStopped');
  if (message.trim() !== '') return message;
  return name ? t('plainError.namedWithoutDetails', { name }) : t('plainError.withoutDetails');
}
