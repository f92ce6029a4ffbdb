import { CareSideError, type ErrorCode } from '../domain/errors';

/** Thrown by a handler to answer with a specific protocol error code. */
export class ProtocolError extends CareSideError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'ProtocolError';
  }
}
