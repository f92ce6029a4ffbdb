import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../i18n/testing';
import { CareSideError, plainErrorMessage } from './errors';

const domError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('plainErrorMessage', () => {
  it('keeps the sentence of CareSide’s own errors', () => {
    expect(plainErrorMessage(new CareSideError('conflict', 'This case is closed: reopen it first.'))).toBe(
      'This case is closed: reopen it first.',
    );
  });

  it.each([
    [domError('QuotaExceededError', ''), 'Storage is full: export and delete old cases, then try again. Nothing was saved.'],
    [domError('UnknownError', 'Quota exceeded.'), 'Storage is full: export and delete old cases, then try again. Nothing was saved.'],
    [
      domError('VersionError', 'The requested version (2) is less than the existing version (3).'),
      'The case database was saved by a newer version of CareSide: update or reload CareSide, then try again.',
    ],
    [domError('AbortError', ''), 'The browser stopped the database write before it finished, so nothing was saved. Try again.'],
    [
      domError('InvalidStateError', 'The database connection is closing.'),
      'The case database was closed while CareSide was using it, so nothing was saved. Try again.',
    ],
    [
      new Error(
        'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      ),
      'CareSide’s background stopped before it answered. Try again.',
    ],
    [
      new Error('Could not establish connection. Receiving end does not exist.'),
      'CareSide’s background stopped before it answered. Try again.',
    ],
    [new Error('Extension context invalidated.'), 'CareSide was updated or reloaded: reload this page to use it here.'],
  ])('puts %s in plain words', (error, sentence) => {
    expect(plainErrorMessage(error)).toBe(sentence);
  });

  it('never answers with an empty sentence', () => {
    expect(plainErrorMessage(new Error(''))).toBe('CareSide hit an error (Error) without details. Try again.');
    expect(plainErrorMessage(new CareSideError('internal', ' '))).toBe('CareSide hit an error (CareSideError) without details. Try again.');
    expect(plainErrorMessage(undefined)).toBe('CareSide hit an error without details. Try again.');
    expect(plainErrorMessage('disk on fire')).toBe('disk on fire');
  });
});

describe('plainErrorMessage in Spanish', () => {
  beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

  it('words every storage, database and messaging failure in Spanish', () => {
    const sentences = [
      domError('QuotaExceededError', ''),
      domError('VersionError', 'The requested version (2) is less than the existing version (3).'),
      domError('AbortError', ''),
      domError('InvalidStateError', 'The database connection is closing.'),
      new Error('Could not establish connection. Receiving end does not exist.'),
      new Error('Extension context invalidated.'),
      new Error(''),
      undefined,
    ].map(plainErrorMessage);
    expect(sentences[0]).toBe('El almacenamiento está lleno: exporta y borra casos antiguos y vuelve a intentarlo. No se guardó nada.');
    expect(sentences[6]).toBe('CareSide encontró un error (Error) sin detalles. Vuelve a intentarlo.');
    expect(englishLeaks(sentences.join('\n'))).toEqual([]);
  });
});
