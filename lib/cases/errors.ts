/** A failure the case store reports to callers as a typed protocol error. */
export type CaseStoreErrorCode = 'not_found' | 'conflict' | 'bad_request' | 'forbidden_sender';

export class CaseStoreError extends Error {
  constructor(
    readonly code: CaseStoreErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'CaseStoreError';
  }
}
