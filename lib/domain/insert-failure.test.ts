import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../i18n/testing';
import {
  INSERT_FAILURE_CODES,
  insertFailureText,
  parseStoredInsertFailure,
  replyBoxLabel,
  storedInsertFailure,
  type InsertFailure,
} from './insert-failure';

const EVERY_FAILURE: InsertFailure[] = INSERT_FAILURE_CODES.map((code) => (code === 'composer_timeout' ? { code, seconds: 4 } : { code }));

describe('insert failures', () => {
  it('are stored as codes and read back the same', () => {
    for (const failure of EVERY_FAILURE) expect(parseStoredInsertFailure(storedInsertFailure(failure))).toEqual(failure);
    expect(storedInsertFailure({ code: 'composer_timeout', seconds: 4 })).toBe('[composer_timeout 4 s]');
  });

  it('reads an older English sentence or an unknown code as no stored failure', () => {
    expect(parseStoredInsertFailure("X's reply box did not open within 4 s.")).toBeUndefined();
    expect(parseStoredInsertFailure('[box_exploded]')).toBeUndefined();
  });

  it('names the box in English', () => {
    expect(insertFailureText({ code: 'composer_timeout', seconds: 4 }, replyBoxLabel('x'))).toBe("X's reply box did not open within 4 s.");
  });

  describe('in Spanish', () => {
    beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

    it('words every failure and every reply box in Spanish', () => {
      const boxes = (['x', 'facebook', 'yelp'] as const).map(replyBoxLabel);
      const sentences = EVERY_FAILURE.map((failure) => insertFailureText(failure, boxes[0]!));
      expect(sentences[2]).toBe('el cuadro de respuesta de X no se abrió en 4 s.');
      expect(englishLeaks([...boxes, ...sentences].join('\n'))).toEqual([]);
    });
  });
});
