import { CaseRefSchema, type CaseRef } from './case';

/** Crockford base32 digits: no I, L, O or U, so refs survive being read aloud or retyped. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const MIN_REF_LENGTH = 4;
export const MAX_REF_LENGTH = 8;

export type RandomFill = (bytes: Uint8Array) => Uint8Array;

export const cryptoRandomFill: RandomFill = (bytes) => crypto.getRandomValues(bytes);

/** A fresh random reference such as CS-7F3K (`length` digits after the dash). */
export function generateCaseRef(length: number = MIN_REF_LENGTH, fill: RandomFill = cryptoRandomFill): CaseRef {
  if (!Number.isInteger(length) || length < MIN_REF_LENGTH || length > MAX_REF_LENGTH) {
    throw new RangeError(`Case ref length must be ${MIN_REF_LENGTH}-${MAX_REF_LENGTH}, got ${length}`);
  }
  const bytes = fill(new Uint8Array(length));
  let digits = '';
  // 256 is a multiple of 32, so masking the low five bits keeps every digit equally likely.
  for (const byte of bytes) digits += CROCKFORD_ALPHABET[byte & 31];
  return CaseRefSchema.parse(`CS-${digits}`);
}

/** How long the ref is on a given attempt: a few tries at the short form, then one digit longer. */
export function refLengthForAttempt(attempt: number): number {
  return Math.min(MIN_REF_LENGTH + Math.floor(attempt / REF_TRIES_PER_LENGTH), MAX_REF_LENGTH);
}
export const REF_TRIES_PER_LENGTH = 4;
/** Enough to reach the longest form and try it a few times. */
export const MAX_REF_ATTEMPTS = (MAX_REF_LENGTH - MIN_REF_LENGTH + 1) * REF_TRIES_PER_LENGTH;
