import type { ErrorCode } from './protocol';

/** Thrown by a handler to answer with a specific protocol error code. */
export class ProtocolError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}
