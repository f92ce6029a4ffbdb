import { describe, expect, it } from 'vitest';
import { DEFAULT_RESPONSE_TARGETS } from '../workflow/targets';
import {
  isNumberFieldPath,
  retentionDraftFrom,
  retentionInputFromDraft,
  spiralsDraftFrom,
  spiralsInputFromDraft,
  targetsDraftFrom,
  targetsInputFromDraft,
  wholeNumberOrText,
} from './workflow-draft';

describe('number fields', () => {
  it('turns whole numbers into numbers and leaves anything else as the trimmed text', () => {
    expect(wholeNumberOrText(' 15 ')).toBe(15);
    expect(wholeNumberOrText('0')).toBe(0);
    expect(wholeNumberOrText('')).toBe('');
    expect(wholeNumberOrText('1.5')).toBe('1.5');
    expect(wholeNumberOrText('-3')).toBe('-3');
    expect(wholeNumberOrText('ten')).toBe('ten');
    expect(wholeNumberOrText('1e3')).toBe('1e3');
    // Too many digits to be a real value: left as text rather than rounded.
    expect(wholeNumberOrText('12345678901234567890')).toBe('12345678901234567890');
  });

  it('round-trips targets and spiral settings', () => {
    expect(targetsInputFromDraft(targetsDraftFrom(DEFAULT_RESPONSE_TARGETS))).toEqual(DEFAULT_RESPONSE_TARGETS);
    expect(targetsDraftFrom({ P1: 5, P2: 30, P3: 90, P4: 600 })).toEqual({ P1: '5', P2: '30', P3: '90', P4: '600' });
    expect(spiralsInputFromDraft(spiralsDraftFrom({ minSimilar: 4, windowMinutes: 45 }))).toEqual({ minSimilar: 4, windowMinutes: 45 });
    expect(spiralsInputFromDraft({ minSimilar: 'x', windowMinutes: '' })).toEqual({ minSimilar: 'x', windowMinutes: '' });
  });

  it('keeps closed cases forever when the retention field is blank', () => {
    expect(retentionDraftFrom({ closedCaseDays: null })).toEqual({ closedCaseDays: '' });
    expect(retentionInputFromDraft({ closedCaseDays: '  ' })).toEqual({ closedCaseDays: null });
    expect(retentionInputFromDraft(retentionDraftFrom({ closedCaseDays: 90 }))).toEqual({ closedCaseDays: 90 });
    expect(retentionInputFromDraft({ closedCaseDays: '30 days' })).toEqual({ closedCaseDays: '30 days' });
  });

  it('knows which settings paths are number fields', () => {
    expect(isNumberFieldPath(['retention', 'closedCaseDays'])).toBe(true);
    expect(isNumberFieldPath(['responseTargets', 'P3'])).toBe(true);
    expect(isNumberFieldPath(['spirals', 'windowMinutes'])).toBe(true);
    expect(isNumberFieldPath(['responseTargets'])).toBe(false);
    expect(isNumberFieldPath(['responseTargets', 'P5'])).toBe(false);
    expect(isNumberFieldPath(['agentSignature'])).toBe(false);
    expect(isNumberFieldPath(['brands', 0, 'name'])).toBe(false);
  });
});
