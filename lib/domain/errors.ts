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
