import { describe, expect, it } from 'vitest';
import { CaseRefSchema } from './case';
import { CROCKFORD_ALPHABET, generateCaseRef, MAX_REF_ATTEMPTS, MAX_REF_LENGTH, refLengthForAttempt } from './case-ref';

describe('generateCaseRef', () => {
  it('makes CS- plus four Crockford digits by default, valid per CaseRefSchema', () => {
    for (let i = 0; i < 200; i += 1) {
      const ref = generateCaseRef();
      expect(ref).toMatch(/^CS-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(CaseRefSchema.safeParse(ref).success).toBe(true);
    }
  });

  it('maps each byte to a digit by its low five bits', () => {
    const ref = generateCaseRef(8, (bytes) => {
      bytes.set([0, 31, 32, 255, 10, 18, 21, 27]);
      return bytes;
    });
    expect(ref).toBe(`CS-0Z0ZAJNV`);
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
    expect(CROCKFORD_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('rejects lengths the schema would not accept', () => {
    expect(() => generateCaseRef(3)).toThrow(RangeError);
    expect(() => generateCaseRef(9)).toThrow(RangeError);
  });

  it('grows the ref with repeated collisions, up to the longest form', () => {
    expect(refLengthForAttempt(0)).toBe(4);
    expect(refLengthForAttempt(MAX_REF_ATTEMPTS - 1)).toBe(MAX_REF_LENGTH);
    const lengths = Array.from({ length: MAX_REF_ATTEMPTS }, (_, attempt) => refLengthForAttempt(attempt));
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });
});
