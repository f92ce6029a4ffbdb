import { CareSideError, type ErrorCode } from '../domain/errors';

/** A failure the case store reports to callers as a typed protocol error. */
export type CaseStoreErrorCode = Extract<ErrorCode, 'not_found' | 'conflict' | 'bad_request' | 'forbidden_sender'>;

export class CaseStoreError extends CareSideError {
  constructor(
    override readonly code: CaseStoreErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(code, message, options);
    this.name = 'CaseStoreError';
  }
}
